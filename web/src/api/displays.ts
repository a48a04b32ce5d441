import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  displaySchema,
  playlistSchema,
  sceneSchema,
  type Display,
  type PairingApprove,
  type PlaylistInput,
  type PushInput,
  type SceneInput,
} from '@pantau/shared';
import { api } from './client.ts';
import { keys } from './keys.ts';
import { arrayOf } from './parsers.ts';

/**
 * Smart Displays in the console: paired screens, their scenes and playlists, pushes, and the
 * portal takedown. Every key starts with 'displays', so one invalidation refreshes list and detail.
 */
export const displayKeys = {
  all: ['displays'] as const,
  list: ['displays', 'list'] as const,
  detail: (id: string) => ['displays', 'detail', id] as const,
  scenes: ['displays', 'scenes'] as const,
  scene: (id: string) => ['displays', 'scenes', id] as const,
  playlists: ['displays', 'playlists'] as const,
  playlist: (id: string) => ['displays', 'playlists', id] as const,
};

const displaysParser = arrayOf(displaySchema);
const scenesParser = arrayOf(sceneSchema);
const playlistsParser = arrayOf(playlistSchema);

/** Online state changes when a screen connects or drops; there is no console feed for it, so poll. */
const DISPLAY_POLL_MS = 10_000;

export function useDisplays() {
  return useQuery({ queryKey: displayKeys.list, queryFn: () => api.get('/api/displays', displaysParser), refetchInterval: DISPLAY_POLL_MS });
}

export function useDisplay(id: string) {
  return useQuery({ queryKey: displayKeys.detail(id), queryFn: () => api.get(`/api/displays/${id}`, displaySchema), refetchInterval: DISPLAY_POLL_MS });
}

/** Refreshes the display list and details after a change; the answers' shapes are not relied upon. */
function useRefreshDisplays() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ predicate: (q) => q.queryKey[0] === 'displays' && (q.queryKey[1] === 'list' || q.queryKey[1] === 'detail') });
}

export function useApprovePairing() {
  const refresh = useRefreshDisplays();
  return useMutation({ mutationFn: (body: PairingApprove) => api.post('/api/displays/pair/approve', body, null), onSuccess: refresh });
}

export function useUpdateDisplay(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { name?: string; location?: string; tier?: Display['tier']; playlistId?: string | null }) => api.patch(`/api/displays/${id}`, body, displaySchema),
    onSuccess: (d) => {
      qc.setQueryData(displayKeys.detail(id), d);
      return qc.invalidateQueries({ queryKey: displayKeys.list });
    },
  });
}

/** Revoking is final: the screen is told at once and goes back to showing a pairing code. */
export function useRevokeDisplay() {
  const refresh = useRefreshDisplays();
  return useMutation({ mutationFn: (id: string) => api.del(`/api/displays/${id}`), onSuccess: refresh });
}

export function usePushDisplay() {
  const refresh = useRefreshDisplays();
  return useMutation({ mutationFn: ({ id, push }: { id: string; push: PushInput }) => api.post(`/api/displays/${id}/push`, push, null), onSuccess: refresh });
}

export function useResumeDisplay() {
  const refresh = useRefreshDisplays();
  return useMutation({ mutationFn: (id: string) => api.post(`/api/displays/${id}/resume`, undefined, null), onSuccess: refresh });
}

export function useScenes() {
  return useQuery({ queryKey: displayKeys.scenes, queryFn: () => api.get('/api/displays/scenes', scenesParser) });
}

export function useScene(id: string | null) {
  return useQuery({ queryKey: displayKeys.scene(id ?? ''), queryFn: () => api.get(`/api/displays/scenes/${id}`, sceneSchema), enabled: !!id });
}

export function useSaveScene() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string | null; body: SceneInput }) =>
      id ? api.put(`/api/displays/scenes/${id}`, body, sceneSchema) : api.post('/api/displays/scenes', body, sceneSchema),
    onSuccess: (scene) => {
      qc.setQueryData(displayKeys.scene(scene.id), scene);
      return qc.invalidateQueries({ queryKey: displayKeys.scenes, exact: true });
    },
  });
}

/** Answers 409 while a playlist or a push still uses the scene. */
export function useDeleteScene() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (id: string) => api.del(`/api/displays/scenes/${id}`), onSuccess: () => qc.invalidateQueries({ queryKey: displayKeys.scenes, exact: true }) });
}

export function usePlaylists() {
  return useQuery({ queryKey: displayKeys.playlists, queryFn: () => api.get('/api/displays/playlists', playlistsParser) });
}

export function usePlaylist(id: string | null) {
  return useQuery({ queryKey: displayKeys.playlist(id ?? ''), queryFn: () => api.get(`/api/displays/playlists/${id}`, playlistSchema), enabled: !!id });
}

export function useSavePlaylist() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string | null; body: PlaylistInput }) =>
      id ? api.put(`/api/displays/playlists/${id}`, body, playlistSchema) : api.post('/api/displays/playlists', body, playlistSchema),
    onSuccess: (playlist) => {
      qc.setQueryData(displayKeys.playlist(playlist.id), playlist);
      return qc.invalidateQueries({ queryKey: displayKeys.playlists, exact: true });
    },
  });
}

/** Answers 409 while a display still plays the playlist. */
export function useDeletePlaylist() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (id: string) => api.del(`/api/displays/playlists/${id}`), onSuccess: () => qc.invalidateQueries({ queryKey: displayKeys.playlists, exact: true }) });
}

/**
 * Takes a camera off the portal at once (it becomes `internal`; viewers and displays lose it within
 * seconds). The camera caches are refreshed rather than patched, since the answer is only `{ id, visibility }`.
 */
export function useTakedown() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ cameraId, reason }: { cameraId: string; reason: string }) => api.post(`/api/portal/cameras/${cameraId}/takedown`, { reason }, null),
    onSuccess: (_v, { cameraId }) => Promise.all([qc.invalidateQueries({ queryKey: keys.camera(cameraId) }), qc.invalidateQueries({ queryKey: keys.cameras }), qc.invalidateQueries({ queryKey: displayKeys.list })]),
  });
}
