import { useState } from 'react';
import { Anchor, Table, Text } from '@mantine/core';
import type { Storage } from '@pantau/shared';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatBytes, formatDays } from '../format.ts';
import { RetentionCell } from './RetentionCell.tsx';
import { SortTh } from './SortTh.tsx';
import { nextSort, sortRows, type Sort } from './sortRows.ts';

type Row = Storage['cameras'][number];
type Key = 'name' | 'regionCode' | 'bytes' | 'daysRetained' | 'projectedDays' | 'heldBytes' | 'bytesPerDay' | 'retentionDays';
const NUMERIC: ReadonlySet<Key> = new Set(['bytes', 'daysRetained', 'projectedDays', 'heldBytes', 'bytesPerDay', 'retentionDays']);

interface Props {
  cameras: Row[];
  regionNames: Map<string, string>;
  defaultDays: number | null;
  canManage: boolean;
}

/** Storage per camera, sortable by any column; retention editable for storage managers. */
export function CameraStorageTable({ cameras, regionNames, defaultDays, canManage }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [sort, setSort] = useState<Sort<Key>>({ key: 'bytes', desc: true });
  const onSort = (k: Key) => setSort((s) => nextSort(s, k, NUMERIC.has(k)));
  const rows = sortRows(cameras, sort, (r, k) => r[k]);
  const th = (k: Key, label: string, right = false) => (
    <SortTh k={k} sort={sort} onSort={onSort} right={right}>
      {label}
    </SortTh>
  );
  return (
    <Table.ScrollContainer minWidth={980}>
      <Table verticalSpacing="xs" striped highlightOnHover data-testid="storage-cameras">
        <Table.Thead>
          <Table.Tr>
            {th('name', t('playback.storage.camera'))}
            {th('regionCode', t('playback.storage.region'))}
            {th('bytes', t('playback.storage.used'), true)}
            {th('bytesPerDay', t('playback.storage.perDay'), true)}
            {th('daysRetained', t('playback.storage.daysRetained'), true)}
            {th('projectedDays', t('playback.storage.projected'), true)}
            {th('heldBytes', t('playback.storage.held'), true)}
            {th('retentionDays', t('playback.storage.retention'))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((c) => (
            <Table.Tr key={c.cameraId} data-testid="storage-camera-row" data-camera-id={c.cameraId}>
              <Table.Td>
                <Anchor component={Link} to={`/cameras/${c.cameraId}`} size="sm">
                  {c.name}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {c.code}
                </Text>
              </Table.Td>
              <Table.Td>{regionNames.get(c.regionCode) ?? c.regionCode}</Table.Td>
              <Table.Td ta="right">{formatBytes(c.bytes, lang)}</Table.Td>
              <Table.Td ta="right">{formatBytes(c.bytesPerDay, lang)}</Table.Td>
              <Table.Td ta="right">{formatDays(c.daysRetained, lang)}</Table.Td>
              <Table.Td ta="right">{formatDays(c.projectedDays, lang)}</Table.Td>
              <Table.Td ta="right">{c.heldBytes > 0 ? formatBytes(c.heldBytes, lang) : '—'}</Table.Td>
              <Table.Td>
                <RetentionCell cameraId={c.cameraId} name={c.name} value={c.retentionDays} defaultDays={defaultDays} canEdit={canManage} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
