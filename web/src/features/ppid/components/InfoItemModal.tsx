import { useState, type FormEvent } from 'react';
import { Alert, Modal, Select, SimpleGrid, Stack, Switch, Textarea, TextInput } from '@mantine/core';
import { INFO_CATEGORIES, ppidInfoInputSchema } from '@pantau/shared';
import { useTranslation } from 'react-i18next';
import { useSaveInfoItem } from '../../../api/ppid.ts';
import { FormActions } from '../../../components/ui/FormActions.tsx';
import { submitErrors } from '../../../lib/formErrors.ts';
import { useOrganizationOptions } from '../../../lib/options.ts';
import { useForm } from '../../../lib/useForm.ts';
import { validate } from '../../../lib/validation.ts';

/** Adds an item to the Daftar Informasi Publik; an exempt item needs its legal basis and stays unpublished. */
export function InfoItemModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const orgs = useOrganizationOptions();
  const save = useSaveInfoItem();
  const [general, setGeneral] = useState<string | null>(null);
  const form = useForm({ title: '', summary: '', category: 'berkala', organizationId: null as string | null, period: String(new Date().getFullYear()), legalBasis: '', published: false });
  const exempt = form.values.category === 'dikecualikan';
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setGeneral(null);
    const v = form.values;
    const r = validate(ppidInfoInputSchema, { ...v, organizationId: v.organizationId ?? undefined, legalBasis: v.legalBasis.trim() || null, published: exempt ? false : v.published });
    if (!r.ok) return form.setErrors(r.errors);
    save.mutate({ id: null, body: r.data }, {
      onSuccess: onClose,
      onError: (err) => {
        const x = submitErrors(t, err);
        form.setErrors(x.fields);
        setGeneral(x.general);
      },
    });
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t('ppid.registry.add')} size="lg">
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          {general && <Alert color="red" variant="light">{general}</Alert>}
          <TextInput label={t('ppid.registry.itemTitle')} required {...form.text('title')} data-testid="info-title" />
          <Textarea label={t('ppid.registry.summary')} autosize minRows={2} {...form.text('summary')} />
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <Select label={t('ppid.registry.category')} data={INFO_CATEGORIES.map((c) => ({ value: c, label: t(`ppid.categories.${c}`) }))} allowDeselect={false} value={form.values.category} onChange={(v) => form.setValue('category', v ?? 'berkala')} />
            <Select label={t('ppid.registry.owner')} required searchable data={orgs.options} {...form.field('organizationId')} />
            <TextInput label={t('ppid.registry.period')} required {...form.text('period')} />
          </SimpleGrid>
          {exempt ? <Textarea label={t('ppid.registry.legalBasis')} required autosize minRows={2} {...form.text('legalBasis')} /> : <Switch label={t('ppid.registry.published')} checked={form.values.published} onChange={(e) => form.setValue('published', e.currentTarget.checked)} />}
          <FormActions onCancel={onClose} loading={save.isPending} submitLabel={t('common.save')} />
        </Stack>
      </form>
    </Modal>
  );
}
