import type { TFunction } from 'i18next';
import { useState, type FormEvent } from 'react';
import { Alert, Checkbox, Modal, Select, Stack, TextInput } from '@mantine/core';
import { apiTokenCreateSchema, TOKEN_SCOPES } from '@pantau/shared';
import { useTranslation } from 'react-i18next';
import { useCreateToken } from '../../../api/tokens.ts';
import { submitErrors } from '../../../lib/formErrors.ts';
import { useForm } from '../../../lib/useForm.ts';
import { validate } from '../../../lib/validation.ts';
import { TokenSecret } from './TokenSecret.tsx';
import { FormActions } from '../../../components/ui/FormActions.tsx';

const EXPIRY = ['30', '90', '365', 'never'] as const;

function CreateForm({ onCreated, onClose }: { onCreated: (token: string) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateToken();
  const [general, setGeneral] = useState<string | null>(null);
  const form = useForm({ name: '', scopes: ['cameras:read'] as string[], expiry: '365' as string });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const { name, scopes, expiry } = form.values;
    setGeneral(null);
    const r = validate(apiTokenCreateSchema, { name, scopes, expiresInDays: expiry === 'never' ? null : Number(expiry) });
    if (!r.ok) return form.setErrors(r.errors);
    create.mutate(r.data, {
      onSuccess: (created) => onCreated(created.token),
      onError: (err) => {
        const e = submitErrors(t, err);
        form.setErrors(e.fields);
        setGeneral(e.general);
      },
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {general && (
          <Alert color="red" variant="light">
            {general}
          </Alert>
        )}
        <TextInput label={t('tokens.name')} description={t('tokens.nameHint')} required data-testid="token-name" {...form.text('name')} />
        <Checkbox.Group label={t('tokens.scopes')} required value={form.values.scopes} error={form.errors.scopes} onChange={(v) => form.setValue('scopes', v)}>
          <Stack gap={6} mt={6}>
            {TOKEN_SCOPES.map((s) => (
              <Checkbox key={s} value={s} label={scopeLabel(t, s)} />
            ))}
          </Stack>
        </Checkbox.Group>
        <Select
          label={t('tokens.expiry')}
          data={EXPIRY.map((d) => ({ value: d, label: d === 'never' ? t('tokens.noExpiry') : t('tokens.days', { count: Number(d) }) }))}
          value={form.values.expiry}
          allowDeselect={false}
          error={form.errors.expiresInDays}
          onChange={(v) => v && form.setValue('expiry', v)}
        />
        <FormActions onCancel={onClose} loading={create.isPending} submitLabel={t('tokens.create')} />
      </Stack>
    </form>
  );
}

/** Create a token, then show its secret once in the same dialog. */
export function TokenCreateModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [secret, setSecret] = useState<string | null>(null);
  const close = () => {
    setSecret(null);
    onClose();
  };
  return (
    <Modal
      opened={opened}
      onClose={close}
      title={secret ? t('tokens.createdTitle') : t('tokens.createTitle')}
      centered
      size="lg"
      // The secret must not vanish by a stray click outside the dialog.
      closeOnClickOutside={!secret}
    >
      {opened && (secret ? <TokenSecret token={secret} onDone={close} /> : <CreateForm onCreated={setSecret} onClose={close} />)}
    </Modal>
  );
}

/** Scope labels: the incident scopes' strings live with the incidents feature. */
function scopeLabel(t: TFunction, s: (typeof TOKEN_SCOPES)[number]): string {
  if (s === 'incidents:read' || s === 'incidents:write' || s === 'open311') return t(`incidents.scopes.${s.replace(':', '_') as 'incidents_read' | 'incidents_write' | 'open311'}`);
  return t(`tokens.scopeLabels.${s.replace(':', '_') as 'cameras_read' | 'cameras_write' | 'audit_read'}`);
}
