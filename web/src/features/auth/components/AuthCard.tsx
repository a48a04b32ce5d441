import type { ReactNode } from 'react';
import { Box, Center, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Brand } from '../../../components/ui/Brand.tsx';
import { LanguageSwitch } from '../../../components/ui/LanguageSwitch.tsx';

/** The centred card shared by login and the forced password change. */
export function AuthCard({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Box mih="100vh" p="md" style={{ background: 'radial-gradient(circle at 50% 0%, #15324a 0%, var(--mantine-color-dark-8) 60%)' }}>
      <Group justify="flex-end">
        <LanguageSwitch />
      </Group>
      <Center mih="80vh">
        <Stack w="100%" maw={400} gap="lg">
          <Stack gap={4} align="center">
            <Brand size="xl" />
            <Text c="dimmed" size="sm" ta="center">
              {t('app.tagline')}
            </Text>
          </Stack>
          <Paper withBorder p="xl" radius="md" shadow="md" bg="dark.6">
            <Text fw={600} size="lg" mb="md">
              {title}
            </Text>
            {children}
          </Paper>
        </Stack>
      </Center>
    </Box>
  );
}
