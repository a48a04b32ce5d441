import type { FormEvent, ReactNode } from 'react';
import { Alert, Button, Grid, Group, Paper, Stack, Title } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { CameraIdentityFields } from '../components/CameraIdentityFields.tsx';
import { CameraLocationFields } from '../components/CameraLocationFields.tsx';
import { CameraStreamFields } from '../components/CameraStreamFields.tsx';
import type { CameraForm } from '../hooks/useCameraForm.ts';

interface Props {
  form: CameraForm;
  editing: boolean;
  hasCredentials: boolean;
  pending: boolean;
  error: string | null;
  onSubmit: () => void;
  onCancel: () => void;
  header: ReactNode;
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="md">
      <Title order={4} mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/** The camera form: identity and stream on one side, location with its map on the other. */
export function CameraFormView({ form, editing, hasCredentials, pending, error, onSubmit, onCancel, header }: Props) {
  const { t } = useTranslation();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
  const count = Object.keys(form.errors).length;
  return (
    <form onSubmit={submit} noValidate data-testid="camera-form">
      {header}
      <Stack gap="md">
        {error && (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />}>
            {error}
          </Alert>
        )}
        {!error && count > 0 && (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />}>
            {t('common.fixErrors', { count })}
          </Alert>
        )}
        <Grid gap="md">
          <Grid.Col span={{ base: 12, lg: 6 }}>
            <Stack gap="md">
              <Section title={t('cameras.sectionIdentity')}>
                <CameraIdentityFields form={form} />
              </Section>
              <Section title={t('cameras.sectionStream')}>
                <CameraStreamFields form={form} editing={editing} hasCredentials={hasCredentials} />
              </Section>
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 6 }}>
            <Section title={t('cameras.sectionLocation')}>
              <CameraLocationFields form={form} />
            </Section>
          </Grid.Col>
        </Grid>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={pending} data-testid="camera-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
