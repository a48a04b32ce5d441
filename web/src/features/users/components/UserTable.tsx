import { Badge, Group, Table, Text, Tooltip } from '@mantine/core';
import type { Organization, User } from '@pantau/shared';
import { useTranslation } from 'react-i18next';
import { SkeletonRows } from '../../../components/ui/SkeletonRows.tsx';
import { formatDateTime } from '../../../lib/format.ts';

interface Props {
  users: User[] | undefined;
  organizations: Map<string, Organization>;
  regionNames: Map<string, string>;
  onOpen?: (user: User) => void;
}

export function isLocked(u: User): boolean {
  return u.lockedUntil !== null && new Date(u.lockedUntil).getTime() > Date.now();
}

function Regions({ codes, names }: { codes: string[]; names: Map<string, string> }) {
  const { t } = useTranslation();
  if (codes.length === 0) return <Text size="sm" c="dimmed">{t('users.allRegions')}</Text>;
  const label = (c: string) => names.get(c) ?? c;
  const shown = codes.slice(0, 2).map(label).join(', ');
  const rest = codes.length - 2;
  return (
    <Tooltip label={codes.map(label).join(', ')} disabled={rest <= 0} multiline maw={320}>
      <Text size="sm">
        {shown}
        {rest > 0 && ` +${rest}`}
      </Text>
    </Tooltip>
  );
}

/** Users with their role, organization, regions and account state. */
export function UserTable({ users, organizations, regionNames, onOpen }: Props) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={1000}>
      <Table striped highlightOnHover={Boolean(onOpen)} verticalSpacing="xs" data-testid="user-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('users.username')}</Table.Th>
            <Table.Th>{t('users.displayName')}</Table.Th>
            <Table.Th>{t('users.role')}</Table.Th>
            <Table.Th>{t('fields.organization')}</Table.Th>
            <Table.Th>{t('users.regions')}</Table.Th>
            <Table.Th>{t('users.state')}</Table.Th>
            <Table.Th>{t('users.lastLogin')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {!users && <SkeletonRows cols={7} />}
          {users?.map((u) => (
            <Table.Tr
              key={u.id}
              data-testid="user-row"
              className={onOpen ? 'clickable-row' : undefined}
              tabIndex={onOpen ? 0 : undefined}
              onClick={onOpen && (() => onOpen(u))}
              onKeyDown={onOpen && ((e) => e.key === 'Enter' && onOpen(u))}
            >
              <Table.Td className="mono">{u.username}</Table.Td>
              <Table.Td>{u.displayName}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Badge variant="light" color={u.role === 'admin' ? 'orange' : 'cyan'}>
                  {t(`roles.${u.role}`)}
                </Badge>
              </Table.Td>
              <Table.Td>{u.organizationId ? (organizations.get(u.organizationId)?.name ?? '—') : '—'}</Table.Td>
              <Table.Td>
                <Regions codes={u.regionCodes} names={regionNames} />
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Group gap={4} wrap="nowrap">
                  {u.disabled && <Badge color="dark" variant="filled">{t('users.disabled')}</Badge>}
                  {isLocked(u) && <Badge color="red" variant="light">{t('users.locked')}</Badge>}
                  {!u.disabled && !isLocked(u) && <Badge color="green" variant="dot">{t('users.active')}</Badge>}
                </Group>
              </Table.Td>
              <Table.Td>
                <Text size="sm" c="dimmed">
                  {formatDateTime(u.lastLoginAt)}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
