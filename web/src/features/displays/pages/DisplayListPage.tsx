import { Button, Group, Paper } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconLink, IconPlaylist, IconLayoutDashboard } from '@tabler/icons-react';
import type { Display } from '@pantau/shared';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useDisplays, useRevokeDisplay } from '../../../api/displays.ts';
import { ConfirmModal } from '../../../components/ui/ConfirmModal.tsx';
import { EmptyState } from '../../../components/ui/EmptyState.tsx';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { PageHeader } from '../../../components/ui/PageHeader.tsx';
import { errorMessage } from '../../../lib/errors.ts';
import { usePageShortcuts } from '../../../lib/keyboard.ts';
import { useCan } from '../../auth/hooks/useMe.ts';
import { DisplayTable } from '../components/DisplayTable.tsx';
import { PairDisplayModal } from '../components/PairDisplayModal.tsx';
import { useConfirmTarget } from '../hooks/useConfirmTarget.ts';
import { useDisplayNames } from '../hooks/useDisplayNames.ts';

/** "Layar": every paired display, pairing a new one (P), revoking. */
export function DisplayListPage() {
  const { t } = useTranslation();
  const can = useCan();
  const manage = can('display.manage');
  const displays = useDisplays();
  const names = useDisplayNames();
  const revoke = useRevokeDisplay();
  const [pairOpen, pair] = useDisclosure(false);
  const revoking = useConfirmTarget<Display>();
  // revoked screens stay listed for the record, below the ones in service
  const list = displays.data && [...displays.data].sort((a, b) => Number(a.state === 'revoked') - Number(b.state === 'revoked') || a.name.localeCompare(b.name, 'id'));

  usePageShortcuts({ pair: manage ? pair.open : null }, (e, h) => {
    if (e.key.toLowerCase() === 'p' && h.pair) {
      e.preventDefault();
      h.pair();
    }
  });

  return (
    <>
      <PageHeader
        title={t('displays.title')}
        subtitle={t('displays.subtitle')}
        actions={
          manage && (
            <Group gap="sm">
              <Button component={Link} to="/tampilan/adegan" variant="default" leftSection={<IconLayoutDashboard size={16} />} data-testid="displays-scenes-link">
                {t('displays.nav.scenes')}
              </Button>
              <Button component={Link} to="/tampilan/playlist" variant="default" leftSection={<IconPlaylist size={16} />} data-testid="displays-playlists-link">
                {t('displays.nav.playlists')}
              </Button>
              <Button leftSection={<IconLink size={16} />} onClick={pair.open} data-testid="display-pair" title="P">
                {t('displays.pair.action')}
              </Button>
            </Group>
          )
        }
      />
      {displays.isError ? (
        <ErrorAlert error={displays.error} onRetry={() => void displays.refetch()} />
      ) : (
        <Paper withBorder radius="md" p="xs">
          {displays.data?.length === 0 ? (
            <EmptyState title={t('displays.empty')} body={t('displays.emptyHint')} />
          ) : (
            <DisplayTable displays={list} names={names} onRevoke={manage ? revoking.open : undefined} />
          )}
        </Paper>
      )}
      <PairDisplayModal opened={pairOpen} onClose={pair.close} />
      <ConfirmModal
        opened={revoking.opened}
        title={t('displays.revoke.title')}
        body={t('displays.revoke.body', { name: revoking.target?.name ?? '' })}
        confirmLabel={t('displays.revoke.action')}
        pending={revoke.isPending}
        error={revoke.error ? errorMessage(t, revoke.error) : null}
        onClose={() => {
          revoking.close();
          revoke.reset();
        }}
        onConfirm={() => {
          const d = revoking.target;
          if (!d) return;
          revoke.mutate(d.id, {
            onSuccess: () => {
              notifications.show({ color: 'green', message: t('displays.revoke.done', { name: d.name }) });
              revoking.close();
            },
          });
        }}
      />
    </>
  );
}
