import { Anchor, Button, Paper, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import type { Scene } from '@pantau/shared';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useDeleteScene, useScenes } from '../../../api/displays.ts';
import { ConfirmModal } from '../../../components/ui/ConfirmModal.tsx';
import { EmptyState } from '../../../components/ui/EmptyState.tsx';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { PageHeader } from '../../../components/ui/PageHeader.tsx';
import { SkeletonRows } from '../../../components/ui/SkeletonRows.tsx';
import { errorMessage, hasCode } from '../../../lib/errors.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { usePageShortcuts } from '../../../lib/keyboard.ts';
import { LayoutPreview } from '../components/LayoutPreview.tsx';
import { useConfirmTarget } from '../hooks/useConfirmTarget.ts';

/** Scenes: a picture of each layout and what its slots hold; N makes a new one. */
export function ScenesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const scenes = useScenes();
  const remove = useDeleteScene();
  const deleting = useConfirmTarget<Scene>();

  usePageShortcuts({ create: () => void navigate('/tampilan/adegan/baru') }, (e, h) => {
    if (e.key.toLowerCase() === 'n') {
      e.preventDefault();
      h.create();
    }
  });

  return (
    <>
      <PageHeader
        title={t('displays.scenes.title')}
        subtitle={t('displays.scenes.subtitle')}
        actions={
          <Button component={Link} to="/tampilan/adegan/baru" leftSection={<IconPlus size={16} />} data-testid="scene-create" title="N">
            {t('displays.scenes.create')}
          </Button>
        }
      />
      {scenes.isError ? (
        <ErrorAlert error={scenes.error} onRetry={() => void scenes.refetch()} />
      ) : (
        <Paper withBorder radius="md" p="xs">
          {scenes.data?.length === 0 ? (
            <EmptyState title={t('displays.scenes.empty')} body={t('displays.scenes.emptyHint')} />
          ) : (
            <Table.ScrollContainer minWidth={720}>
              <Table striped verticalSpacing="xs" data-testid="scene-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={110}>{t('displays.scenes.layout')}</Table.Th>
                    <Table.Th>{t('displays.scenes.name')}</Table.Th>
                    <Table.Th>{t('displays.scenes.updated')}</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {!scenes.data && <SkeletonRows cols={4} rows={3} />}
                  {scenes.data?.map((s) => (
                    <Table.Tr key={s.id} data-testid="scene-row">
                      <Table.Td>
                        <LayoutPreview layout={s.layout} slot={() => null} height={44} />
                      </Table.Td>
                      <Table.Td>
                        <Anchor component={Link} to={`/tampilan/adegan/${s.id}`} fw={500}>
                          {s.name}
                        </Anchor>
                        <Text size="xs" c="dimmed">
                          {t(`displays.scenes.layouts.${s.layout}`)} · {s.tiles.map((tile) => t(`displays.scenes.kinds.${tile.kind}`)).join(', ')}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{formatDateTime(s.updatedAt)}</Text>
                      </Table.Td>
                      <Table.Td ta="right">
                        <Button size="compact-xs" color="red" variant="subtle" onClick={() => deleting.open(s)}>
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
        title={t('displays.scenes.deleteTitle')}
        body={t('displays.scenes.deleteBody', { name: deleting.target?.name ?? '' })}
        confirmLabel={t('common.delete')}
        pending={remove.isPending}
        error={remove.error ? (hasCode(remove.error, 'conflict') ? t('displays.scenes.inUse') : errorMessage(t, remove.error)) : null}
        onClose={() => {
          deleting.close();
          remove.reset();
        }}
        onConfirm={() => {
          const x = deleting.target;
          if (!x) return;
          remove.mutate(x.id, {
            onSuccess: () => {
              notifications.show({ color: 'green', message: t('displays.scenes.deleted', { name: x.name }) });
              deleting.close();
            },
          });
        }}
      />
    </>
  );
}
