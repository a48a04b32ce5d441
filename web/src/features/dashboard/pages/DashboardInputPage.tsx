import { useState } from 'react';
import { Alert, Anchor, Button, Card, FileInput, Grid, Group, NumberInput, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { budgetImportResultSchema, budgetInputSchema, type BudgetInput } from '@pantau/shared';
import { useSaveBudget } from '../../../api/dashboards.ts';
import { keys } from '../../../api/keys.ts';
import { useTableUpload } from '../../../api/tableUpload.ts';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { PageHeader } from '../../../components/ui/PageHeader.tsx';
import { submitErrors } from '../../../lib/formErrors.ts';
import { useOrganizationOptions } from '../../../lib/options.ts';
import { useForm } from '../../../lib/useForm.ts';
import { validate } from '../../../lib/validation.ts';
import { useMe } from '../../auth/hooks/useMe.ts';
import { RowErrors } from '../../databank/components/RowErrors.tsx';
import { IndicatorForm } from '../components/IndicatorForm.tsx';
import { ProcurementForm } from '../components/ProcurementForm.tsx';

/** RFK entry of one program and quarter (created or replaced), IKU and procurement of the chosen OPD and year, and the CSV/XLSX import with its templates. */
export function DashboardInputPage() {
  const { t } = useTranslation();
  const me = useMe();
  const qc = useQueryClient();
  const orgs = useOrganizationOptions();
  const save = useSaveBudget();
  const [general, setGeneral] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const upload = useTableUpload(budgetImportResultSchema, () => qc.invalidateQueries({ queryKey: keys.dashboard }));
  const f = useForm<Required<BudgetInput>>({ organizationId: me.organizationId ?? '', year: new Date().getFullYear(), quarter: 1, programCode: '', programName: '', pagu: 0, realization: 0, physicalPct: 0, targetFinancialPct: 0, targetPhysicalPct: 0, problems: '', followUp: '' });
  const submit = async () => {
    setSaved(false);
    const v = validate(budgetInputSchema, f.values);
    if (!v.ok) return f.setErrors(v.errors);
    try {
      await save.mutateAsync(v.data);
      setSaved(true);
      setGeneral(null);
    } catch (e) {
      const errs = submitErrors(t, e);
      f.setErrors(errs.fields);
      setGeneral(errs.general);
    }
  };
  const num = (k: 'pagu' | 'realization' | 'physicalPct' | 'targetFinancialPct' | 'targetPhysicalPct' | 'year', label: string, max?: number) => (
    <NumberInput label={label} value={f.values[k]} onChange={(v) => f.setValue(k, Number(v) || 0)} error={f.errors[k]} min={0} max={max} thousandSeparator="." decimalSeparator="," />
  );
  return (
    <Stack gap="md">
      <PageHeader title={t('dashboard.inputTitle')} subtitle={<Anchor component={Link} to="/dashboard" size="sm">← {t('dashboard.title')}</Anchor>} />
      <Card withBorder padding="sm">
        <form onSubmit={(e) => { e.preventDefault(); void submit(); }} data-testid="budget-form">
          <Stack gap="sm">
            {general && <Alert color="red">{general}</Alert>}
            {saved && <Alert color="green">{t('dashboard.saved')}</Alert>}
            <Grid gap="sm">
              <Grid.Col span={{ base: 12, sm: 6 }}><Select label={t('dashboard.opd')} data={orgs.options} value={f.values.organizationId || null} onChange={(v) => f.setValue('organizationId', v ?? '')} error={f.errors.organizationId} disabled={me.role !== 'admin'} searchable /></Grid.Col>
              <Grid.Col span={{ base: 6, sm: 3 }}>{num('year', t('dashboard.year'))}</Grid.Col>
              <Grid.Col span={{ base: 6, sm: 3 }}><Select label={t('dashboard.quarter')} data={['1', '2', '3', '4']} value={String(f.values.quarter)} onChange={(v) => f.setValue('quarter', Number(v))} allowDeselect={false} /></Grid.Col>
              <Grid.Col span={{ base: 12, sm: 3 }}><TextInput label={t('dashboard.programCode')} placeholder="2.21.02" {...f.text('programCode')} /></Grid.Col>
              <Grid.Col span={{ base: 12, sm: 9 }}><TextInput label={t('dashboard.program')} {...f.text('programName')} /></Grid.Col>
              <Grid.Col span={{ base: 6, sm: 4 }}>{num('pagu', t('dashboard.pagu'))}</Grid.Col>
              <Grid.Col span={{ base: 6, sm: 4 }}>{num('realization', t('dashboard.realization'))}</Grid.Col>
              <Grid.Col span={{ base: 6, sm: 4 }}>{num('physicalPct', t('dashboard.physical'), 100)}</Grid.Col>
              <Grid.Col span={{ base: 6, sm: 4 }}>{num('targetFinancialPct', t('dashboard.targetFinancial'), 100)}</Grid.Col>
              <Grid.Col span={{ base: 6, sm: 4 }}>{num('targetPhysicalPct', t('dashboard.targetPhysical'), 100)}</Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6 }}><Textarea label={t('dashboard.problems')} autosize {...f.text('problems')} /></Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6 }}><Textarea label={t('dashboard.followUp')} autosize {...f.text('followUp')} /></Grid.Col>
            </Grid>
            <Button type="submit" loading={save.isPending} w="fit-content">{t('common.save')}</Button>
          </Stack>
        </form>
      </Card>
      <Card withBorder padding="sm">
        <Stack gap="lg">
          <IndicatorForm organizationId={f.values.organizationId} year={f.values.year} />
          <ProcurementForm organizationId={f.values.organizationId} year={f.values.year} />
        </Stack>
      </Card>
      <Card withBorder padding="sm">
        <Text fw={600} mb="xs">{t('dashboard.importTitle')}</Text>
        <Text size="sm" c="dimmed" mb="sm">{t('dashboard.importHint')} <Anchor href="/api/dashboard/budgets/template.csv">CSV</Anchor> · <Anchor href="/api/dashboard/budgets/template.xlsx">XLSX</Anchor></Text>
        <Group gap="sm" align="flex-end">
          <FileInput w={280} accept=".csv,.xlsx" value={file} onChange={(x) => { setFile(x); upload.reset(); }} leftSection={<IconUpload size={16} />} aria-label={t('dashboard.importTitle')} />
          <Button variant="default" disabled={!file} loading={upload.running} onClick={() => file && void upload.run('/api/dashboard/budgets/import?dryRun=true', file, true)}>{t('dashboard.check')}</Button>
          <Button disabled={!file} loading={upload.running} onClick={() => file && void upload.run('/api/dashboard/budgets/import', file, false)}>{t('dashboard.import')}</Button>
        </Group>
        {upload.error !== null && <ErrorAlert error={upload.error} />}
        {upload.result && !upload.result.ok && <RowErrors errors={upload.result.errors} rows={upload.result.rows} />}
        {upload.result?.ok && <Alert color="green" mt="sm">{t('dashboard.imported', { rows: upload.result.rows, saved: upload.result.saved })}</Alert>}
      </Card>
    </Stack>
  );
}
