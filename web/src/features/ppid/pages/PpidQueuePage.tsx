import { useState } from 'react';
import { Badge, Group, Select, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { PPID_DEADLINE_STATES, PPID_REQUEST_STATUSES } from '@pantau/shared';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { usePpidQueue } from '../../../api/ppid.ts';
import { PageHeader } from '../../../components/ui/PageHeader.tsx';
import { SkeletonRows } from '../../../components/ui/SkeletonRows.tsx';
import { DeadlineBadge, StatusBadge } from '../components/Badges.tsx';
import { ListFrame } from '../components/ListFrame.tsx';

const PAGE = 25;

/** The officers' queue: open requests first by due date, with deadline badges in working days. */
export function PpidQueuePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const [dq] = useDebouncedValue(q.trim(), 300);
  const [state, setState] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const list = usePpidQueue({ q: dq || undefined, state, status, limit: PAGE, offset: (page - 1) * PAGE });
  const reset = () => setPage(1);
  return (
    <>
      <PageHeader title={t('ppid.queue.title')} subtitle={list.data ? t('ppid.queue.total', { count: list.data.total }) : '\u00a0'} />
      <Group gap="sm" mb="md" align="flex-end" wrap="wrap">
        <TextInput label={t('common.search')} leftSection={<IconSearch size={16} />} value={q} onChange={(e) => (setQ(e.currentTarget.value), reset())} w={{ base: '100%', sm: 260 }} />
        <Select label={t('ppid.queue.stateFilter')} placeholder={t('common.all')} data={PPID_DEADLINE_STATES.filter((s) => s !== 'closed').map((s) => ({ value: s, label: t(`ppid.state.${s}`) }))} value={state} onChange={(v) => (setState(v), setStatus(null), reset())} clearable data-testid="filter-state" />
        <Select label={t('ppid.queue.statusFilter')} placeholder={t('common.all')} data={PPID_REQUEST_STATUSES.map((s) => ({ value: s, label: t(`ppid.status.${s}`) }))} value={status} onChange={(v) => (setStatus(v), setState(null), reset())} clearable />
      </Group>
      <ListFrame list={list} emptyTitle={t('ppid.queue.empty')} page={page} pageSize={PAGE} onPage={setPage}>
              <Table highlightOnHover verticalSpacing="xs" miw={760} data-testid="ppid-queue">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('ppid.queue.number')}</Table.Th>
                    <Table.Th>{t('ppid.queue.requester')}</Table.Th>
                    <Table.Th>{t('ppid.queue.information')}</Table.Th>
                    <Table.Th>{t('ppid.queue.handler')}</Table.Th>
                    <Table.Th>{t('ppid.queue.statusFilter')}</Table.Th>
                    <Table.Th>{t('ppid.queue.deadline')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {!list.data && <SkeletonRows cols={6} />}
                  {list.data?.items.map((r) => (
                    <Table.Tr key={r.id} onClick={() => navigate(`/ppid/${r.id}`)} onKeyDown={(e) => e.key === 'Enter' && navigate(`/ppid/${r.id}`)} tabIndex={0} style={{ cursor: 'pointer' }} data-testid="ppid-row">
                      <Table.Td>
                        <Text size="sm" ff="monospace">
                          {r.registrationNumber}
                        </Text>
                      </Table.Td>
                      <Table.Td>{r.name}</Table.Td>
                      <Table.Td>
                        <Text size="sm" lineClamp={2}>
                          {r.information}
                        </Text>
                      </Table.Td>
                      <Table.Td>{r.organizationName ?? t('ppid.queue.utama')}</Table.Td>
                      <Table.Td>
                        <Group gap={4}>
                          <StatusBadge status={r.status} />
                          {r.openObjection && <Badge color="grape" variant="light" tt="none">{t('ppid.queue.objection')}</Badge>}
                        </Group>
                      </Table.Td>
                      <Table.Td>
                        <Text size="xs" c="dimmed">
                          {r.deadline.dueOn}
                        </Text>
                        <DeadlineBadge deadline={r.deadline} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
      </ListFrame>
    </>
  );
}
