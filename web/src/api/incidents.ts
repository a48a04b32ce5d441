import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  incidentCategorySchema, incidentDetailSchema, incidentNearSchema, incidentPageSchema, incidentStatsSchema, notificationSchema, routingRuleSchema, slaRuleSchema, sopStepSchema, incidentTaskSchema, nearbyCameraSchema,
  type IncidentCreate, type IncidentDetail, type IncidentQuery, type SlaRule, type TaskStatus, type TransitionInput,
} from '@pantau/shared';
import { api, toApiError } from './client.ts';
import { uploadFile } from './upload.ts';
import { keys } from './keys.ts';
import { arrayOf } from './parsers.ts';

const duplicatesParser = arrayOf(incidentNearSchema);
const tasksParser = arrayOf(incidentTaskSchema);
const categoriesParser = arrayOf(incidentCategorySchema);
const camerasParser = arrayOf(nearbyCameraSchema);

/** The board: refreshed by live events, and slowly polled as a fallback (SLA colours move with time). */
export function useIncidents(q: Partial<IncidentQuery>) {
  return useQuery({ queryKey: keys.incidentList(q), queryFn: () => api.get('/api/incidents', incidentPageSchema, q), refetchInterval: 30_000 });
}

export function useIncident(id: string) {
  return useQuery({ queryKey: keys.incident(id), queryFn: () => api.get(`/api/incidents/${id}`, incidentDetailSchema), refetchInterval: 30_000 });
}

export function useIncidentCategories() {
  return useQuery({ queryKey: keys.incidentCategories, queryFn: () => api.get('/api/incidents/categories', categoriesParser), staleTime: 10 * 60_000 });
}

/** Open incidents of the category near the point, while the call-taker types. */
export function useDuplicates(q: { category: string; lat: number | null; lng: number | null }) {
  const ready = !!q.category && q.lat !== null && q.lng !== null;
  return useQuery({ queryKey: keys.incidentDuplicates(q), queryFn: () => api.get('/api/incidents/duplicates', duplicatesParser, q), enabled: ready });
}

export function useNearbyCameras(id: string, radius: number) {
  return useQuery({ queryKey: keys.incidentCameras(id, radius), queryFn: () => api.get(`/api/incidents/${id}/cameras`, camerasParser, { radius }) });
}

export function useAgencyTasks() {
  return useQuery({ queryKey: keys.incidentTasks, queryFn: () => api.get('/api/incidents/tasks', tasksParser), refetchInterval: 30_000 });
}

export function useIncidentStats(q: { from?: string; to?: string }) {
  return useQuery({ queryKey: keys.incidentStats(q), queryFn: () => api.get('/api/incidents/stats', incidentStatsSchema, q) });
}

export function useCreateIncident() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: IncidentCreate) => api.post('/api/incidents', body, incidentDetailSchema),
    onSuccess: (inc) => {
      qc.setQueryData(keys.incident(inc.id), inc);
      void qc.invalidateQueries({ queryKey: keys.incidents });
    },
  });
}

/** Every action on the incident page answers with the fresh incident; the cache takes it as is. */
export function useIncidentAction(id: string) {
  const qc = useQueryClient();
  const done = (inc: IncidentDetail) => {
    qc.setQueryData(keys.incident(id), inc);
    void qc.invalidateQueries({ queryKey: ['incidents', 'list'] });
  };
  const base = `/api/incidents/${id}`;
  return {
    transition: useMutation({ mutationFn: (b: TransitionInput) => api.post(`${base}/transition`, b, incidentDetailSchema), onSuccess: done }),
    dispatch: useMutation({ mutationFn: (b: { organizationIds: string[]; note: string | null }) => api.post(`${base}/dispatch`, b, incidentDetailSchema), onSuccess: done }),
    claim: useMutation({ mutationFn: () => api.post(`${base}/claim`, undefined, incidentDetailSchema), onSuccess: done }),
    comment: useMutation({ mutationFn: (note: string) => api.post(`${base}/comments`, { note }, incidentDetailSchema), onSuccess: done }),
    check: useMutation({ mutationFn: (b: { checkId: string; done: boolean }) => api.put(`${base}/checklist/${b.checkId}`, { done: b.done }, incidentDetailSchema), onSuccess: done }),
    merge: useMutation({ mutationFn: (intoId: string) => api.post(`${base}/merge`, { intoId }, incidentDetailSchema), onSuccess: done }),
    recording: useMutation({ mutationFn: (cameraId: string) => api.post(`${base}/recordings`, { cameraId, minutesBefore: 5 }, incidentDetailSchema), onSuccess: done }),
  };
}

export function useUpdateTask() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (b: { id: string; status: TaskStatus; note: string | null }) => api.patch(`/api/incidents/tasks/${b.id}`, { status: b.status, note: b.note }, incidentTaskSchema),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.incidents }),
  });
}

const sopParser = arrayOf(sopStepSchema);
const routingParser = arrayOf(routingRuleSchema);
const slaParser = arrayOf(slaRuleSchema);

/** Admin configuration: SOP checklists, routing rules, SLA rules. */
export function useSop(category: string | null) {
  return useQuery({ queryKey: ['incidents', 'sop', category], queryFn: () => api.get(`/api/incidents/sop/${category}`, sopParser), enabled: !!category });
}
export function useRouting() {
  return useQuery({ queryKey: ['incidents', 'routing'], queryFn: () => api.get('/api/incidents/routing', routingParser) });
}
export function useSla() {
  return useQuery({ queryKey: ['incidents', 'sla'], queryFn: () => api.get('/api/incidents/sla', slaParser) });
}
export function useIncidentConfig() {
  const qc = useQueryClient();
  const refresh = (key: string) => () => qc.invalidateQueries({ queryKey: ['incidents', key] });
  return {
    saveSop: useMutation({ mutationFn: (b: { category: string; steps: { title: string; required: boolean }[] }) => api.put(`/api/incidents/sop/${b.category}`, { steps: b.steps }, sopParser), onSuccess: refresh('sop') }),
    addRouting: useMutation({ mutationFn: (b: { category: string; regionCode: string | null; organizationId: string }) => api.post('/api/incidents/routing', b, routingParser), onSuccess: refresh('routing') }),
    removeRouting: useMutation({ mutationFn: (id: string) => api.del(`/api/incidents/routing/${id}`), onSuccess: refresh('routing') }),
    saveSla: useMutation({ mutationFn: (b: SlaRule) => api.put('/api/incidents/sla', b, slaParser), onSuccess: refresh('sla') }),
  };
}

/** Uploads a photo as a raw body; the server checks its magic bytes and size. */
export function useUploadPhoto(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (file: File) => {
      const res = await uploadFile(`/api/incidents/${id}/photos`, file, file.type || 'application/octet-stream', () => undefined);
      if (res.status !== 201) throw toApiError(`/api/incidents/${id}/photos`, res.status, res.body);
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.incident(id) }),
  });
}

const notificationsParser = arrayOf(notificationSchema);
/** In-app notifications (escalations, critical incidents, agency tasks); refreshed with the incident queries. */
export function useIncidentNotifications() {
  return useQuery({ queryKey: ['incidents', 'notifications'], queryFn: () => api.get('/api/incidents/notifications', notificationsParser) });
}
