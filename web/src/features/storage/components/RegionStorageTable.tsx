import { useState } from 'react';
import { Table } from '@mantine/core';
import type { Storage } from '@pantau/shared';
import { useTranslation } from 'react-i18next';
import { formatBytes } from '../format.ts';
import { SortTh } from './SortTh.tsx';
import { nextSort, sortRows, type Sort } from './sortRows.ts';

type Key = 'regionName' | 'cameras' | 'bytes';

/** Storage per region, sortable. */
export function RegionStorageTable({ regions }: { regions: Storage['regions'] }) {
  const { t, i18n } = useTranslation();
  const [sort, setSort] = useState<Sort<Key>>({ key: 'bytes', desc: true });
  const onSort = (k: Key) => setSort((s) => nextSort(s, k, k !== 'regionName'));
  return (
    <Table.ScrollContainer minWidth={420}>
      <Table verticalSpacing="xs" striped data-testid="storage-regions">
        <Table.Thead>
          <Table.Tr>
            <SortTh k="regionName" sort={sort} onSort={onSort}>
              {t('playback.storage.region')}
            </SortTh>
            <SortTh k="cameras" sort={sort} onSort={onSort} right>
              {t('playback.storage.cameras')}
            </SortTh>
            <SortTh k="bytes" sort={sort} onSort={onSort} right>
              {t('playback.storage.used')}
            </SortTh>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sortRows(regions, sort, (r, k) => r[k]).map((r) => (
            <Table.Tr key={r.regionCode}>
              <Table.Td>{r.regionName}</Table.Td>
              <Table.Td ta="right">{r.cameras}</Table.Td>
              <Table.Td ta="right">{formatBytes(r.bytes, i18n.language)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
