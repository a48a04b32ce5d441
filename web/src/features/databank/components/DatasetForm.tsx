import { Alert, Button, Grid, MultiSelect, Select, Stack, TagsInput, Textarea, TextInput } from '@mantine/core';
import { datasetInputSchema, FREQUENCIES, type Dataset, type DatasetInput } from '@pantau/shared';
import { useTranslation } from 'react-i18next';
import { useDatasetGroups, useSaveDataset } from '../../../api/opendata.ts';
import { submitErrors } from '../../../lib/formErrors.ts';
import { useOrganizationOptions, useRegionOptions } from '../../../lib/options.ts';
import { useForm } from '../../../lib/useForm.ts';
import { validate } from '../../../lib/validation.ts';
import { useState } from 'react';

type Values = Required<DatasetInput>;

const initialOf = (d: Dataset | null, organizationId: string | null): Values => ({
  name: d?.name ?? '', title: d?.title ?? '', description: d?.description ?? '', organizationId: d?.organization.id ?? organizationId ?? '',
  konsep: d?.konsep ?? '', definisi: d?.definisi ?? '', klasifikasi: d?.klasifikasi ?? '', ukuran: d?.ukuran ?? '', satuan: d?.satuan ?? '',
  frekuensi: (d?.frekuensi as Values['frekuensi']) ?? 'tahunan', periode: d?.periode ?? '', regionCode: d?.regionCode ?? '62', sumber: d?.sumber ?? '',
  licenseId: d?.licenseId ?? 'cc-by', tags: d?.tags ?? [], groups: d?.groups ?? [],
});

/** Satu Data metadata of a dataset; a produsen's OPD is fixed to its own, walidata choose any. */
export function DatasetForm({ dataset, ownOrganizationId, walidata, onSaved, readOnly }: { dataset: Dataset | null; ownOrganizationId: string | null; walidata: boolean; onSaved: (d: Dataset) => void; readOnly: boolean }) {
  const { t } = useTranslation();
  const f = useForm<Values>(initialOf(dataset, ownOrganizationId));
  const orgs = useOrganizationOptions();
  const regions = useRegionOptions();
  const groups = useDatasetGroups('console');
  const save = useSaveDataset();
  const [general, setGeneral] = useState<string | null>(null);
  const submit = async () => {
    const v = validate(datasetInputSchema, f.values);
    if (!v.ok) return f.setErrors(v.errors);
    try {
      onSaved(await save.mutateAsync({ id: dataset?.id ?? null, ...v.data }));
      setGeneral(null);
    } catch (e) {
      const errs = submitErrors(t, e, { field: 'name', message: t('databank.nameTaken') });
      f.setErrors(errs.fields);
      setGeneral(errs.general);
    }
  };
  const text = (k: keyof Values, label: string, extra: object = {}) => <TextInput label={label} {...f.text(k)} readOnly={readOnly} {...extra} />;
  return (
    <form onSubmit={(e) => { e.preventDefault(); void submit(); }} data-testid="dataset-form">
      <Stack gap="sm">
        {general && <Alert color="red">{general}</Alert>}
        <Grid gap="sm">
          <Grid.Col span={{ base: 12, sm: 8 }}>{text('title', t('databank.field.title'), { required: true, 'data-testid': 'field-title' })}</Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>{text('name', t('databank.field.name'), { required: true, description: t('databank.nameHint'), 'data-testid': 'field-name' })}</Grid.Col>
          <Grid.Col span={12}><Textarea label={t('databank.field.description')} autosize minRows={2} {...f.text('description')} readOnly={readOnly} /></Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <Select label={t('databank.field.organization')} data={orgs.options} {...f.field('organizationId')} onChange={(v) => f.setValue('organizationId', v ?? '')} disabled={!walidata || readOnly} required searchable />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <Select label={t('databank.field.regionCode')} data={regions.options} {...f.field('regionCode')} onChange={(v) => f.setValue('regionCode', v ?? '')} searchable disabled={readOnly} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}><Textarea label={t('databank.field.konsep')} autosize minRows={2} {...f.text('konsep')} readOnly={readOnly} /></Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}><Textarea label={t('databank.field.definisi')} autosize minRows={2} {...f.text('definisi')} readOnly={readOnly} /></Grid.Col>
          <Grid.Col span={{ base: 6, sm: 3 }}>{text('klasifikasi', t('databank.field.klasifikasi'))}</Grid.Col>
          <Grid.Col span={{ base: 6, sm: 3 }}>{text('ukuran', t('databank.field.ukuran'))}</Grid.Col>
          <Grid.Col span={{ base: 6, sm: 3 }}>{text('satuan', t('databank.field.satuan'))}</Grid.Col>
          <Grid.Col span={{ base: 6, sm: 3 }}>
            <Select label={t('databank.field.frekuensi')} data={FREQUENCIES.map((x) => ({ value: x, label: t(`databank.frequency.${x}`) }))} {...f.field('frekuensi')} onChange={(v) => v && f.setValue('frekuensi', v as Values['frekuensi'])} allowDeselect={false} disabled={readOnly} />
          </Grid.Col>
          <Grid.Col span={{ base: 6, sm: 3 }}>{text('periode', t('databank.field.periode'))}</Grid.Col>
          <Grid.Col span={{ base: 6, sm: 3 }}>{text('licenseId', t('databank.field.licenseId'))}</Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>{text('sumber', t('databank.field.sumber'))}</Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}><TagsInput label={t('databank.field.tags')} {...f.field('tags')} disabled={readOnly} /></Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <MultiSelect label={t('databank.field.groups')} data={(groups.data ?? []).map((g) => ({ value: g.name, label: g.title }))} {...f.field('groups')} disabled={readOnly} />
          </Grid.Col>
        </Grid>
        {!readOnly && <Button type="submit" loading={save.isPending} w="fit-content" data-testid="dataset-save">{t('common.save')}</Button>}
      </Stack>
    </form>
  );
}
