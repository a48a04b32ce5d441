import { Suspense } from 'react';
import { Anchor, Box, Center, Container, Group, Loader, Text } from '@mantine/core';
import { Link, Outlet } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Brand } from '../../../components/ui/Brand.tsx';
import { LanguageSwitch } from '../../../components/ui/LanguageSwitch.tsx';

/** Frame of the public data bank: no login, no console navigation, readable on a phone. */
export function PublicLayout() {
  const { t } = useTranslation();
  return (
    <Box mih="100vh">
      <Box component="header" px="md" py="sm" style={{ borderBottom: '1px solid var(--mantine-color-dark-4)' }}>
        <Container size="xl" px={0}>
          <Group justify="space-between" wrap="nowrap">
            <Anchor component={Link} to="/data" underline="never" c="inherit">
              <Group gap="sm" wrap="nowrap">
                <Brand />
                <Text fw={600} visibleFrom="xs">
                  {t('databank.publicTitle')}
                </Text>
              </Group>
            </Anchor>
            <Group gap="sm" wrap="nowrap">
              <Anchor href="/api/3/action/package_search" size="sm" visibleFrom="sm">
                {t('databank.apiLink')}
              </Anchor>
              <LanguageSwitch />
              <Anchor component={Link} to="/login" size="sm">
                {t('databank.signIn')}
              </Anchor>
            </Group>
          </Group>
        </Container>
      </Box>
      <Container size="xl" py="md">
        <Suspense fallback={<Center h={200}><Loader /></Center>}>
          <Outlet />
        </Suspense>
      </Container>
    </Box>
  );
}
