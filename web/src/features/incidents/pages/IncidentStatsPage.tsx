import { useState } from 'react';
import { Button, Group, Paper, SimpleGrid, Skeleton, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useIncidentStats } from '../../../api/incidents.ts';
import { withQuery } from '../../../api/client.ts';
import { PageHeader } from '../../../components/ui/PageHeader.tsx';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { dayToIso } from '../../../lib/format.ts';

function Counts({ title, rows, label }: { title: string; rows: { key: string; count: number }[]; label?: (k: string) => string }) {
  return (
    <Paper withBorder p="sm">
      <Title order={5} mb="xs">{title}</Title>
      <Table>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.key}>
              <Table.Td>{label ? label(r.key) : r.key}</Table.Td>
              <Table.Td ta="right">{r.count}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

/** Counts by category, status, region, agency; mean and p90 times; CSV export. */
export function IncidentStatsPage() {
  const { t } = useTranslation();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const q = { from: dayToIso(from, false), to: dayToIso(to, true) };
  const stats = useIncidentStats(q);
  const minutes = (v: number | null) => (v === null ? '—' : t('incidents.stats.minutes', { count: Math.round(v) }));
  return (
    <Stack>
      <PageHeader
        title={t('incidents.stats.title')}
        actions={<Button component="a" href={withQuery('/api/incidents/stats.csv', q)} leftSection={<IconDownload size={16} />} variant="default">{t('incidents.stats.csv')}</Button>}
      />
      <Group>
        <TextInput type="date" label={t('incidents.stats.from')} value={from} onChange={(e) => setFrom(e.currentTarget.value)} />
        <TextInput type="date" label={t('incidents.stats.to')} value={to} onChange={(e) => setTo(e.currentTarget.value)} />
      </Group>
      {stats.error && <ErrorAlert error={stats.error} onRetry={() => void stats.refetch()} />}
      {stats.isPending ? (
        <Skeleton height={240} />
      ) : stats.data ? (
        <>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Paper withBorder p="sm"><Text c="dimmed" size="sm">{t('incidents.stats.total')}</Text><Title order={3} data-testid="stats-total">{stats.data.total}</Title></Paper>
            <Paper withBorder p="sm"><Text c="dimmed" size="sm">{t('incidents.stats.firstResponse')}</Text><Text>{t('incidents.stats.meanP90', { mean: minutes(stats.data.firstResponse.meanMinutes), p90: minutes(stats.data.firstResponse.p90Minutes) })}</Text></Paper>
            <Paper withBorder p="sm"><Text c="dimmed" size="sm">{t('incidents.stats.resolution')}</Text><Text>{t('incidents.stats.meanP90', { mean: minutes(stats.data.resolution.meanMinutes), p90: minutes(stats.data.resolution.p90Minutes) })}</Text></Paper>
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
            <Counts title={t('incidents.fields.category')} rows={stats.data.byCategory} label={(k) => t(`incidents.category.${k}`, { defaultValue: k })} />
            <Counts title={t('incidents.fields.status')} rows={stats.data.byStatus} label={(k) => t(`incidents.status.${k as 'received'}`, { defaultValue: k })} />
            <Counts title={t('incidents.stats.region')} rows={stats.data.byRegion} />
            <Counts title={t('incidents.stats.agency')} rows={stats.data.byAgency} />
            <Counts title={t('incidents.stats.day')} rows={stats.data.byDay} />
          </SimpleGrid>
        </>
      ) : null}
    </Stack>
  );
}
