import { Anchor, Table, Text } from '@mantine/core';
import type { OpdRank } from '@pantau/shared';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { TrafficLight } from '../components/TrafficLight.tsx';
import { pct, rupiahShort, signedPct } from '../components/format.ts';

/** OPDs in rank order; each name drills down to that OPD. */
export function RankingTable({ opds, year, quarter }: { opds: OpdRank[]; year: number; quarter: number }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped highlightOnHover data-testid="ranking-table" fz="md">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={50}>#</Table.Th>
            <Table.Th>{t('dashboard.opd')}</Table.Th>
            <Table.Th ta="right">{t('dashboard.pagu')}</Table.Th>
            <Table.Th ta="right">{t('dashboard.financial')}</Table.Th>
            <Table.Th ta="right">{t('dashboard.physical')}</Table.Th>
            <Table.Th ta="right">{t('dashboard.deviation')}</Table.Th>
            <Table.Th miw={110}>{t('dashboard.status')}</Table.Th>
            <Table.Th ta="right">{t('dashboard.iku')}</Table.Th>
            <Table.Th ta="right">{t('dashboard.procurement')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {opds.map((o) => (
            <Table.Tr key={o.organizationId}>
              <Table.Td className="mono">{o.rank}</Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/dashboard/opd/${o.organizationId}?year=${year}&quarter=${quarter}`} data-testid="ranking-opd">{o.name}</Anchor>
                <Text size="xs" c="dimmed">{t('dashboard.programs', { count: o.programs })}</Text>
              </Table.Td>
              <Table.Td ta="right" className="mono">{rupiahShort(o.pagu)}</Table.Td>
              <Table.Td ta="right" className="mono">{pct(o.financialPct)} <Text span size="xs" c="dimmed">/ {pct(o.targetFinancialPct)}</Text></Table.Td>
              <Table.Td ta="right" className="mono">{pct(o.physicalPct)} <Text span size="xs" c="dimmed">/ {pct(o.targetPhysicalPct)}</Text></Table.Td>
              <Table.Td ta="right" className="mono">{signedPct(Math.min(o.deviationFinancial, o.deviationPhysical))}</Table.Td>
              <Table.Td><TrafficLight status={o.status} /></Table.Td>
              <Table.Td ta="right" className="mono">{pct(o.ikuAchievementPct)}</Table.Td>
              <Table.Td ta="right" className="mono">{pct(o.procurementContractedPct)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
