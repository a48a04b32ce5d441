import { useRef } from 'react';
import { Box, Button, Center, Grid, Group, Loader, SimpleGrid, Stack, Title } from '@mantine/core';
import { IconMaximize, IconPencil } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useOverview } from '../../../api/dashboards.ts';
import { ChartCard } from '../../../components/charts/ChartCard.tsx';
import { EmptyState } from '../../../components/ui/EmptyState.tsx';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { PageHeader } from '../../../components/ui/PageHeader.tsx';
import { useFullscreen } from '../../../lib/useFullscreen.ts';
import { useCan } from '../../auth/hooks/useMe.ts';
import { rankingOption, trendOption } from '../charts.ts';
import { KpiCard } from '../components/KpiCard.tsx';
import { PeriodPicker } from '../components/PeriodPicker.tsx';
import { TrafficLight } from '../components/TrafficLight.tsx';
import { pct, rupiahShort, signedPct } from '../components/format.ts';
import { usePeriod } from '../hooks.ts';
import { RankingTable } from '../views/RankingTable.tsx';
import { ServiceIndicators } from '../views/ServiceIndicators.tsx';

/** Leaders' overview: the province's realization, OPDs ranked, the trend over quarters, service indicators. */
export function DashboardPage() {
  const { t } = useTranslation();
  const can = useCan();
  const wall = useRef<HTMLDivElement>(null);
  const fs = useFullscreen(wall);
  const { year, quarter, years, set, trend } = usePeriod();
  const q = useOverview(year, quarter);
  const labels = { financial: t('dashboard.financial'), physical: t('dashboard.physical'), target: t('dashboard.target'), targetFinancial: t('dashboard.targetFinancial'), targetPhysical: t('dashboard.targetPhysical') };
  const o = q.data;
  return (
    <Box ref={wall} bg="dark.8" p={fs.active ? 'lg' : 0} style={{ overflow: fs.active ? 'auto' : undefined }}>
      <PageHeader
        title={t('dashboard.title')}
        subtitle={o ? t('dashboard.period', { year: o.year, quarter: o.quarter }) : t('dashboard.subtitle')}
        actions={
          <Group gap="sm">
            <PeriodPicker years={years} year={year} quarter={quarter} onChange={set} />
            {can('dashboard.write') && <Button component={Link} to="/dashboard/input" variant="default" leftSection={<IconPencil size={16} />}>{t('dashboard.input')}</Button>}
            {fs.supported && <Button variant="default" leftSection={<IconMaximize size={16} />} onClick={fs.toggle}>{t('dashboard.wallMode')}</Button>}
          </Group>
        }
      />
      {q.isPending && <Center h={240}><Loader /></Center>}
      {q.isError && <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />}
      {o && o.opds.length === 0 && <EmptyState title={t('dashboard.emptyTitle')} body={t('dashboard.emptyBody')} />}
      {o && o.opds.length > 0 && (
        <Stack gap="md" data-testid="dashboard-overview">
          <SimpleGrid cols={{ base: 2, md: 4 }} spacing="md">
            <KpiCard label={t('dashboard.pagu')} value={rupiahShort(o.total.pagu)} hint={t('dashboard.realizationOf', { value: rupiahShort(o.total.realization) })} />
            <KpiCard label={t('dashboard.financial')} value={pct(o.total.financialPct)} hint={`${t('dashboard.target')} ${pct(o.total.targetFinancialPct)} (${signedPct(o.total.deviationFinancial)})`} />
            <KpiCard label={t('dashboard.physical')} value={pct(o.total.physicalPct)} hint={`${t('dashboard.target')} ${pct(o.total.targetPhysicalPct)} (${signedPct(o.total.deviationPhysical)})`} />
            <KpiCard label={t('dashboard.status')} value={<TrafficLight status={o.total.status} />} hint={t('dashboard.lightRule')} />
          </SimpleGrid>
          <Grid gap="md">
            <Grid.Col span={{ base: 12, lg: 6 }}>
              <ChartCard title={t('dashboard.rankingChart')} option={rankingOption(o.opds, labels)} height={Math.max(280, o.opds.length * 44 + 60)} filename={`peringkat-opd-${o.year}-t${o.quarter}`} testId="chart-ranking"
                table={[[t('dashboard.opd'), labels.financial, labels.physical, labels.targetFinancial, labels.targetPhysical, t('dashboard.status')], ...o.opds.map((x) => [x.name, x.financialPct, x.physicalPct, x.targetFinancialPct, x.targetPhysicalPct, x.status])]} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 6 }}>
              {trend.data && (
                <ChartCard title={t('dashboard.trendChart')} option={trendOption(trend.data, labels)} height={Math.max(280, o.opds.length * 44 + 60)} filename="tren-realisasi" testId="chart-trend"
                  table={[[t('dashboard.year'), t('dashboard.quarter'), labels.financial, labels.physical, labels.targetFinancial, labels.targetPhysical], ...trend.data.map((p) => [p.year, p.quarter, p.financialPct, p.physicalPct, p.targetFinancialPct, p.targetPhysicalPct])]} />
              )}
            </Grid.Col>
          </Grid>
          <RankingTable opds={o.opds} year={o.year} quarter={o.quarter} />
          <Title order={4}>{t('dashboard.serviceTitle')}</Title>
          <ServiceIndicators />
        </Stack>
      )}
    </Box>
  );
}
