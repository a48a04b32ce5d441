import { useState, type FormEvent } from 'react';
import { Alert, Button, Checkbox, Divider, Group, Modal, Stack, Switch, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { userUpdateSchema, type User } from '@pantau/shared';
import { useTranslation } from 'react-i18next';
import { useUpdateUser } from '../../../api/users.ts';
import { errorMessage } from '../../../lib/errors.ts';
import { submitErrors } from '../../../lib/formErrors.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { generatePassword } from '../../../lib/password.ts';
import { useForm } from '../../../lib/useForm.ts';
import { validate } from '../../../lib/validation.ts';
import { TempPasswordInput } from './TempPasswordInput.tsx';
import { isLocked } from './UserTable.tsx';
import { UserProfileFields, type ProfileValues } from './UserProfileFields.tsx';
import { FormActions } from '../../../components/ui/FormActions.tsx';

interface Values extends ProfileValues {
  disabled: boolean;
  resetPassword: boolean;
  password: string;
}

function EditForm({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateUser(user.id);
  const [unlocked, setUnlocked] = useState(false);
  const [general, setGeneral] = useState<string | null>(null);
  const form = useForm<Values>({
    displayName: user.displayName,
    email: user.email ?? '',
    role: user.role,
    organizationId: user.organizationId,
    regionCodes: user.regionCodes,
    disabled: user.disabled,
    resetPassword: false,
    password: '',
  });

  const unlock = () =>
    update.mutate(
      { unlock: true },
      {
        onError: (err) => setGeneral(errorMessage(t, err)),
        onSuccess: () => {
          setUnlocked(true);
          notifications.show({ color: 'green', message: t('users.unlocked', { username: user.username }) });
        },
      },
    );

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const { resetPassword, password, email, role, ...rest } = form.values;
    const body = { ...rest, email: email.trim() || null, role: role ?? undefined, ...(resetPassword ? { password } : {}) };
    setGeneral(null);
    const r = validate(userUpdateSchema, body);
    if (!r.ok) return form.setErrors(r.errors);
    update.mutate(r.data, {
      onSuccess: () => {
        notifications.show({ color: 'green', message: t('users.saved', { username: user.username }) });
        onClose();
      },
      onError: (err) => {
        const e = submitErrors(t, err);
        form.setErrors(e.fields);
        setGeneral(e.general);
      },
    });
  };

  const locked = isLocked(user) && !unlocked;
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {general && (
          <Alert color="red" variant="light">
            {general}
          </Alert>
        )}
        {locked && (
          <Alert color="red" variant="light" title={t('users.locked')}>
            <Group justify="space-between">
              <Text size="sm">{t('users.lockedUntil', { time: formatDateTime(user.lockedUntil) })}</Text>
              <Button size="xs" variant="light" color="red" onClick={unlock} loading={update.isPending}>
                {t('users.unlock')}
              </Button>
            </Group>
          </Alert>
        )}
        <UserProfileFields values={form.values} errors={form.errors} set={(k, v) => form.setValue(k, v as Values[typeof k])} />
        <Divider my={4} />
        <Switch
          label={t('users.disableAccount')}
          description={t('users.disableHint')}
          checked={form.values.disabled}
          onChange={(e) => form.setValue('disabled', e.currentTarget.checked)}
        />
        <Checkbox
          label={t('users.resetPassword')}
          description={t('users.resetPasswordHint')}
          checked={form.values.resetPassword}
          onChange={(e) => {
            const on = e.currentTarget.checked;
            form.setValue('resetPassword', on);
            if (on && !form.values.password) form.setValue('password', generatePassword());
          }}
        />
        {form.values.resetPassword && (
          <TempPasswordInput
            label={t('users.newTempPassword')}
            required
            value={form.values.password}
            error={form.errors.password}
            onChange={(v) => form.setValue('password', v)}
          />
        )}
        <FormActions onCancel={onClose} loading={update.isPending} submitLabel={t('common.save')} />
      </Stack>
    </form>
  );
}

export function UserEditModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={user !== null} onClose={onClose} title={user ? t('users.editTitle', { username: user.username }) : ''} size="lg" centered>
      {user && <EditForm key={user.id} user={user} onClose={onClose} />}
    </Modal>
  );
}
