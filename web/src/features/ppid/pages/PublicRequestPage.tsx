import { useState, type FormEvent } from 'react';
import { Alert, Button, Code, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { COPY_FORMATS, DELIVERY_METHODS, ppidRequestInputSchema, REQUESTER_KINDS, type PpidReceipt } from '@pantau/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSubmitPpidRequest } from '../../../api/ppid.ts';
import { submitErrors } from '../../../lib/formErrors.ts';
import { useForm } from '../../../lib/useForm.ts';
import { validate } from '../../../lib/validation.ts';

const EMPTY = { requesterKind: 'perorangan', name: '', idNumber: '', address: '', phone: '', email: '', information: '', purpose: '', deliveryMethod: 'email', copyFormat: 'softcopy' };

function Receipt({ r }: { r: PpidReceipt }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="lg" radius="md" data-testid="ppid-receipt">
      <Title order={3} mb="sm">
        {t('ppid.form.receiptTitle')}
      </Title>
      <Stack gap={6}>
        <Text>
          {t('ppid.form.receiptNumber')}: <Code data-testid="receipt-number">{r.registrationNumber}</Code>
        </Text>
        <Text>
          {t('ppid.form.receiptCode')}: <Code data-testid="receipt-code">{r.trackingCode}</Code>
        </Text>
        <Text size="sm">{t('ppid.form.receiptDates', { received: r.receivedOn, due: r.dueOn })}</Text>
        <Alert color="yellow" variant="light">
          {t('ppid.form.receiptKeep')}
        </Alert>
        <Group>
          <Button component={Link} to="/informasi-publik/lacak" state={{ registrationNumber: r.registrationNumber, trackingCode: r.trackingCode }}>
            {t('ppid.form.trackNow')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** The public request form (Perki 1/2021: identity, information, purpose, how to receive it). */
export function PublicRequestPage() {
  const { t } = useTranslation();
  const submit = useSubmitPpidRequest();
  const form = useForm<Record<keyof typeof EMPTY, string>>(EMPTY);
  const [general, setGeneral] = useState<string | null>(null);
  const options = (list: readonly string[], prefix: string) => list.map((v) => ({ value: v, label: t(`${prefix}.${v}` as never) }));

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setGeneral(null);
    const r = validate(ppidRequestInputSchema, form.values);
    if (!r.ok) return form.setErrors(r.errors);
    submit.mutate(r.data, {
      onError: (err) => {
        const x = submitErrors(t, err);
        form.setErrors(x.fields);
        setGeneral(x.general);
      },
    });
  };

  if (submit.data) return <Receipt r={submit.data} />;
  return (
    <form onSubmit={onSubmit} noValidate data-testid="ppid-request-form">
      <Stack gap="sm" maw={820}>
        <Title order={2}>{t('ppid.form.title')}</Title>
        <Text c="dimmed" size="sm">
          {t('ppid.form.intro')}
        </Text>
        {general && (
          <Alert color="red" variant="light">
            {general}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select label={t('ppid.form.requesterKind')} data={options(REQUESTER_KINDS, 'ppid.kinds')} allowDeselect={false} {...form.field('requesterKind')} onChange={(v) => form.setValue('requesterKind', v ?? 'perorangan')} />
          <TextInput label={t('ppid.form.name')} required autoComplete="name" data-testid="f-name" {...form.text('name')} />
          <TextInput label={t('ppid.form.idNumber')} required inputMode="numeric" data-testid="f-id" {...form.text('idNumber')} />
          <TextInput label={t('ppid.form.phone')} required autoComplete="tel" data-testid="f-phone" {...form.text('phone')} />
          <TextInput label={t('ppid.form.email')} required type="email" autoComplete="email" data-testid="f-email" {...form.text('email')} />
          <TextInput label={t('ppid.form.address')} required autoComplete="street-address" data-testid="f-address" {...form.text('address')} />
        </SimpleGrid>
        <Textarea label={t('ppid.form.information')} required autosize minRows={3} maxLength={3000} data-testid="f-information" {...form.text('information')} />
        <Textarea label={t('ppid.form.purpose')} required autosize minRows={2} maxLength={1000} data-testid="f-purpose" {...form.text('purpose')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select label={t('ppid.form.deliveryMethod')} data={options(DELIVERY_METHODS, 'ppid.delivery')} allowDeselect={false} {...form.field('deliveryMethod')} onChange={(v) => form.setValue('deliveryMethod', v ?? 'email')} />
          <Select label={t('ppid.form.copyFormat')} data={options(COPY_FORMATS, 'ppid.copy')} allowDeselect={false} {...form.field('copyFormat')} onChange={(v) => form.setValue('copyFormat', v ?? 'softcopy')} />
        </SimpleGrid>
        <Group>
          <Button type="submit" loading={submit.isPending} data-testid="f-submit">
            {t('ppid.form.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
