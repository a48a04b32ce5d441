import { Checkbox, PasswordInput, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CameraForm } from '../hooks/useCameraForm.ts';

interface Props {
  form: CameraForm;
  /** Editing an existing camera: credentials are write-only and may be cleared. */
  editing: boolean;
  hasCredentials: boolean;
}

/** RTSP URLs and credentials; stored credentials are never shown, only replaced or cleared. */
export function CameraStreamFields({ form, editing, hasCredentials }: Props) {
  const { t } = useTranslation();
  const { values, setValue } = form;
  const keepHint = editing ? t('cameras.keepBlank') : undefined;
  return (
    <Stack gap="sm">
      <TextInput
        label={t('fields.mainUrl')}
        placeholder="rtsp://10.0.0.10:554/stream1"
        description={t('cameras.urlHint')}
        required={!editing}
        classNames={{ input: 'mono' }}
        data-testid="field-mainUrl"
        {...form.text('mainUrl')}
      />
      <TextInput label={t('fields.subUrl')} placeholder="rtsp://10.0.0.10:554/stream2" {...form.text('subUrl')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          label={t('fields.username')}
          description={keepHint}
          autoComplete="off"
          disabled={values.clearCredentials}
          {...form.text('username')}
        />
        <PasswordInput
          label={t('fields.password')}
          description={keepHint}
          autoComplete="new-password"
          disabled={values.clearCredentials}
          {...form.text('password')}
        />
      </SimpleGrid>
      {editing && hasCredentials && (
        <Checkbox
          label={t('cameras.clearCredentials')}
          checked={values.clearCredentials}
          onChange={(e) => setValue('clearCredentials', e.currentTarget.checked)}
        />
      )}
    </Stack>
  );
}
