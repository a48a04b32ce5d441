import { Anchor, Button, Paper, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import type { Playlist } from '@pantau/shared';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useDeletePlaylist, usePlaylists, useScenes } from '../../../api/displays.ts';
import { ConfirmModal } from '../../../components/ui/ConfirmModal.tsx';
import { EmptyState } from '../../../components/ui/EmptyState.tsx';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { PageHeader } from '../../../components/ui/PageHeader.tsx';
import { SkeletonRows } from '../../../components/ui/SkeletonRows.tsx';
import { errorMessage, hasCode } from '../../../lib/errors.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { usePageShortcuts } from '../../../lib/keyboard.ts';
import { useConfirmTarget } from '../hooks/useConfirmTarget.ts';

/** Playlists: each one's scenes in order; N makes a new one. */
export function PlaylistsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const playlists = usePlaylists();
  const scenes = useScenes();
  const remove = useDeletePlaylist();
  const deleting = useConfirmTarget<Playlist>();
  const sceneName = new Map((scenes.data ?? []).map((s) => [s.id, s.name]));

  usePageShortcuts({ create: () => void navigate('/tampilan/playlist/baru') }, (e, h) => {
    if (e.key.toLowerCase() === 'n') {
      e.preventDefault();
      h.create();
    }
  });

  return (
    <>
      <PageHeader
        title={t('displays.playlists.title')}
        subtitle={t('displays.playlists.subtitle')}
        actions={
          <Button component={Link} to="/tampilan/playlist/baru" leftSection={<IconPlus size={16} />} data-testid="playlist-create" title="N">
            {t('displays.playlists.create')}
          </Button>
        }
      />
      {playlists.isError ? (
        <ErrorAlert error={playlists.error} onRetry={() => void playlists.refetch()} />
      ) : (
        <Paper withBorder radius="md" p="xs">
          {playlists.data?.length === 0 ? (
            <EmptyState title={t('displays.playlists.empty')} body={t('displays.playlists.emptyHint')} />
          ) : (
            <Table.ScrollContainer minWidth={720}>
              <Table striped verticalSpacing="xs" data-testid="playlist-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('displays.playlists.name')}</Table.Th>
                    <Table.Th>{t('displays.playlists.items')}</Table.Th>
                    <Table.Th>{t('displays.scenes.updated')}</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {!playlists.data && <SkeletonRows cols={4} rows={3} />}
                  {playlists.data?.map((p) => (
                    <Table.Tr key={p.id} data-testid="playlist-row">
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
                      <Table.Td ta="right">
                        <Button size="compact-xs" color="red" variant="subtle" onClick={() => deleting.open(p)}>
                          {t('common.delete')}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Paper>
      )}
      <ConfirmModal
        opened={deleting.opened}
        title={t('displays.playlists.deleteTitle')}
        body={t('displays.playlists.deleteBody', { name: deleting.target?.name ?? '' })}
        confirmLabel={t('common.delete')}
        pending={remove.isPending}
        error={remove.error ? (hasCode(remove.error, 'conflict') ? t('displays.playlists.inUse') : errorMessage(t, remove.error)) : null}
        onClose={() => {
          deleting.close();
          remove.reset();
        }}
        onConfirm={() => {
          const x = deleting.target;
          if (!x) return;
          remove.mutate(x.id, {
            onSuccess: () => {
              notifications.show({ color: 'green', message: t('displays.playlists.deleted', { name: x.name }) });
              deleting.close();
            },
          });
        }}
      />
    </>
  );
}
