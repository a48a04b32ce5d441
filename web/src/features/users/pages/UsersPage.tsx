import { useState } from 'react';
import { Button, Group, Paper, Select, TextInput } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { IconSearch, IconUserPlus } from '@tabler/icons-react';
import type { Role, User } from '@pantau/shared';
import { useTranslation } from 'react-i18next';
import { useUserPage } from '../../../api/users.ts';
import { EmptyState } from '../../../components/ui/EmptyState.tsx';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { PageHeader } from '../../../components/ui/PageHeader.tsx';
import { Paging } from '../../../components/ui/Paging.tsx';
import { useEnumOptions, useOrganizationOptions, useRegionOptions } from '../../../lib/options.ts';
import { useCan } from '../../auth/hooks/useMe.ts';
import { UserCreateModal } from '../components/UserCreateModal.tsx';
import { UserEditModal } from '../components/UserEditModal.tsx';
import { UserTable } from '../components/UserTable.tsx';

const PAGE_SIZE = 25;

export function UsersPage() {
  const { t } = useTranslation();
  const can = useCan();
  const opts = useEnumOptions();
  const orgs = useOrganizationOptions();
  const regions = useRegionOptions();
  const [q, setQ] = useState('');
  const [debouncedQ] = useDebouncedValue(q.trim(), 300);
  const [role, setRole] = useState<Role | null>(null);
  const [page, setPage] = useState(1);
  const [createOpen, create] = useDisclosure(false);
  const [editing, setEditing] = useState<User | null>(null);
  const users = useUserPage({ q: debouncedQ || undefined, role: role ?? undefined }, PAGE_SIZE, (page - 1) * PAGE_SIZE);
  const canWrite = can('user.write');

  return (
    <>
      <PageHeader
        title={t('users.title')}
        subtitle={users.data ? t('users.total', { count: users.data.total }) : '\u00a0'}
        actions={
          canWrite && (
            <Button leftSection={<IconUserPlus size={16} />} onClick={create.open} data-testid="user-add">
              {t('users.create')}
            </Button>
          )
        }
      />
      <Group gap="sm" mb="md" align="flex-end">
        <TextInput
          label={t('common.search')}
          placeholder={t('users.searchPlaceholder')}
          leftSection={<IconSearch size={16} />}
          value={q}
          onChange={(e) => {
            setQ(e.currentTarget.value);
            setPage(1);
          }}
          w={{ base: '100%', sm: 260 }}
        />
        <Select
          label={t('users.role')}
          placeholder={t('common.all')}
          data={opts.roles}
          value={role}
          onChange={(v) => {
            setRole(v as Role | null);
            setPage(1);
          }}
          clearable
          w={{ base: '100%', sm: 200 }}
        />
      </Group>
      {users.isError ? (
        <ErrorAlert error={users.error} onRetry={() => void users.refetch()} />
      ) : (
        <Paper withBorder radius="md" p="xs">
          {users.data?.items.length === 0 ? (
            <EmptyState title={t('users.empty')} />
          ) : (
            <UserTable
              users={users.data?.items}
              organizations={orgs.byId}
              regionNames={regions.names}
              onOpen={canWrite ? setEditing : undefined}
            />
          )}
        </Paper>
      )}
      {users.data && users.data.total > 0 && <Paging total={users.data.total} page={page} pageSize={PAGE_SIZE} onPage={setPage} />}
      <UserCreateModal opened={createOpen} onClose={create.close} />
      <UserEditModal user={editing} onClose={() => setEditing(null)} />
    </>
  );
}
