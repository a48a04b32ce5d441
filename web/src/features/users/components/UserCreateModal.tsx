import { useState, type FormEvent } from 'react';
import { Alert, Modal, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { userCreateSchema } from '@pantau/shared';
import { useTranslation } from 'react-i18next';
import { useCreateUser } from '../../../api/users.ts';
import { submitErrors } from '../../../lib/formErrors.ts';
import { generatePassword } from '../../../lib/password.ts';
import { useForm } from '../../../lib/useForm.ts';
import { validate } from '../../../lib/validation.ts';
import { TempPasswordInput } from './TempPasswordInput.tsx';
import { UserProfileFields, type ProfileValues } from './UserProfileFields.tsx';
import { FormActions } from '../../../components/ui/FormActions.tsx';

interface Values extends ProfileValues {
  username: string;
  password: string;
}

function CreateForm({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateUser();
  const [general, setGeneral] = useState<string | null>(null);
  const form = useForm<Values>({
    username: '',
    password: generatePassword(),
    displayName: '',
    email: '',
    role: null,
    organizationId: null,
    regionCodes: [],
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const v = form.values;
    setGeneral(null);
    const r = validate(userCreateSchema, { ...v, email: v.email.trim() || null, role: v.role ?? undefined });
    if (!r.ok) return form.setErrors(r.errors);
    create.mutate(r.data, {
      onSuccess: (u) => {
        notifications.show({ color: 'green', message: t('users.created', { username: u.username }) });
        onClose();
      },
      onError: (err) => {
        const e = submitErrors(t, err, { field: 'username', message: t('users.usernameTaken') });
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
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label={t('users.username')} required autoComplete="off" data-testid="field-username" {...form.text('username')} />
          <TempPasswordInput
            label={t('users.tempPassword')}
            required
            value={form.values.password}
            error={form.errors.password}
            onChange={(v) => form.setValue('password', v)}
          />
        </SimpleGrid>
        <UserProfileFields values={form.values} errors={form.errors} set={(k, v) => form.setValue(k, v as Values[typeof k])} />
        <FormActions onCancel={onClose} loading={create.isPending} submitLabel={t('users.create')} />
      </Stack>
    </form>
  );
}

export function UserCreateModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('users.createTitle')} size="lg" centered>
      {opened && <CreateForm onClose={onClose} />}
    </Modal>
  );
}
