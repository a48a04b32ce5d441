import { Anchor, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useDeletePlaylist, usePlaylists, useScenes } from '../../../api/displays.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { ContentListView } from '../views/ContentListView.tsx';

/** Playlists: each one's scenes in order; N makes a new one. */
export function PlaylistsPage() {
  const { t } = useTranslation();
  const scenes = useScenes();
  const sceneName = new Map((scenes.data ?? []).map((s) => [s.id, s.name]));
  return (
    <ContentListView
      kind="playlists"
      testId="playlist"
      base="/tampilan/playlist"
      items={usePlaylists()}
      remove={useDeletePlaylist()}
      headers={
        <>
          <Table.Th>{t('displays.playlists.name')}</Table.Th>
          <Table.Th>{t('displays.playlists.items')}</Table.Th>
          <Table.Th>{t('displays.scenes.updated')}</Table.Th>
        </>
      }
      cells={(p) => (
        <>
          <Table.Td>
            <Anchor component={Link} to={`/tampilan/playlist/${p.id}`} fw={500}>
              {p.name}
            </Anchor>
          </Table.Td>
          <Table.Td>
            <Text size="sm" lineClamp={2}>
              {t('displays.playlists.itemsCount', { count: p.items.length })}: {p.items.map((i) => sceneName.get(i.sceneId) ?? '…').join(' → ')}
            </Text>
          </Table.Td>
          <Table.Td>
            <Text size="sm">{formatDateTime(p.updatedAt)}</Text>
          </Table.Td>
        </>
      )}
    />
  );
}
