import { useState } from 'react';
import { Anchor, Center, Grid, Loader, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useOpdDetail } from '../../../api/dashboards.ts';
import { ChartCard } from '../../../components/charts/ChartCard.tsx';
import { EmptyState } from '../../../components/ui/EmptyState.tsx';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { PageHeader } from '../../../components/ui/PageHeader.tsx';
import { indicatorOption, trendOption } from '../charts.ts';
import { PeriodPicker } from '../components/PeriodPicker.tsx';
import { TrafficLight } from '../components/TrafficLight.tsx';
import { pct, rupiahShort, signedPct } from '../components/format.ts';
import { usePeriod } from '../hooks.ts';

/** Drill-down to one OPD: programs with problems and follow-up, its S-curve, IKU and procurement. */
export function OpdDashboardPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const { year, quarter, years, set } = usePeriod();
  const q = useOpdDetail(id, year, quarter);
  const d = q.data;
  // a chosen program narrows the S-curve to that program; choosing it again returns to the whole OPD
  const [program, setProgram] = useState<string | null>(null);
  const curve = d && program && d.programTrends[program] ? d.programTrends[program] : (d?.trend ?? []);
  const labels = { financial: t('dashboard.financial'), physical: t('dashboard.physical'), targetFinancial: t('dashboard.targetFinancial'), targetPhysical: t('dashboard.targetPhysical') };
  return (
    <Stack gap="md">
      <PageHeader title={d?.name ?? t('dashboard.opd')} subtitle={<Anchor component={Link} to={`/dashboard?year=${year}`} size="sm">← {t('dashboard.title')}</Anchor>} actions={<PeriodPicker years={years} year={year} quarter={quarter} onChange={set} />} />
      {q.isPending && <Center h={200}><Loader /></Center>}
      {q.isError && <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />}
      {d && (
        <>
          <Table.ScrollContainer minWidth={800}>
            <Table striped data-testid="programs-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('dashboard.program')}</Table.Th>
                  <Table.Th ta="right">{t('dashboard.pagu')}</Table.Th>
                  <Table.Th ta="right">{t('dashboard.financial')}</Table.Th>
                  <Table.Th ta="right">{t('dashboard.physical')}</Table.Th>
                  <Table.Th ta="right">{t('dashboard.deviation')}</Table.Th>
                  <Table.Th>{t('dashboard.status')}</Table.Th>
                  <Table.Th>{t('dashboard.problems')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {d.programs.length === 0 && <Table.Tr><Table.Td colSpan={7}><Text c="dimmed" size="sm">{t('dashboard.noPrograms')}</Text></Table.Td></Table.Tr>}
                {d.programs.map((p) => (
                  <Table.Tr key={p.id} bg={program === p.programCode ? 'dark.5' : undefined}>
                    <Table.Td>
                      <UnstyledButton onClick={() => setProgram(program === p.programCode ? null : p.programCode)} aria-pressed={program === p.programCode} data-testid="program-select">
                        <Text size="sm" className="mono" c="cyan">{p.programCode}</Text>
                        <Text size="sm">{p.programName}</Text>
                      </UnstyledButton>
                    </Table.Td>
                    <Table.Td ta="right" className="mono">{rupiahShort(p.pagu)}</Table.Td>
                    <Table.Td ta="right" className="mono">{pct(p.financialPct)} / {pct(p.targetFinancialPct)}</Table.Td>
                    <Table.Td ta="right" className="mono">{pct(p.physicalPct)} / {pct(p.targetPhysicalPct)}</Table.Td>
                    <Table.Td ta="right" className="mono">{signedPct(Math.min(p.deviationFinancial, p.deviationPhysical))}</Table.Td>
                    <Table.Td><TrafficLight status={p.status} /></Table.Td>
                    <Table.Td maw={320}><Text size="sm">{p.problems || '—'}</Text>{p.followUp && <Text size="xs" c="dimmed">{t('dashboard.followUp')}: {p.followUp}</Text>}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Grid gap="md">
            <Grid.Col span={{ base: 12, lg: 6 }}>
              <ChartCard title={program ? `${t('dashboard.sCurve')} · ${program}` : t('dashboard.sCurve')} option={trendOption(curve, labels)} filename={`kurva-s-${d.code}${program ? `-${program}` : ''}`} testId="chart-s-curve" table={[[t('dashboard.year'), t('dashboard.quarter'), labels.financial, labels.physical, labels.targetFinancial, labels.targetPhysical], ...curve.map((p) => [p.year, p.quarter, p.financialPct, p.physicalPct, p.targetFinancialPct, p.targetPhysicalPct])]} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 6 }}>
              {d.indicators.length ? (
                <ChartCard title={t('dashboard.ikuChart')} option={indicatorOption(d.indicators, t('dashboard.achievement'))} filename={`iku-${d.code}`} table={[[t('dashboard.code'), t('dashboard.indicator'), t('dashboard.target'), t('dashboard.realization'), t('dashboard.achievement')], ...d.indicators.map((i) => [i.code, i.name, i.target, i.realization, i.achievementPct])]} />
              ) : <EmptyState title={t('dashboard.noIku')} />}
            </Grid.Col>
          </Grid>
          {d.indicators.length > 0 && (
            <Table data-testid="iku-table">
              <Table.Tbody>
                {d.indicators.map((i) => (
                  <Table.Tr key={i.id}><Table.Td className="mono">{i.code}</Table.Td><Table.Td>{i.name}</Table.Td><Table.Td ta="right" className="mono">{i.realization ?? '—'} / {i.target} {i.unit}</Table.Td><Table.Td ta="right" className="mono">{pct(i.achievementPct)}</Table.Td></Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          <Table striped data-testid="procurement-table">
            <Table.Thead><Table.Tr><Table.Th>{t('dashboard.package')}</Table.Th><Table.Th>{t('dashboard.method')}</Table.Th><Table.Th>{t('dashboard.stage')}</Table.Th><Table.Th ta="right">{t('dashboard.value')}</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>
              {d.procurements.length === 0 && <Table.Tr><Table.Td colSpan={4}><Text c="dimmed" size="sm">{t('dashboard.noProcurement')}</Text></Table.Td></Table.Tr>}
              {d.procurements.map((p) => <Table.Tr key={p.id}><Table.Td>{p.packageName}</Table.Td><Table.Td>{p.method}</Table.Td><Table.Td>{t(`dashboard.stages.${p.stage}`)}</Table.Td><Table.Td ta="right" className="mono">{rupiahShort(p.value)}</Table.Td></Table.Tr>)}
            </Table.Tbody>
          </Table>
        </>
      )}
    </Stack>
  );
}
