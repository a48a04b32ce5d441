import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { wallLayoutSchema, wallTourSchema, type WallLayout, type WallLayoutInput, type WallTourInput } from '@pantau/shared';
import { api } from './client.ts';
import { keys } from './keys.ts';
import { arrayOf } from './parsers.ts';

const layoutsParser = arrayOf(wallLayoutSchema);
const toursParser = arrayOf(wallTourSchema);

/** The signed-in user's own video wall layouts. */
export function useWallLayouts() {
  return useQuery({ queryKey: keys.wallLayouts, queryFn: () => api.get('/api/walls/layouts', layoutsParser) });
}

export function useWallTours() {
  return useQuery({ queryKey: keys.wallTours, queryFn: () => api.get('/api/walls/tours', toursParser) });
}

/** Puts a saved layout into the cached list at once, so the page can select it without a refetch. */
function upsert(list: WallLayout[] | undefined, layout: WallLayout): WallLayout[] {
  const rest = (list ?? []).filter((l) => l.id !== layout.id);
  return [...rest, layout].sort((a, b) => a.name.localeCompare(b.name));
}

export function useCreateLayout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: WallLayoutInput) => api.post('/api/walls/layouts', body, wallLayoutSchema),
    onSuccess: (layout) => qc.setQueryData<WallLayout[]>(keys.wallLayouts, (l) => upsert(l, layout)),
  });
}

export function useUpdateLayout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: Partial<WallLayoutInput> & { id: string }) => api.patch(`/api/walls/layouts/${id}`, body, wallLayoutSchema),
    onSuccess: (layout) => qc.setQueryData<WallLayout[]>(keys.wallLayouts, (l) => upsert(l, layout)),
  });
}

export function useDeleteLayout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.del(`/api/walls/layouts/${id}`),
    // tours may still name the deleted layout; the tour player skips layouts that no longer exist
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.walls }),
  });
}

export function useSaveTour() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: WallTourInput & { id: string | null }) =>
      id ? api.patch(`/api/walls/tours/${id}`, body, wallTourSchema) : api.post('/api/walls/tours', body, wallTourSchema),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.wallTours }),
  });
}

export function useDeleteTour() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.del(`/api/walls/tours/${id}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.wallTours }),
  });
}
