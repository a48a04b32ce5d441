import { keepPreviousData, useQueries } from '@tanstack/react-query';
import { playbackSchema, type Gap, type PlaybackItem } from '@pantau/shared';
import { api } from '../../../api/client.ts';
import { recKeys } from '../api/recordings.ts';

export interface CameraPlayback {
  items: PlaybackItem[];
  gaps: Gap[];
  /** The answer is for the current window (not the previous one kept on screen while loading). */
  current: boolean;
  error: unknown;
}

/** Playable items of every grid camera for one window; tiles and the gap skipper read the same cache. */
export function usePlaybackItems(cameraIds: readonly string[], from: string, to: string): Map<string, CameraPlayback> {
  const results = useQueries({
    queries: cameraIds.map((id) => ({
      queryKey: recKeys.playback(id, from, to),
      queryFn: () => api.get(`/api/cameras/${id}/playback`, playbackSchema, { from, to }),
      placeholderData: keepPreviousData,
      // No polling: every playback request is audited. The session asks again near the live edge.
    })),
  });
  // Item arrays keep their identity between renders (react-query's structural sharing), so tiles
  // only see a change when the answer changes; the map itself is cheap to rebuild.
  const map = new Map<string, CameraPlayback>();
  cameraIds.forEach((id, i) => {
    const r = results[i];
    map.set(id, { items: r?.data?.items ?? [], gaps: r?.data?.gaps ?? [], current: !!r?.isSuccess && !r.isPlaceholderData, error: r?.error ?? null });
  });
  return map;
}
