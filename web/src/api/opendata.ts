import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  catalogPageSchema, datasetGroupSchema, datasetSchema, datastorePageSchema, opendataRoleSchema, resourceSchema,
  type CatalogQuery, type DatasetInput, type DatasetTransitionInput, type DatasetUpdate, type ResourceLinkInput,
} from '@pantau/shared';
import { api, withQuery, type Parser, type QueryValue } from './client.ts';
import { keys } from './keys.ts';
import { arrayOf } from './parsers.ts';

/** The public pages read `/api/public/opendata` (published only, no login); the console `/api/opendata`. */
export type CatalogScope = 'public' | 'console';
const base = (scope: CatalogScope) => (scope === 'public' ? '/api/public/opendata' : '/api/opendata');

export type CatalogFilters = Partial<Pick<CatalogQuery, 'q' | 'organization' | 'group' | 'tag' | 'format' | 'region' | 'state' | 'sort' | 'limit' | 'offset'>>;

export function useCatalog(scope: CatalogScope, f: CatalogFilters) {
  return useQuery({ queryKey: keys.datasetList(scope, f), queryFn: () => api.get(`${base(scope)}/datasets`, catalogPageSchema, f), placeholderData: keepPreviousData });
}

export function useDataset(scope: CatalogScope, idOrName: string | undefined) {
  return useQuery({ queryKey: keys.dataset(scope, idOrName ?? ''), queryFn: () => api.get(`${base(scope)}/datasets/${encodeURIComponent(idOrName!)}`, datasetSchema), enabled: !!idOrName });
}

export function useDatasetGroups(scope: CatalogScope) {
  return useQuery({ queryKey: keys.datasetGroups(scope), queryFn: () => api.get(`${base(scope)}/groups`, arrayOf(datasetGroupSchema)), staleTime: 5 * 60_000 });
}

export interface DatastoreFilters extends Record<string, QueryValue> {
  q?: string;
  sort?: string;
  filters?: string;
  limit?: number;
  offset?: number;
}

export function useDatastore(scope: CatalogScope, resourceId: string | null, f: DatastoreFilters) {
  return useQuery({
    queryKey: keys.datastore(scope, resourceId ?? '', f),
    queryFn: () => api.get(`${base(scope)}/resources/${resourceId}/data`, datastorePageSchema, f),
    enabled: !!resourceId,
    placeholderData: keepPreviousData,
  });
}

const aggregateParser: Parser<{ x: unknown; y: number }[]> = arrayOf({
  parse(d: unknown) {
    const o = d as { x?: unknown; y?: unknown };
    if (typeof o?.y !== 'number') throw new Error('expected {x, y}');
    return { x: o.x, y: o.y };
  },
});

/** One column grouped with another summed (or counted), for a chart. */
export function useAggregate(scope: CatalogScope, resourceId: string | null, x: string | null, y: string | null, fn: 'sum' | 'avg' | 'count') {
  return useQuery({
    queryKey: [...keys.datastore(scope, resourceId ?? '', { x, y, fn }), 'aggregate'],
    queryFn: () => api.get(`${base(scope)}/resources/${resourceId}/aggregate`, aggregateParser, { x, y, fn }),
    enabled: !!resourceId && !!x,
  });
}

export function downloadUrl(scope: CatalogScope, resourceId: string, format: 'csv' | 'json', f: Pick<DatastoreFilters, 'q' | 'filters'>): string {
  return withQuery(`${base(scope)}/resources/${resourceId}/download.${format}`, f);
}

export function useOpendataRole() {
  return useQuery({ queryKey: keys.opendataRole, queryFn: () => api.get('/api/opendata/role', opendataRoleSchema), staleTime: 60_000 });
}

export function useSaveDataset() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: (DatasetInput | DatasetUpdate) & { id: string | null }) =>
      id ? api.patch(`/api/opendata/datasets/${id}`, body, datasetSchema) : api.post('/api/opendata/datasets', body, datasetSchema),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.datasets }),
  });
}

export function useTransition() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: DatasetTransitionInput & { id: string }) => api.post(`/api/opendata/datasets/${id}/transition`, body, datasetSchema),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.datasets }),
  });
}

export function useDeleteDataset() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (id: string) => api.del(`/api/opendata/datasets/${id}`), onSuccess: () => qc.invalidateQueries({ queryKey: keys.datasets }) });
}

export function useLinkResource() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ datasetId, ...body }: ResourceLinkInput & { datasetId: string }) => api.post(`/api/opendata/datasets/${datasetId}/resources`, body, resourceSchema),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.datasets }),
  });
}

export function useDeleteResource() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (id: string) => api.del(`/api/opendata/resources/${id}`), onSuccess: () => qc.invalidateQueries({ queryKey: keys.datasets }) });
}
