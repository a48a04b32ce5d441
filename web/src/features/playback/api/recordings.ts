import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  bookmarkSchema,
  exportSchema,
  holdSchema,
  pageOf,
  type BookmarkInput,
  type ExportInput,
  type HoldInput,
} from '@pantau/shared';
import { api, type Parser } from '../../../api/client.ts';

/** `{ items }` of holds (the holds list has no paging, so no shared page schema). */
function itemsOf<T>(item: Parser<T>): Parser<{ items: T[] }> {
  return {
    parse(data) {
      const o = data as { items?: unknown } | null;
      if (!o || !Array.isArray(o.items)) throw new Error('expected { items: [] }');
      return { items: o.items.map((x) => item.parse(x)) };
    },
  };
}

const bookmarkPage = pageOf(bookmarkSchema);
const holdList = itemsOf(holdSchema);
const exportPage = pageOf(exportSchema);

/** Query keys of recorded video; kept beside the hooks because this feature owns them. */
export const recKeys = {
  all: ['recordings'] as const,
  timeline: (cameraId: string, from: string, to: string) => ['recordings', 'timeline', cameraId, from, to] as const,
  playback: (cameraId: string, from: string, to: string) => ['recordings', 'playback', cameraId, from, to] as const,
  bookmarks: ['recordings', 'bookmarks'] as const,
  bookmarkList: (f: BookmarkFilters) => ['recordings', 'bookmarks', f] as const,
  holds: ['recordings', 'holds'] as const,
  holdList: (f: HoldFilters) => ['recordings', 'holds', f] as const,
  exports: ['recordings', 'exports'] as const,
  exportDetail: (id: string) => ['recordings', 'exports', 'detail', id] as const,
};

/** Ranges reaching "now" grow while the camera records; refresh them now and then. */
export const LIVE_EDGE_REFRESH_MS = 20_000;

export interface BookmarkFilters {
  cameraId?: string;
  q?: string;
  from?: string;
  to?: string;
  [key: string]: string | undefined;
}

export function useBookmarks(filters: BookmarkFilters, enabled = true) {
  return useQuery({
    queryKey: recKeys.bookmarkList(filters),
    queryFn: () => api.get('/api/bookmarks', bookmarkPage, { ...filters, limit: 200 }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Bookmarks and holds also show on the timeline, so a change refreshes both. */
function useInvalidateMarks() {
  const qc = useQueryClient();
  return (key: readonly string[]) =>
    Promise.all([qc.invalidateQueries({ queryKey: key }), qc.invalidateQueries({ queryKey: ['recordings', 'timeline'] })]);
}

export function useCreateBookmark() {
  const refresh = useInvalidateMarks();
  return useMutation({
    mutationFn: (body: BookmarkInput) => api.post('/api/bookmarks', body, bookmarkSchema),
    onSuccess: () => refresh(recKeys.bookmarks),
  });
}

export function useDeleteBookmark() {
  const refresh = useInvalidateMarks();
  return useMutation({
    mutationFn: (id: string) => api.del(`/api/bookmarks/${id}`),
    onSuccess: () => refresh(recKeys.bookmarks),
  });
}

export interface HoldFilters {
  cameraId?: string;
  active?: 'true' | 'false';
  [key: string]: string | undefined;
}

export function useHolds(filters: HoldFilters) {
  return useQuery({
    queryKey: recKeys.holdList(filters),
    queryFn: () => api.get('/api/holds', holdList, filters),
    placeholderData: keepPreviousData,
  });
}

export function useCreateHold() {
  const refresh = useInvalidateMarks();
  return useMutation({
    mutationFn: (body: HoldInput) => api.post('/api/holds', body, holdSchema),
    onSuccess: () => refresh(recKeys.holds),
  });
}

export function useReleaseHold() {
  const refresh = useInvalidateMarks();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) => api.post(`/api/holds/${id}/release`, { reason }, holdSchema),
    onSuccess: () => refresh(recKeys.holds),
  });
}

export function useCreateExport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ExportInput) => api.post('/api/exports', body, exportSchema),
    onSuccess: () => qc.invalidateQueries({ queryKey: recKeys.exports }),
  });
}

/** Export progress is written by a background job: poll every second until it has finished. */
const EXPORT_POLL_MS = 1000;

export function useExport(id: string | null) {
  return useQuery({
    queryKey: recKeys.exportDetail(id ?? ''),
    queryFn: () => api.get(`/api/exports/${id}`, exportSchema),
    enabled: id !== null,
    refetchInterval: (q) => (q.state.data && (q.state.data.status === 'done' || q.state.data.status === 'failed') ? false : EXPORT_POLL_MS),
  });
}

export function useExports(limit: number, offset: number) {
  return useQuery({
    queryKey: [...recKeys.exports, 'list', limit, offset],
    queryFn: () => api.get('/api/exports', exportPage, { limit, offset }),
    placeholderData: keepPreviousData,
    // Running exports move on their own; keep the list fresh while any is unfinished.
    refetchInterval: (q) => (q.state.data?.items.some((e) => e.status === 'queued' || e.status === 'running') ? 3000 : false),
  });
}
