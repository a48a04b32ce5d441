import { NavLink, Text } from '@mantine/core';
import {
  IconAdjustments,
  IconCamera,
  IconChartBar,
  IconClipboardList,
  IconDatabase,
  IconFileImport,
  IconFileInfo,
  IconHistory,
  IconLayoutGrid,
  IconMap2,
  IconMessageQuestion,
  IconPhoneCall,
  IconReportAnalytics,
  IconUrgent,
  IconUsers,
  IconFileExport,
  IconPlayerTrackPrev,
  IconServer,
  IconDeviceTv,
} from '@tabler/icons-react';
import type { ComponentType } from 'react';
import { Link, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCan, type Action } from '../../auth/hooks/useMe.ts';

interface Item {
  to: string;
  label:
    | 'nav.cameras'
    | 'nav.map'
    | 'nav.wall'
    | 'nav.import'
    | 'nav.users'
    | 'nav.audit'
    | 'databank.nav'
    | 'dashboard.nav'
    | 'ppid.nav'
    | 'ppid.navRegistry'
    | 'ppid.navReport'
    | `incidents.nav.${'board' | 'intake' | 'tasks' | 'stats' | 'settings'}`
    | 'playback.nav.playback'
    | 'playback.nav.exports'
    | 'playback.nav.storage'
    | 'displays.nav.displays';
  testId: string;
  icon: ComponentType<{ size?: number; stroke?: number }>;
  action: Action;
  group: Group;
}

/** Sections of the navbar, in order. */
const GROUPS = ['video', 'incidents', 'performance', 'ppid', 'admin'] as const;
type Group = (typeof GROUPS)[number];

const ITEMS: Item[] = [
  { to: '/cameras', label: 'nav.cameras', testId: 'nav-cameras', icon: IconCamera, action: 'camera.read', group: 'video' },
  { to: '/map', label: 'nav.map', testId: 'nav-map', icon: IconMap2, action: 'camera.read', group: 'video' },
  { to: '/dinding-video', label: 'nav.wall', testId: 'nav-wall', icon: IconLayoutGrid, action: 'wall.manage', group: 'video' },
  { to: '/putar-ulang', label: 'playback.nav.playback', testId: 'nav-playback', icon: IconPlayerTrackPrev, action: 'recording.view', group: 'video' },
  { to: '/ekspor', label: 'playback.nav.exports', testId: 'nav-exports', icon: IconFileExport, action: 'recording.export', group: 'video' },
  // Smart Displays; their scenes and playlists open from the displays page
  { to: '/tampilan', label: 'displays.nav.displays', testId: 'nav-displays', icon: IconDeviceTv, action: 'display.read', group: 'video' },
  { to: '/insiden', label: 'incidents.nav.board', testId: 'nav-incidents', icon: IconUrgent, action: 'incident.read', group: 'incidents' },
  { to: '/insiden/baru', label: 'incidents.nav.intake', testId: 'nav-intake', icon: IconPhoneCall, action: 'incident.create', group: 'incidents' },
  { to: '/tugas', label: 'incidents.nav.tasks', testId: 'nav-tasks', icon: IconClipboardList, action: 'incident.task.update', group: 'incidents' },
  { to: '/insiden/statistik', label: 'incidents.nav.stats', testId: 'nav-incident-stats', icon: IconChartBar, action: 'incident.stats', group: 'incidents' },
  { to: '/dashboard', label: 'dashboard.nav', testId: 'nav-dashboard', icon: IconChartBar, action: 'dashboard.read', group: 'performance' },
  { to: '/bank-data', label: 'databank.nav', testId: 'nav-databank', icon: IconDatabase, action: 'dataset.read', group: 'performance' },
  { to: '/ppid', label: 'ppid.nav', testId: 'nav-ppid', icon: IconMessageQuestion, action: 'ppid.request.read', group: 'ppid' },
  { to: '/daftar-informasi', label: 'ppid.navRegistry', testId: 'nav-ppid-registry', icon: IconFileInfo, action: 'ppid.registry.read', group: 'ppid' },
  { to: '/laporan-ppid', label: 'ppid.navReport', testId: 'nav-ppid-report', icon: IconReportAnalytics, action: 'ppid.report.read', group: 'ppid' },
  { to: '/penyimpanan', label: 'playback.nav.storage', testId: 'nav-storage', icon: IconServer, action: 'storage.read', group: 'admin' },
  { to: '/import', label: 'nav.import', testId: 'nav-import', icon: IconFileImport, action: 'camera.write', group: 'admin' },
  { to: '/users', label: 'nav.users', testId: 'nav-users', icon: IconUsers, action: 'user.read', group: 'admin' },
  { to: '/audit', label: 'nav.audit', testId: 'nav-audit', icon: IconHistory, action: 'audit.read', group: 'admin' },
  { to: '/insiden/pengaturan', label: 'incidents.nav.settings', testId: 'nav-incident-settings', icon: IconAdjustments, action: 'incident.configure', group: 'admin' },
];

/** The navbar: only the sections the user may open, grouped under small headings. */
export function NavLinks({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const can = useCan();
  const { pathname } = useLocation();
  const visible = ITEMS.filter((i) => can(i.action));
  return GROUPS.map((g) => {
    const items = visible.filter((i) => i.group === g);
    if (items.length === 0) return null;
    return (
      <div key={g} role="group" aria-label={t(`navGroups.${g}`)}>
        <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pt="sm" pb={4}>
          {t(`navGroups.${g}`)}
        </Text>
        {items.map((i) => {
          const Icon = i.icon;
          const active = pathname === i.to || (pathname.startsWith(`${i.to}/`) && !ITEMS.some((o) => o.to !== i.to && o.to.startsWith(`${i.to}/`) && pathname.startsWith(o.to)));
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
        })}
      </div>
    );
  });
}
