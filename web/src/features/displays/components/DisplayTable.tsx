import { Anchor, Button, Stack, Table, Text } from '@mantine/core';
import type { Display } from '@pantau/shared';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { SkeletonRows } from '../../../components/ui/SkeletonRows.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import type { DisplayNames } from '../hooks/useDisplayNames.ts';
import { DisplayStatusBadge, TierBadge } from './DisplayBadges.tsx';
import { ShowingText } from './ShowingText.tsx';

interface Props {
  displays: Display[] | undefined;
  names: DisplayNames;
  /** Absent without display.manage. */
  onRevoke?: (d: Display) => void;
}

/** Paired displays: whether they are connected, what they show, and for whom. */
export function DisplayTable({ displays, names, onRevoke }: Props) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={920}>
      <Table striped verticalSpacing="xs" data-testid="display-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('displays.columns.name')}</Table.Th>
            <Table.Th>{t('displays.columns.status')}</Table.Th>
            <Table.Th>{t('displays.columns.showing')}</Table.Th>
            <Table.Th>{t('displays.columns.tier')}</Table.Th>
            <Table.Th>{t('displays.columns.playlist')}</Table.Th>
            <Table.Th>{t('displays.columns.lastSeen')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {!displays && <SkeletonRows cols={7} rows={3} />}
          {displays?.map((d) => (
            <Table.Tr key={d.id} data-testid="display-row" data-display-id={d.id} data-state={d.state}>
              <Table.Td>
                <Stack gap={0}>
                  <Anchor component={Link} to={`/tampilan/${d.id}`} fw={500} data-testid="display-link">
                    {d.name}
                  </Anchor>
                  {d.location && (
                    <Text size="xs" c="dimmed">
                      {d.location}
                    </Text>
                  )}
                </Stack>
              </Table.Td>
              <Table.Td>
                <DisplayStatusBadge display={d} />
              </Table.Td>
              <Table.Td>{d.state === 'active' ? <ShowingText display={d} names={names} /> : '—'}</Table.Td>
              <Table.Td>
                <TierBadge tier={d.tier} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">{d.playlistId ? (names.playlists.get(d.playlistId) ?? '—') : t('displays.noPlaylist')}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" c="dimmed">
                  {d.online ? t('displays.online') : d.lastSeenAt ? formatDateTime(d.lastSeenAt) : t('displays.neverSeen')}
                </Text>
              </Table.Td>
              <Table.Td ta="right">
                {onRevoke && d.state === 'active' && (
                  <Button size="compact-xs" color="red" variant="subtle" onClick={() => onRevoke(d)} data-testid="display-revoke">
                    {t('displays.revoke.action')}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
