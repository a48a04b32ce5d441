import { Group, Table, Text } from '@mantine/core';
import type { IncidentSummary } from '@pantau/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../../lib/format.ts';
import { IncidentStatusBadge, PRIORITY_COLOR, PriorityBadge, SlaBadge } from './IncidentBadges.tsx';

/** The board's list: one row per incident, the priority colour on the left edge. */
export function IncidentTable({ items }: { items: IncidentSummary[] }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table highlightOnHover verticalSpacing="xs" data-testid="incident-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('incidents.fields.ticket')}</Table.Th>
            <Table.Th>{t('incidents.fields.category')}</Table.Th>
            <Table.Th>{t('incidents.fields.priority')}</Table.Th>
            <Table.Th>{t('incidents.fields.status')}</Table.Th>
            <Table.Th>{t('incidents.fields.sla')}</Table.Th>
            <Table.Th>{t('incidents.fields.location')}</Table.Th>
            <Table.Th>{t('incidents.fields.createdAt')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((i) => (
            <Table.Tr key={i.id} data-testid="incident-row" data-ticket={i.ticket} style={{ borderLeft: `4px solid var(--mantine-color-${PRIORITY_COLOR[i.priority]}-6)` }}>
              <Table.Td>
                <Text component={Link} to={`/insiden/${i.id}`} fw={600} c="blue" size="sm">
                  {i.ticket}
                </Text>
              </Table.Td>
              <Table.Td>{t(`incidents.category.${i.category}`, { defaultValue: i.category })}</Table.Td>
              <Table.Td>
                <PriorityBadge priority={i.priority} />
              </Table.Td>
              <Table.Td>
                <IncidentStatusBadge status={i.status} />
              </Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  {!i.response.doneAt && <SlaBadge timer={i.response} label="response" />}
                  {i.response.doneAt && <SlaBadge timer={i.resolution} label="resolution" />}
                </Group>
              </Table.Td>
              <Table.Td>
                <Text size="sm" lineClamp={1}>
                  {i.address || `${i.lat.toFixed(4)}, ${i.lng.toFixed(4)}`}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="xs" c="dimmed">
                  {formatDateTime(i.createdAt)}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
