import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  cameraMarkerSchema,
  cameraPageSchema,
  cameraSchema,
  type CameraCategory,
  type CameraCreate,
  type CameraStatus,
  type CameraUpdate,
  type Visibility,
} from '@pantau/shared';
import { useStatusFeed } from '../lib/live/hooks.ts';
import { api } from './client.ts';
import { keys } from './keys.ts';
import { arrayOf } from './parsers.ts';

/**
 * Camera status changes in the background (the media module probes streams). The live socket pushes
 * every change into these caches (useCameraStatusSync); screens poll at this interval only while
 * the socket is down.
 */
const STATUS_POLL_MS = 30_000;

/** Opens the status feed while a camera screen is mounted; polls only while it is down. */
function useStatusPoll(): number | false {
  return useStatusFeed() ? false : STATUS_POLL_MS;
}

/** Filters shared by the camera list, the export and the map. */
export interface CameraFilters {
  q?: string;
  regionCode?: string;
  category?: CameraCategory;
  status?: CameraStatus;
  visibility?: Visibility;
  organizationId?: string;
}

export function useCameraPage(filters: CameraFilters, limit: number, offset: number) {
  const query = { ...filters, limit, offset };
  const poll = useStatusPoll();
  return useQuery({
    queryKey: keys.cameraList(query),
    queryFn: () => api.get('/api/cameras', cameraPageSchema, query),
    placeholderData: keepPreviousData,
    refetchInterval: poll,
  });
}

const markersParser = arrayOf(cameraMarkerSchema);

export function useCameraMarkers(filters: CameraFilters) {
  const poll = useStatusPoll();
  return useQuery({
    queryKey: keys.cameraMarkers({ ...filters }),
    queryFn: () => api.get('/api/cameras/markers', markersParser, { ...filters }),
    placeholderData: keepPreviousData,
    refetchInterval: poll,
  });
}

export function useCamera(id: string) {
  const poll = useStatusPoll();
  return useQuery({
    queryKey: keys.camera(id),
    queryFn: () => api.get(`/api/cameras/${id}`, cameraSchema),
    refetchInterval: poll,
  });
}

export function useCreateCamera() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CameraCreate) => api.post('/api/cameras', body, cameraSchema),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.cameras }),
  });
}

export function useUpdateCamera(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CameraUpdate) => api.patch(`/api/cameras/${id}`, body, cameraSchema),
    onSuccess: (camera) => {
      qc.setQueryData(keys.camera(id), camera);
      return qc.invalidateQueries({ queryKey: keys.cameras });
    },
  });
}

export function useDeleteCamera() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.del(`/api/cameras/${id}`),
    // Refresh lists and markers but not the deleted camera itself: refetching it would only 404
    // while its page is still on screen.
    onSuccess: (_v, id) =>
      qc.invalidateQueries({
        queryKey: keys.cameras,
        predicate: (q) => !(q.queryKey[1] === 'detail' && q.queryKey[2] === id),
      }),
  });
}
