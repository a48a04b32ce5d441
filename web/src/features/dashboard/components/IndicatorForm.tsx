import { Alert, Button, Grid, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { indicatorInputSchema, type IndicatorInput } from '@pantau/shared';
import { useTranslation } from 'react-i18next';
import { useSaveIndicator } from '../../../api/dashboards.ts';
import { useForm } from '../../../lib/useForm.ts';
import { useSubmit } from './useSubmit.ts';

/** IKU of one OPD and year: target and realization (created or replaced by code). */
export function IndicatorForm({ organizationId, year }: { organizationId: string; year: number }) {
  const { t } = useTranslation();
  const save = useSaveIndicator();
  const f = useForm({ code: '', name: '', unit: '%', target: 0, realization: 0 });
  const { submit, message } = useSubmit(indicatorInputSchema, f.setErrors, (v) => save.mutateAsync(v));
  return (
    <form onSubmit={(e) => { e.preventDefault(); void submit({ ...f.values, organizationId, year } satisfies IndicatorInput); }}>
      <Stack gap="xs">
        <Text fw={600}>{t('dashboard.ikuTitle')}</Text>
        {message && <Alert color={message.ok ? 'green' : 'red'}>{message.text}</Alert>}
        <Grid gap="sm">
          <Grid.Col span={{ base: 4, sm: 2 }}><TextInput label={t('dashboard.code')} placeholder="IKU-1" {...f.text('code')} /></Grid.Col>
          <Grid.Col span={{ base: 8, sm: 4 }}><TextInput label={t('dashboard.indicator')} {...f.text('name')} /></Grid.Col>
          <Grid.Col span={{ base: 4, sm: 2 }}><TextInput label={t('dashboard.unit')} {...f.text('unit')} /></Grid.Col>
          <Grid.Col span={{ base: 4, sm: 2 }}><NumberInput label={t('dashboard.target')} value={f.values.target} onChange={(v) => f.setValue('target', Number(v) || 0)} error={f.errors.target} min={0} decimalSeparator="," /></Grid.Col>
          <Grid.Col span={{ base: 4, sm: 2 }}><NumberInput label={t('dashboard.realization')} value={f.values.realization} onChange={(v) => f.setValue('realization', Number(v) || 0)} error={f.errors.realization} min={0} decimalSeparator="," /></Grid.Col>
        </Grid>
        <Button type="submit" variant="default" loading={save.isPending} w="fit-content" disabled={!organizationId}>{t('common.save')}</Button>
      </Stack>
    </form>
  );
}
