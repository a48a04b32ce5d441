import { Badge, Button, Group, Table, Text } from '@mantine/core';
import type { ApiToken } from '@pantau/shared';
import { useTranslation } from 'react-i18next';
import { SkeletonRows } from '../../../components/ui/SkeletonRows.tsx';
import { formatDateTime } from '../../../lib/format.ts';

type State = 'active' | 'revoked' | 'expired';

function stateOf(tk: ApiToken): State {
  if (tk.revokedAt) return 'revoked';
  if (tk.expiresAt && new Date(tk.expiresAt).getTime() < Date.now()) return 'expired';
  return 'active';
}

const STATE_COLOR: Record<State, string> = { active: 'green', revoked: 'dark', expired: 'gray' };

interface Props {
  tokens: ApiToken[] | undefined;
  onRevoke: (token: ApiToken) => void;
}

/** The user's own integration tokens; only the prefix is known after creation. */
export function TokenTable({ tokens, onRevoke }: Props) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={880}>
      <Table striped verticalSpacing="xs" data-testid="token-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('tokens.name')}</Table.Th>
            <Table.Th>{t('tokens.prefix')}</Table.Th>
            <Table.Th>{t('tokens.scopes')}</Table.Th>
            <Table.Th>{t('tokens.createdAt')}</Table.Th>
            <Table.Th>{t('tokens.lastUsedAt')}</Table.Th>
            <Table.Th>{t('tokens.expiresAt')}</Table.Th>
            <Table.Th>{t('tokens.state')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {!tokens && <SkeletonRows cols={8} rows={3} />}
          {tokens?.map((tk) => {
            const state = stateOf(tk);
            return (
              <Table.Tr key={tk.id} data-testid="token-row">
                <Table.Td fw={500}>{tk.name}</Table.Td>
                <Table.Td className="mono">{tk.prefix}…</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {tk.scopes.map((s) => (
                      <Badge key={s} variant="outline" size="sm" tt="none">
                        {s}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{formatDateTime(tk.createdAt)}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c="dimmed">
                    {tk.lastUsedAt ? formatDateTime(tk.lastUsedAt) : t('tokens.neverUsed')}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{tk.expiresAt ? formatDateTime(tk.expiresAt) : t('tokens.noExpiry')}</Text>
                </Table.Td>
                <Table.Td>
                  <Badge color={STATE_COLOR[state]} variant={state === 'active' ? 'light' : 'filled'}>
                    {t(`tokens.states.${state}`)}
                  </Badge>
                </Table.Td>
                <Table.Td ta="right">
                  {state === 'active' && (
                    <Button size="compact-xs" color="red" variant="subtle" onClick={() => onRevoke(tk)}>
                      {t('tokens.revoke')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
