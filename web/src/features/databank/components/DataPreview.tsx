import { useState } from 'react';
import { Anchor, Group, Table, Text, TextInput, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconDownload, IconSearch } from '@tabler/icons-react';
import type { Resource } from '@pantau/shared';
import { useTranslation } from 'react-i18next';
import { downloadUrl, useDatastore, type CatalogScope } from '../../../api/opendata.ts';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { Paging } from '../../../components/ui/Paging.tsx';
import { SkeletonRows } from '../../../components/ui/SkeletonRows.tsx';

const PAGE = 25;

/** Rows of a datastore resource: full-text search, sort by a column header, pages, downloads of all or the filtered rows. */
export function DataPreview({ scope, resource }: { scope: CatalogScope; resource: Resource }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [q, setQ] = useState<string | undefined>();
  const [sort, setSort] = useState<{ field: string; desc: boolean } | null>(null);
  const [page, setPage] = useState(1);
  const rows = useDatastore(scope, resource.id, { q, sort: sort ? `${sort.field} ${sort.desc ? 'desc' : 'asc'}` : undefined, limit: PAGE, offset: (page - 1) * PAGE });
  const toggle = (field: string) => {
    setSort(sort?.field === field ? (sort.desc ? null : { field, desc: true }) : { field, desc: false });
    setPage(1);
  };
  return (
    <>
      <Group justify="space-between" mb="xs" wrap="wrap" gap="sm">
        <form onSubmit={(e) => { e.preventDefault(); setQ(text.trim() || undefined); setPage(1); }}>
          <TextInput size="xs" w={240} value={text} onChange={(e) => setText(e.currentTarget.value)} leftSection={<IconSearch size={14} />} placeholder={t('databank.searchRows')} aria-label={t('databank.searchRows')} data-testid="rows-search" />
        </form>
        <Group gap="md">
          <Anchor size="sm" href={downloadUrl(scope, resource.id, 'csv', {})}><IconDownload size={14} /> {t('databank.downloadCsv')}</Anchor>
          <Anchor size="sm" href={downloadUrl(scope, resource.id, 'json', {})}>{t('databank.downloadJson')}</Anchor>
          {q && <Anchor size="sm" href={downloadUrl(scope, resource.id, 'csv', { q })}>{t('databank.downloadFiltered')}</Anchor>}
        </Group>
      </Group>
      {rows.isError && <ErrorAlert error={rows.error} onRetry={() => void rows.refetch()} />}
      <Table.ScrollContainer minWidth={480} mah={520}>
        <Table striped stickyHeader data-testid="rows-table">
          <Table.Thead>
            <Table.Tr>
              {resource.fields.map((f) => (
                <Table.Th key={f.id}>
                  <UnstyledButton onClick={() => toggle(f.id)} aria-label={t('databank.sortColumn', { column: f.id })}>
                    <Group gap={4} wrap="nowrap">
                      <Text size="sm" fw={600}>{f.id}</Text>
                      {sort?.field === f.id && (sort.desc ? <IconArrowDown size={12} /> : <IconArrowUp size={12} />)}
                    </Group>
                  </UnstyledButton>
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.isPending && <SkeletonRows cols={resource.fields.length} rows={5} />}
            {rows.data?.records.map((r) => (
              <Table.Tr key={String(r._id)}>
                {resource.fields.map((f) => (
                  <Table.Td key={f.id} className={f.type === 'text' ? undefined : 'mono'}>
                    {r[f.id] === null || r[f.id] === undefined ? '—' : typeof r[f.id] === 'number' ? (r[f.id] as number).toLocaleString('id-ID') : String(r[f.id])}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {rows.data && <Paging total={rows.data.total} page={page} pageSize={PAGE} onPage={setPage} />}
    </>
  );
}
