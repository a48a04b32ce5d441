import { keepPreviousData, useQueries } from '@tanstack/react-query';
import { timelineSchema } from '@pantau/shared';
import { api } from '../../../api/client.ts';
import type { TimelineRow } from '../../../components/timeline/Timeline.tsx';
import { fetchRange, type TimelineView } from '../../../components/timeline/timelineModel.ts';
import { LIVE_EDGE_REFRESH_MS, recKeys } from '../api/recordings.ts';

/** Timeline rows of the grid's cameras for the range around the view (bucketed so panning reuses the cache). */
export function useTimelines(cameras: { id: string; name: string }[], view: TimelineView): TimelineRow[] {
  const r = fetchRange(view);
  const from = new Date(r.from).toISOString();
  const to = new Date(r.to).toISOString();
  const results = useQueries({
    queries: cameras.map((c) => ({
      queryKey: recKeys.timeline(c.id, from, to),
      queryFn: () => api.get(`/api/cameras/${c.id}/timeline`, timelineSchema, { from, to, stream: 'main' }),
      placeholderData: keepPreviousData,
      refetchInterval: r.to > Date.now() - 60_000 ? LIVE_EDGE_REFRESH_MS : (false as const),
    })),
  });
  return cameras.map((c, i) => ({ id: c.id, label: c.name, data: results[i]?.data, loading: !!results[i]?.isFetching }));
}
