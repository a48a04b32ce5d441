import { useState, type FormEvent } from 'react';
import { Alert, Modal, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { PAIRING_CODE_PATTERN, pairingApproveSchema } from '@pantau/shared';
import { useTranslation } from 'react-i18next';
import { useApprovePairing } from '../../../api/displays.ts';
import { FormActions } from '../../../components/ui/FormActions.tsx';
import { hasCode } from '../../../lib/errors.ts';
import { submitErrors } from '../../../lib/formErrors.ts';
import { useForm } from '../../../lib/useForm.ts';
import { validate } from '../../../lib/validation.ts';
import { formatPairingCode } from '../hooks/pushModel.ts';
import { DisplayFields, type DisplaySettings } from './TierSelect.tsx';

interface Values extends DisplaySettings {
  code: string;
}

function PairForm({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const approve = useApprovePairing();
  const [general, setGeneral] = useState<string | null>(null);
  const form = useForm<Values>({ code: '', name: '', location: '', tier: 'public', playlistId: null });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setGeneral(null);
    // the shared schema's own message is Indonesian only; this one follows the session's language
    if (!PAIRING_CODE_PATTERN.test(form.values.code)) return form.setErrors({ code: t('displays.pair.codeInvalid') });
    const r = validate(pairingApproveSchema, form.values);
    if (!r.ok) return form.setErrors(r.errors);
    approve.mutate(r.data, {
      onSuccess: () => {
        notifications.show({ color: 'green', message: t('displays.pair.done', { name: r.data.name }) });
        onClose();
      },
      onError: (err) => {
        // an unknown, expired or already used code: the screen must show a fresh one
        if (hasCode(err, 'not_found') || hasCode(err, 'conflict')) return form.setErrors({ code: t('displays.pair.codeUnknown') });
        const s = submitErrors(t, err);
        form.setErrors(s.fields);
        setGeneral(s.general);
      },
    });
  };

  return (
    <form onSubmit={submit} noValidate data-testid="pair-form">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('displays.pair.hint')}
        </Text>
        {general && (
          <Alert color="red" variant="light">
            {general}
          </Alert>
        )}
        <TextInput
          label={t('displays.pair.code')}
          placeholder="ABCD-EF23"
          required
          autoFocus
          autoComplete="off"
          spellCheck={false}
          maxLength={9}
          classNames={{ input: 'mono' }}
          value={form.values.code}
          error={form.errors.code}
          onChange={(e) => form.setValue('code', formatPairingCode(e.currentTarget.value))}
          data-testid="pair-code"
        />
        <DisplayFields form={form} testId="pair" />
        <FormActions onCancel={onClose} loading={approve.isPending} submitLabel={t('displays.pair.submit')} />
      </Stack>
    </form>
  );
}

/** "Pasangkan layar": approve the code a new screen shows, naming it and choosing its tier and playlist. */
export function PairDisplayModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('displays.pair.title')} size="lg" centered>
      {opened && <PairForm onClose={onClose} />}
    </Modal>
  );
}
