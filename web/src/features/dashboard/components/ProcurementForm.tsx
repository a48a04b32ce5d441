import { Alert, Button, Grid, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { PROCUREMENT_STAGES, procurementInputSchema, type ProcurementInput } from '@pantau/shared';
import { useTranslation } from 'react-i18next';
import { useSaveProcurement } from '../../../api/dashboards.ts';
import { useForm } from '../../../lib/useForm.ts';
import { useSubmit } from './useSubmit.ts';

type Stage = ProcurementInput['stage'];

/** One procurement package of an OPD and year, with its stage (created or replaced by name). */
export function ProcurementForm({ organizationId, year }: { organizationId: string; year: number }) {
  const { t } = useTranslation();
  const save = useSaveProcurement();
  const f = useForm({ packageName: '', method: 'Tender', stage: 'rup' as Stage, value: 0 });
  const { submit, message } = useSubmit(procurementInputSchema, f.setErrors, (v) => save.mutateAsync(v));
  return (
    <form onSubmit={(e) => { e.preventDefault(); void submit({ ...f.values, organizationId, year } satisfies ProcurementInput); }}>
      <Stack gap="xs">
        <Text fw={600}>{t('dashboard.procurementTitle')}</Text>
        {message && <Alert color={message.ok ? 'green' : 'red'}>{message.text}</Alert>}
        <Grid gap="sm">
          <Grid.Col span={{ base: 12, sm: 5 }}><TextInput label={t('dashboard.package')} {...f.text('packageName')} /></Grid.Col>
          <Grid.Col span={{ base: 6, sm: 2 }}><TextInput label={t('dashboard.method')} {...f.text('method')} /></Grid.Col>
          <Grid.Col span={{ base: 6, sm: 2 }}><Select label={t('dashboard.stage')} data={PROCUREMENT_STAGES.map((s) => ({ value: s, label: t(`dashboard.stages.${s}`) }))} value={f.values.stage} onChange={(v) => v && f.setValue('stage', v as Stage)} allowDeselect={false} /></Grid.Col>
          <Grid.Col span={{ base: 12, sm: 3 }}><NumberInput label={t('dashboard.value')} value={f.values.value} onChange={(v) => f.setValue('value', Number(v) || 0)} error={f.errors.value} min={0} thousandSeparator="." decimalSeparator="," /></Grid.Col>
        </Grid>
        <Button type="submit" variant="default" loading={save.isPending} w="fit-content" disabled={!organizationId}>{t('common.save')}</Button>
      </Stack>
    </form>
  );
}
