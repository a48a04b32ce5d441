import { Button, Paper, Table } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import type { UseMutationResult, UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../../components/ui/ConfirmModal.tsx';
import { EmptyState } from '../../../components/ui/EmptyState.tsx';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { PageHeader } from '../../../components/ui/PageHeader.tsx';
import { SkeletonRows } from '../../../components/ui/SkeletonRows.tsx';
import { errorMessage, hasCode } from '../../../lib/errors.ts';
import { usePageShortcuts } from '../../../lib/keyboard.ts';
import { useConfirmTarget } from '../hooks/useConfirmTarget.ts';

/**
 * The list page scenes and playlists share: header with "new" (N), a table whose cells the page
 * gives, and deletion with a confirmation that says when the item is still in use (409).
 */
export function ContentListView<T extends { id: string; name: string }>(props: {
  /** i18n section under `displays.` and the test id prefix. */
  kind: 'scenes' | 'playlists';
  testId: 'scene' | 'playlist';
  /** Console path of the list; `${base}/baru` creates, `${base}/:id` edits. */
  base: string;
  items: UseQueryResult<T[]>;
  remove: UseMutationResult<unknown, Error, string>;
  headers: ReactNode;
  cells: (item: T) => ReactNode;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { kind, items, remove } = props;
  const deleting = useConfirmTarget<T>();
  usePageShortcuts({ create: () => void navigate(`${props.base}/baru`) }, (e, h) => {
    if (e.key.toLowerCase() === 'n') {
      e.preventDefault();
      h.create();
    }
  });

  return (
    <>
      <PageHeader
        title={t(`displays.${kind}.title`)}
        subtitle={t(`displays.${kind}.subtitle`)}
        actions={
          <Button component={Link} to={`${props.base}/baru`} leftSection={<IconPlus size={16} />} data-testid={`${props.testId}-create`} title="N">
            {t(`displays.${kind}.create`)}
          </Button>
        }
      />
      {items.isError ? (
        <ErrorAlert error={items.error} onRetry={() => void items.refetch()} />
      ) : (
        <Paper withBorder radius="md" p="xs">
          {items.data?.length === 0 ? (
            <EmptyState title={t(`displays.${kind}.empty`)} body={t(`displays.${kind}.emptyHint`)} />
          ) : (
            <Table.ScrollContainer minWidth={720}>
              <Table striped verticalSpacing="xs" data-testid={`${props.testId}-table`}>
                <Table.Thead>
                  <Table.Tr>
                    {props.headers}
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {!items.data && <SkeletonRows cols={4} rows={3} />}
                  {items.data?.map((item) => (
                    <Table.Tr key={item.id} data-testid={`${props.testId}-row`}>
                      {props.cells(item)}
                      <Table.Td ta="right">
                        <Button size="compact-xs" color="red" variant="subtle" onClick={() => deleting.open(item)}>
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
        title={t(`displays.${kind}.deleteTitle`)}
        body={t(`displays.${kind}.deleteBody`, { name: deleting.target?.name ?? '' })}
        confirmLabel={t('common.delete')}
        pending={remove.isPending}
        error={remove.error ? (hasCode(remove.error, 'conflict') ? t(`displays.${kind}.inUse`) : errorMessage(t, remove.error)) : null}
        onClose={() => {
          deleting.close();
          remove.reset();
        }}
        onConfirm={() => {
          const x = deleting.target;
          if (!x) return;
          remove.mutate(x.id, {
            onSuccess: () => {
              notifications.show({ color: 'green', message: t(`displays.${kind}.deleted`, { name: x.name }) });
              deleting.close();
            },
          });
        }}
      />
    </>
  );
}
