import { useState, type FormEvent } from 'react';
import { Alert, Button, Group, PasswordInput, Stack } from '@mantine/core';
import { passwordChangeSchema, PASSWORD_MIN } from '@pantau/shared';
import { useTranslation } from 'react-i18next';
import { useChangePassword } from '../../../api/session.ts';
import { hasCode } from '../../../lib/errors.ts';
import { submitErrors } from '../../../lib/formErrors.ts';
import { useForm } from '../../../lib/useForm.ts';
import { validate, type FieldErrors } from '../../../lib/validation.ts';

interface Props {
  onDone: () => void;
  onCancel?: () => void;
}

/** Current + new password (twice), validated with the shared schema before it is sent. */
export function ChangePasswordForm({ onDone, onCancel }: Props) {
  const { t } = useTranslation();
  const change = useChangePassword();
  const form = useForm({ currentPassword: '', newPassword: '', confirm: '' });
  const [general, setGeneral] = useState<string | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const { confirm, ...body } = form.values;
    const r = validate(passwordChangeSchema, body);
    setGeneral(null);
    const errors: FieldErrors = r.ok ? {} : { ...r.errors };
    if (confirm !== body.newPassword) errors.confirm = t('auth.passwordMismatch');
    if (!r.ok || errors.confirm) return form.setErrors(errors);
    change.mutate(r.data, {
      onSuccess: onDone,
      onError: (err) => {
        if (hasCode(err, 'invalid_credentials')) return form.setErrors({ currentPassword: t('auth.currentPasswordWrong') });
        const e = submitErrors(t, err);
        form.setErrors(e.fields);
        setGeneral(e.general);
      },
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {general && (
          <Alert color="red" variant="light">
            {general}
          </Alert>
        )}
        <PasswordInput label={t('auth.currentPassword')} autoComplete="current-password" required {...form.text('currentPassword')} />
        <PasswordInput
          label={t('auth.newPassword')}
          description={t('auth.passwordRule', { count: PASSWORD_MIN })}
          autoComplete="new-password"
          required
          {...form.text('newPassword')}
        />
        <PasswordInput label={t('auth.confirmPassword')} autoComplete="new-password" required {...form.text('confirm')} />
        <Group justify="flex-end">
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
          )}
          <Button type="submit" loading={change.isPending}>
            {t('auth.changePassword')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
