import { NavLink } from '@mantine/core';
import { IconCamera, IconDatabase, IconFileExport, IconFileImport, IconHistory, IconLayoutGrid, IconMap2, IconPlayerTrackPrev, IconUsers } from '@tabler/icons-react';
import type { ComponentType } from 'react';
import { Link, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCan, type Action } from '../../auth/hooks/useMe.ts';

interface Item {
  to: string;
  label: 'nav.cameras' | 'nav.map' | 'nav.wall' | 'nav.import' | 'nav.users' | 'nav.audit' | 'playback.nav.playback' | 'playback.nav.exports' | 'playback.nav.storage';
  testId: string;
  icon: ComponentType<{ size?: number; stroke?: number }>;
  action: Action;
}

const ITEMS: Item[] = [
  { to: '/cameras', label: 'nav.cameras', testId: 'nav-cameras', icon: IconCamera, action: 'camera.read' },
  { to: '/map', label: 'nav.map', testId: 'nav-map', icon: IconMap2, action: 'camera.read' },
  { to: '/dinding-video', label: 'nav.wall', testId: 'nav-wall', icon: IconLayoutGrid, action: 'wall.manage' },
  { to: '/putar-ulang', label: 'playback.nav.playback', testId: 'nav-playback', icon: IconPlayerTrackPrev, action: 'recording.view' },
  { to: '/ekspor', label: 'playback.nav.exports', testId: 'nav-exports', icon: IconFileExport, action: 'recording.export' },
  { to: '/penyimpanan', label: 'playback.nav.storage', testId: 'nav-storage', icon: IconDatabase, action: 'storage.read' },
  { to: '/import', label: 'nav.import', testId: 'nav-import', icon: IconFileImport, action: 'camera.write' },
  { to: '/users', label: 'nav.users', testId: 'nav-users', icon: IconUsers, action: 'user.read' },
  { to: '/audit', label: 'nav.audit', testId: 'nav-audit', icon: IconHistory, action: 'audit.read' },
];

/** The navbar: only the sections the user may open. */
export function NavLinks({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const can = useCan();
  const { pathname } = useLocation();
  return ITEMS.filter((i) => can(i.action)).map((i) => {
    const Icon = i.icon;
    const active = pathname === i.to || pathname.startsWith(`${i.to}/`);
    return (
      <NavLink
        key={i.to}
        component={Link}
        to={i.to}
        data-testid={i.testId}
        label={t(i.label)}
        leftSection={<Icon size={18} stroke={1.6} />}
        active={active}
        onClick={onNavigate}
        variant="light"
        style={{ borderRadius: 'var(--mantine-radius-sm)' }}
      />
    );
  });
}
