import { useState } from 'react';
import { Button, Paper } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import type { ApiToken } from '@pantau/shared';
import { useTranslation } from 'react-i18next';
import { useRevokeToken, useTokens } from '../../../api/tokens.ts';
import { ConfirmModal } from '../../../components/ui/ConfirmModal.tsx';
import { EmptyState } from '../../../components/ui/EmptyState.tsx';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { PageHeader } from '../../../components/ui/PageHeader.tsx';
import { errorMessage } from '../../../lib/errors.ts';
import { TokenCreateModal } from '../components/TokenCreateModal.tsx';
import { TokenTable } from '../components/TokenTable.tsx';

export function TokensPage() {
  const { t } = useTranslation();
  const tokens = useTokens();
  const revoke = useRevokeToken();
  const [createOpen, create] = useDisclosure(false);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);

  return (
    <>
      <PageHeader
        title={t('tokens.title')}
        subtitle={t('tokens.subtitle')}
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={create.open} data-testid="token-add">
            {t('tokens.create')}
          </Button>
        }
      />
      {tokens.isError ? (
        <ErrorAlert error={tokens.error} onRetry={() => void tokens.refetch()} />
      ) : (
        <Paper withBorder radius="md" p="xs">
          {tokens.data?.length === 0 ? (
            <EmptyState title={t('tokens.empty')} body={t('tokens.emptyHint')} />
          ) : (
            <TokenTable tokens={tokens.data} onRevoke={setRevoking} />
          )}
        </Paper>
      )}
      <TokenCreateModal opened={createOpen} onClose={create.close} />
      <ConfirmModal
        opened={revoking !== null}
        title={t('tokens.revokeTitle')}
        body={t('tokens.revokeBody', { name: revoking?.name ?? '' })}
        confirmLabel={t('tokens.revoke')}
        pending={revoke.isPending}
        error={revoke.error ? errorMessage(t, revoke.error) : null}
        onClose={() => {
          setRevoking(null);
          revoke.reset();
        }}
        onConfirm={() =>
          revoking &&
          revoke.mutate(revoking.id, {
            onSuccess: () => {
              notifications.show({ color: 'green', message: t('tokens.revoked', { name: revoking.name }) });
              setRevoking(null);
            },
          })
        }
      />
    </>
  );
}
