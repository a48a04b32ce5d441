import { useMemo, useState } from 'react';
import { Button, Group, NumberInput, Paper, SimpleGrid, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import type { PpidReport } from '@pantau/shared';
import { useTranslation } from 'react-i18next';
import { usePpidReport } from '../../../api/ppid.ts';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { PageHeader } from '../../../components/ui/PageHeader.tsx';
import { BarChart } from '../components/BarChart.tsx';

function Stat({ label, value }: { label: string; value: string | number }) {
  return (
    <Paper withBorder p="sm" radius="md">
      <Text size="xs" c="dimmed">{label}</Text>
      <Text fw={700} fz={24}>{value}</Text>
    </Paper>
  );
}

/** The annual report (Perki 1/2021 Pasal 56) for any year, with charts and PDF/CSV downloads. */
export function PpidReportPage() {
  const { t } = useTranslation();
  const [year, setYear] = useState(new Date().getFullYear());
  const report = usePpidReport(year);
  const charts = useMemo(() => {
    const r: PpidReport | undefined = report.data;
    if (!r) return null;
    return {
      status: Object.entries(r.byStatus).map(([k, v]) => ({ label: t(`ppid.status.${k}` as never), value: v })),
      ground: Object.entries(r.refusedByGround).map(([k, v]) => ({ label: `Pasal 17 huruf ${k}`, value: v })),
      objections: Object.entries(r.objectionsByGround).map(([k, v]) => ({ label: t(`ppid.grounds.${k}` as never), value: v })),
    };
  }, [report.data, t]);
  return (
    <>
      <PageHeader
        title={t('ppid.report.title')}
        actions={
          <Group gap="xs">
            <NumberInput aria-label={t('ppid.report.year')} value={year} onChange={(v) => typeof v === 'number' && v >= 2010 && v <= 2100 && setYear(v)} min={2010} max={2100} w={100} data-testid="report-year" />
            <Button component="a" href={`/api/ppid/reports/${year}/pdf`} variant="light" leftSection={<IconDownload size={16} />}>{t('ppid.report.pdf')}</Button>
            <Button component="a" href={`/api/ppid/reports/${year}/csv`} variant="light" leftSection={<IconDownload size={16} />}>{t('ppid.report.csv')}</Button>
          </Group>
        }
      />
      {report.isError ? (
        <ErrorAlert error={report.error} onRetry={() => void report.refetch()} />
      ) : !report.data || !charts ? (
        <Skeleton height={300} />
      ) : (
        <Stack gap="md" data-testid="ppid-report">
          <SimpleGrid cols={{ base: 2, sm: 4, lg: 7 }} spacing="sm">
            <Stat label={t('ppid.report.requests')} value={report.data.requests} />
            <Stat label={t('ppid.report.answered')} value={report.data.answered} />
            <Stat label={t('ppid.report.average')} value={report.data.averageWorkingDays ?? '—'} />
            <Stat label={t('ppid.report.late')} value={report.data.answeredLate} />
            <Stat label={t('ppid.report.extended')} value={report.data.extended} />
            <Stat label={t('ppid.report.objections')} value={report.data.objections} />
            <Stat label={t('ppid.report.disputes')} value={report.data.disputes} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, md: 3 }} spacing="sm">
            <Paper withBorder p="sm" radius="md"><Title order={5} mb="xs">{t('ppid.report.byStatus')}</Title><BarChart data={charts.status} testId="chart-status" emptyLabel={t('ppid.report.noData')} /></Paper>
            <Paper withBorder p="sm" radius="md"><Title order={5} mb="xs">{t('ppid.report.byGround')}</Title><BarChart data={charts.ground} emptyLabel={t('ppid.report.noData')} /></Paper>
            <Paper withBorder p="sm" radius="md"><Title order={5} mb="xs">{t('ppid.report.objectionsByGround')}</Title><BarChart data={charts.objections} emptyLabel={t('ppid.report.noData')} /></Paper>
          </SimpleGrid>
          <Paper withBorder p="sm" radius="md">
            <Title order={5} mb="xs">{t('ppid.report.perRequest')}</Title>
            <Table verticalSpacing={4}>
              <Table.Tbody>
                {report.data.perRequest.map((p) => (
                  <Table.Tr key={p.registrationNumber}>
                    <Table.Td ff="monospace">{p.registrationNumber}</Table.Td>
                    <Table.Td>{p.receivedOn}</Table.Td>
                    <Table.Td>{p.respondedOn ?? '—'}</Table.Td>
                    <Table.Td>{p.workingDays === null ? '—' : `${p.workingDays} ${t('ppid.report.workingDays').toLowerCase()}`}</Table.Td>
                    <Table.Td>{t(`ppid.status.${p.status}`)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        </Stack>
      )}
    </>
  );
}
