import { useState, type ReactNode } from 'react';
import { Button, Grid, Group, Select, Stack, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { DATASET_STATES, type DatasetState } from '@pantau/shared';
import { useCatalog, type CatalogScope } from '../../../api/opendata.ts';
import { EmptyState } from '../../../components/ui/EmptyState.tsx';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { Paging } from '../../../components/ui/Paging.tsx';
import { DatasetCard } from '../components/DatasetCard.tsx';
import { FacetList } from '../components/FacetList.tsx';

const PAGE = 20;
const FACETS = [['organization', 'organization'], ['groups', 'group'], ['tags', 'tag'], ['res_format', 'format'], ['region', 'region']] as const;
const SORTS = ['relevance', 'modified', 'newest', 'title'] as const;

interface Props {
  scope: CatalogScope;
  hrefOf: (name: string, id: string) => string;
  actions?: ReactNode;
}

/** Search with facets (beside the results; below them on a phone); every filter lives in the URL, so a filtered catalog can be linked. */
export function CatalogView({ scope, hrefOf, actions }: Props) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [text, setText] = useState(params.get('q') ?? '');
  const page = Number(params.get('page') ?? '1') || 1;
  const get = (k: string) => params.get(k) ?? undefined;
  const filters = {
    q: get('q'), organization: get('organization'), group: get('group'), tag: get('tag'), format: get('format'), region: get('region'),
    state: scope === 'console' ? (get('state') as DatasetState | undefined) : undefined,
    sort: (get('sort') as (typeof SORTS)[number] | undefined) ?? 'relevance', limit: PAGE, offset: (page - 1) * PAGE,
  };
  const set = (k: string, v: string | undefined) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    next.delete('page');
    setParams(next);
  };
  const q = useCatalog(scope, filters);

  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, md: 3 }} order={{ base: 2, md: 1 }}>
        <Stack gap="md">
          {FACETS.map(([facet, param]) => (
            <FacetList key={facet} title={t(`databank.facet.${facet}`)} items={q.data?.facets[facet] ?? []} selected={get(param)} onSelect={(v) => set(param, v)} />
          ))}
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 9 }} order={{ base: 1, md: 2 }}>
        <Stack gap="sm">
          <form onSubmit={(e) => { e.preventDefault(); set('q', text.trim() || undefined); }}>
            <Group gap="sm" align="flex-end" wrap="wrap">
              <TextInput flex={1} miw={200} value={text} onChange={(e) => setText(e.currentTarget.value)} placeholder={t('databank.searchPlaceholder')} aria-label={t('databank.searchPlaceholder')} leftSection={<IconSearch size={16} />} data-testid="catalog-search" />
              <Button type="submit">{t('common.search')}</Button>
              <Select w={170} aria-label={t('databank.sortBy')} value={filters.sort} onChange={(v) => set('sort', v ?? undefined)} data={SORTS.map((s) => ({ value: s, label: t(`databank.sort.${s}`) }))} allowDeselect={false} />
              {scope === 'console' && (
                <Select w={160} aria-label={t('databank.stateFilter')} placeholder={t('databank.stateFilter')} clearable value={filters.state ?? null} onChange={(v) => set('state', v ?? undefined)} data={DATASET_STATES.map((s) => ({ value: s, label: t(`databank.state.${s}`) }))} />
              )}
              {actions}
            </Group>
          </form>
          {q.isError && <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />}
          {q.data && q.data.items.length === 0 && <EmptyState title={t('databank.emptyTitle')} body={t('databank.emptyBody')} />}
          {q.isPending && <EmptyState title={t('databank.loading')} />}
          {q.data?.items.map((d) => <DatasetCard key={d.id} d={d} href={hrefOf(d.name, d.id)} showState={scope === 'console'} />)}
          {q.data && <Paging total={q.data.total} page={page} pageSize={PAGE} onPage={(p) => { const n = new URLSearchParams(params); n.set('page', String(p)); setParams(n); }} />}
        </Stack>
      </Grid.Col>
    </Grid>
  );
}
