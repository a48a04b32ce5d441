import { Table } from '@mantine/core';
import type { Dataset } from '@pantau/shared';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format.ts';

const FIELDS = ['konsep', 'definisi', 'klasifikasi', 'ukuran', 'satuan', 'frekuensi', 'periode', 'regionCode', 'sumber', 'licenseId'] as const;

/** The Satu Data metadata (Perpres 39/2019: konsep, definisi, klasifikasi, ukuran, satuan) of a dataset. */
export function MetadataTable({ d }: { d: Dataset }) {
  const { t } = useTranslation();
  return (
    <Table withRowBorders={false} data-testid="dataset-metadata">
      <Table.Tbody>
        <Table.Tr>
          <Table.Th w={180}>{t('databank.field.organization')}</Table.Th>
          <Table.Td>{d.organization.name}</Table.Td>
        </Table.Tr>
        {FIELDS.filter((f) => d[f]).map((f) => (
          <Table.Tr key={f}>
            <Table.Th>{t(`databank.field.${f}`)}</Table.Th>
            <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{f === 'frekuensi' ? t(`databank.frequency.${d.frekuensi}`, { defaultValue: d.frekuensi }) : d[f]}</Table.Td>
          </Table.Tr>
        ))}
        <Table.Tr>
          <Table.Th>{t('databank.field.updatedAt')}</Table.Th>
          <Table.Td>{formatDateTime(d.updatedAt)}</Table.Td>
        </Table.Tr>
      </Table.Tbody>
    </Table>
  );
}
