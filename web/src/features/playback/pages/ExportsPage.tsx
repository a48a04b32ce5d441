import { Fragment, useMemo, useState } from 'react';
import { ActionIcon, Anchor, Paper, Table, Text } from '@mantine/core';
import { IconChevronDown, IconChevronRight, IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useCameraMarkers } from '../../../api/cameras.ts';
import { EmptyState } from '../../../components/ui/EmptyState.tsx';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { PageHeader } from '../../../components/ui/PageHeader.tsx';
import { Paging } from '../../../components/ui/Paging.tsx';
import { SkeletonRows } from '../../../components/ui/SkeletonRows.tsx';
import { formatStamp, formatTime } from '../../../components/timeline/time.ts';
import { formatBytes } from '../../storage/format.ts';
import { useExports } from '../api/recordings.ts';
import { ExportDownloads, ExportStatus, ExportStatusBadge } from '../components/ExportStatus.tsx';

const PAGE = 25;
const COLS = 8;

/** Every evidence export: status, who, why, case, when, size; a row opens its files and gaps. */
export function ExportsPage() {
  const { t, i18n } = useTranslation();
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<string | null>(null);
  const list = useExports(PAGE, (page - 1) * PAGE);
  const markers = useCameraMarkers({});
  const names = useMemo(() => new Map((markers.data ?? []).map((c) => [c.id, c.name])), [markers.data]);
  const items = list.data?.items;

  return (
    <>
      <PageHeader title={t('playback.exportsTitle')} subtitle={t('playback.exportsSubtitle')} />
      {list.isError && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      <Paper withBorder radius="md">
        <Table.ScrollContainer minWidth={960}>
          <Table verticalSpacing="xs" data-testid="exports-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={36} />
                <Table.Th>{t('playback.col.status')}</Table.Th>
                <Table.Th>{t('playback.col.range')}</Table.Th>
                <Table.Th>{t('playback.col.createdBy')}</Table.Th>
                <Table.Th>{t('playback.col.reason')}</Table.Th>
                <Table.Th>{t('playback.col.case')}</Table.Th>
                <Table.Th>{t('playback.col.size')}</Table.Th>
                <Table.Th>{t('playback.col.download')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {!items && !list.isError && <SkeletonRows cols={COLS} />}
              {items?.map((e) => {
                const expanded = open === e.id;
                const bytes = e.files.reduce((n, f) => n + f.bytes, 0);
                return (
                  <Fragment key={e.id}>
                    <Table.Tr data-testid="export-row">
                      <Table.Td>
                        <ActionIcon variant="subtle" size="sm" onClick={() => setOpen(expanded ? null : e.id)} aria-expanded={expanded} aria-label={t('playback.exportDetails')}>
                          {expanded ? <IconChevronDown size={14} /> : <IconChevronRight size={14} />}
                        </ActionIcon>
                      </Table.Td>
                      <Table.Td>
                        <ExportStatusBadge status={e.status} />
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                          {formatStamp(e.from)}–{formatTime(Date.parse(e.to))}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {t('playback.cameraCount', { count: e.cameraIds.length })} · {t('playback.createdAt', { at: formatStamp(e.createdAt) })}
                        </Text>
                      </Table.Td>
                      <Table.Td>{e.createdBy}</Table.Td>
                      <Table.Td maw={280}>
                        <Text size="sm" lineClamp={2}>
                          {e.reason}
                        </Text>
                      </Table.Td>
                      <Table.Td>{e.caseNumber ?? '—'}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{e.status === 'done' ? formatBytes(bytes, i18n.language) : '—'}</Table.Td>
                      <Table.Td>
                        {e.zipUrl ? (
                          <Anchor href={e.zipUrl} download aria-label={t('playback.downloadZip')}>
                            <IconDownload size={16} />
                          </Anchor>
                        ) : (
                          '—'
                        )}
                      </Table.Td>
                    </Table.Tr>
                    {expanded && (
                      <Table.Tr>
                        <Table.Td />
                        <Table.Td colSpan={COLS - 1}>{e.status === 'done' ? <ExportDownloads exp={e} cameraNames={names} /> : <ExportStatus id={e.id} cameraNames={names} />}</Table.Td>
                      </Table.Tr>
                    )}
                  </Fragment>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {items && items.length === 0 && <EmptyState title={t('playback.noExports')} body={t('playback.noExportsHint')} />}
      </Paper>
      {list.data && <Paging total={list.data.total} page={page} pageSize={PAGE} onPage={setPage} />}
    </>
  );
}
