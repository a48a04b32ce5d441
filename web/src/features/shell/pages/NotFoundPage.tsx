import { Button, Stack, Text, Title } from '@mantine/core';
import { IconMapPinOff } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Stack align="center" py={80} gap="sm" data-testid="not-found">
      <IconMapPinOff size={48} stroke={1.4} color="var(--mantine-color-dimmed)" />
      <Title order={2}>{t('notFound.title')}</Title>
      <Text c="dimmed">{t('notFound.body')}</Text>
      <Button component={Link} to="/cameras" variant="light" mt="md">
        {t('notFound.back')}
      </Button>
    </Stack>
  );
}
