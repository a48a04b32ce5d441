import { useState } from 'react';
import { Alert, Button, Grid, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { PROCUREMENT_STAGES, procurementInputSchema, type ProcurementInput } from '@pantau/shared';
import { useTranslation } from 'react-i18next';
import { useSaveProcurement } from '../../../api/dashboards.ts';
import { submitErrors } from '../../../lib/formErrors.ts';
import { useForm } from '../../../lib/useForm.ts';
import { validate } from '../../../lib/validation.ts';

type Stage = ProcurementInput['stage'];

/** One procurement package of an OPD and year, with its stage (created or replaced by name). */
export function ProcurementForm({ organizationId, year }: { organizationId: string; year: number }) {
  const { t } = useTranslation();
  const save = useSaveProcurement();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const f = useForm({ packageName: '', method: 'Tender', stage: 'rup' as Stage, value: 0 });
  const submit = async () => {
    const v = validate(procurementInputSchema, { ...f.values, organizationId, year } satisfies ProcurementInput);
    if (!v.ok) return f.setErrors(v.errors);
    try {
      await save.mutateAsync(v.data);
      setMessage({ ok: true, text: t('dashboard.saved') });
    } catch (e) {
      const errs = submitErrors(t, e);
      f.setErrors(errs.fields);
      setMessage(errs.general ? { ok: false, text: errs.general } : null);
    }
  };
  return (
    <form onSubmit={(e) => { e.preventDefault(); void submit(); }}>
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
