import { Suspense } from 'react';
import { AppShell, Badge, Burger, Center, Group, Loader, ScrollArea, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Outlet } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Brand } from '../../../components/ui/Brand.tsx';
import { LanguageSwitch } from '../../../components/ui/LanguageSwitch.tsx';
import { useCameraStatusSync } from '../../../api/cameraStatus.ts';
import { useMe } from '../../auth/hooks/useMe.ts';
import { NavLinks } from '../components/NavLinks.tsx';
import { UserMenu } from '../components/UserMenu.tsx';

/** The console frame: header (product, tenant, language, user) and the section navbar; camera status pushes land in the caches here. */
export function AppLayout() {
  const { t } = useTranslation();
  const me = useMe();
  const [opened, { toggle, close }] = useDisclosure(false);
  useCameraStatusSync();
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header withBorder>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="md" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('shell.toggleNav')} />
            <Brand />
            <Badge variant="outline" color="gray" size="lg" radius="sm" visibleFrom="xs" data-testid="tenant-name">
              {me.tenant.name}
            </Badge>
          </Group>
          <Group gap="md" wrap="nowrap">
            <LanguageSwitch />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm">
        {/* many sections on a short screen: the links scroll, the tagline stays */}
        <AppShell.Section grow component={ScrollArea} type="auto">
          <Stack gap={4}>
            <NavLinks onNavigate={close} />
          </Stack>
        </AppShell.Section>
        <Text size="xs" c="dimmed" mt="xs" px="xs">
          {t('app.tagline')}
        </Text>
      </AppShell.Navbar>
      <AppShell.Main>
        <Suspense
          fallback={
            <Center h={200}>
              <Loader />
            </Center>
          }
        >
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
