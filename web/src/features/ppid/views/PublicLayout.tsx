import { Suspense } from 'react';
import { AppShell, Anchor, Container, Group, Skeleton, Text } from '@mantine/core';
import { Link, NavLink, Outlet } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../../components/ui/LanguageSwitch.tsx';

const LINKS = [
  { to: '/informasi-publik', label: 'ppid.public.registry', end: true },
  { to: '/informasi-publik/permohonan', label: 'ppid.public.request', end: false },
  { to: '/informasi-publik/lacak', label: 'ppid.public.track', end: false },
] as const;

/** The public pages' frame: no login, no console navigation. */
export function PublicLayout() {
  const { t } = useTranslation();
  return (
    <AppShell header={{ height: { base: 116, sm: 64 } }} padding="md">
      <AppShell.Header>
        <Container size="lg" h="100%">
          <Group h="100%" justify="space-between" wrap="wrap" gap={4} py={6}>
            <div>
              <Text fw={700}>{t('ppid.public.brand')}</Text>
              <Text size="xs" c="dimmed" visibleFrom="sm">
                {t('ppid.public.subtitle')}
              </Text>
            </div>
            <Group gap="md" component="nav" wrap="wrap">
              {LINKS.map((l) => (
                <Anchor key={l.to} component={NavLink} to={l.to} end={l.end} size="sm">
                  {t(l.label)}
                </Anchor>
              ))}
              <Anchor component={Link} to="/login" size="sm" c="dimmed">
                {t('ppid.public.consoleLogin')}
              </Anchor>
              <LanguageSwitch />
            </Group>
          </Group>
        </Container>
      </AppShell.Header>
      <AppShell.Main>
        <Container size="lg">
          <Suspense fallback={<Skeleton height={240} />}>
            <Outlet />
          </Suspense>
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}
