import { useEffect } from 'react';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { Camera, CameraMarker, cameraPageSchema } from '@pantau/shared';
import { liveConnection, type CameraStatusPush } from '../lib/live/index.ts';
import { keys } from './keys.ts';

type Page = ReturnType<(typeof cameraPageSchema)['parse']>;

/** A list filtered by status may gain or lose this camera: refetch it rather than patch it. */
function filteredByStatus(key: readonly unknown[]): boolean {
  const f = key[2];
  return typeof f === 'object' && f !== null && Boolean((f as { status?: unknown }).status);
}

const patchCamera = (c: Camera, e: CameraStatusPush): Camera =>
  c.id === e.cameraId ? { ...c, status: e.status, statusReason: e.reason, lastFrameAt: e.lastFrameAt ?? c.lastFrameAt } : c;
const patchMarker = (m: CameraMarker, e: CameraStatusPush): CameraMarker => (m.id === e.cameraId ? { ...m, status: e.status } : m);

/** Writes one status push into every cached view of the camera: detail, list pages and map markers. */
export function applyCameraStatus(qc: QueryClient, e: CameraStatusPush): void {
  qc.setQueryData<Camera>(keys.camera(e.cameraId), (c) => c && patchCamera(c, e));
  const has = (list: { id: string }[]) => list.some((c) => c.id === e.cameraId);
  for (const q of qc.getQueryCache().findAll({ queryKey: [...keys.cameras, 'list'] })) {
    if (filteredByStatus(q.queryKey)) void qc.invalidateQueries({ queryKey: q.queryKey, exact: true });
    else qc.setQueryData<Page>(q.queryKey, (p) => (p && has(p.items) ? { ...p, items: p.items.map((c) => patchCamera(c, e)) } : p));
  }
  for (const q of qc.getQueryCache().findAll({ queryKey: [...keys.cameras, 'markers'] })) {
    if (filteredByStatus(q.queryKey)) void qc.invalidateQueries({ queryKey: q.queryKey, exact: true });
    else qc.setQueryData<CameraMarker[]>(q.queryKey, (m) => (m && has(m) ? m.map((x) => patchMarker(x, e)) : m));
  }
}

/**
 * Keeps the camera caches in step with the live socket's status pushes, so badges on the list, the
 * map and the detail page change as the camera does. After the socket was down, refetch once:
 * pushes were missed meanwhile.
 */
export function useCameraStatusSync(): void {
  const qc = useQueryClient();
  useEffect(() => {
    const offStatus = liveConnection.onStatus((e) => applyCameraStatus(qc, e));
    let missed = false;
    const offState = liveConnection.onState((s) => {
      if (s === 'reconnecting') missed = true;
      if (s === 'open' && missed) {
        missed = false;
        void qc.invalidateQueries({ queryKey: keys.cameras });
      }
    });
    return () => {
      offStatus();
      offState();
    };
  }, [qc]);
}
