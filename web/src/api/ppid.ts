import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ppidCalendarDaySchema, ppidDocumentSchema, ppidInfoItemSchema, ppidInfoPageSchema, ppidObjectionSchema, ppidReceiptSchema, ppidReportSchema, ppidRequestDetailSchema,
  ppidRequestPageSchema, ppidTrackedRequestSchema,
  type PpidCalendarDayInput, type PpidInfoInput, type PpidInfoUpdate, type PpidObjectionInput, type PpidRequestInput, type PpidRespondInput, type PpidTrackInput,
} from '@pantau/shared';
import { api, type QueryValue } from './client.ts';
import { keys } from './keys.ts';
import { arrayOf } from './parsers.ts';
import { uploadFile } from './upload.ts';

/* ---------- public, no login ---------- */

export function useSubmitPpidRequest() {
  return useMutation({ mutationFn: (body: PpidRequestInput) => api.post('/api/public/ppid/requests', body, ppidReceiptSchema) });
}

/** Tracking is a POST: the secret code stays out of URLs and logs. */
export function useTrackPpidRequest() {
  return useMutation({ mutationFn: (body: PpidTrackInput) => api.post('/api/public/ppid/track', body, ppidTrackedRequestSchema) });
}

export function useWithdrawPpidRequest() {
  return useMutation({ mutationFn: (body: PpidTrackInput) => api.post('/api/public/ppid/withdrawals', body, ppidTrackedRequestSchema) });
}

export function useFileObjection() {
  return useMutation({ mutationFn: (body: PpidObjectionInput) => api.post('/api/public/ppid/objections', body, ppidObjectionSchema) });
}

export function usePublicRegistry(filters: Record<string, QueryValue>) {
  return useQuery({
    queryKey: keys.ppid('public-registry', filters),
    queryFn: () => api.get('/api/public/ppid/registry', ppidInfoPageSchema, filters),
    placeholderData: keepPreviousData,
  });
}

/* ---------- console ---------- */

export function usePpidQueue(filters: Record<string, QueryValue>) {
  return useQuery({
    queryKey: keys.ppid('queue', filters),
    queryFn: () => api.get('/api/ppid/requests', ppidRequestPageSchema, filters),
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
  });
}

export function usePpidRequest(id: string) {
  return useQuery({ queryKey: keys.ppid('request', id), queryFn: () => api.get(`/api/ppid/requests/${id}`, ppidRequestDetailSchema) });
}

/** One mutation per officer action on a request; each refreshes every PPID view. */
export function usePpidAction<B>(path: (id: string) => string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: B }) => api.post(path(id), body, ppidRequestDetailSchema),
    onSuccess: (detail) => {
      qc.setQueryData(keys.ppid('request', detail.id), detail);
      void qc.invalidateQueries({ queryKey: keys.ppid('queue') });
    },
  });
}
export const useRoutePpid = () => usePpidAction<{ organizationId: string; note?: string }>((id) => `/api/ppid/requests/${id}/route`);
export const useExtendPpid = () => usePpidAction<{ reason: string }>((id) => `/api/ppid/requests/${id}/extend`);
export const useRespondPpid = () => usePpidAction<PpidRespondInput>((id) => `/api/ppid/requests/${id}/respond`);

export function useObjectionAction(kind: 'decide' | 'dispute') {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: object }) => api.post(`/api/ppid/objections/${id}/${kind}`, body, ppidObjectionSchema),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.ppid() }),
  });
}

/** Uploads a document (the file is the body; its name travels in the query). */
export function useUploadPpidDocument(url: (id: string) => string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, file }: { id: string; file: File }) => {
      const r = await uploadFile(`${url(id)}?filename=${encodeURIComponent(file.name)}`, file, file.type || 'application/octet-stream', () => {});
      if (r.status !== 201) throw Object.assign(new Error('upload failed'), { status: r.status, body: r.body });
      return ppidDocumentSchema.parse(r.body);
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.ppid() }),
  });
}

export function usePpidRegistry(filters: Record<string, QueryValue>) {
  return useQuery({
    queryKey: keys.ppid('registry', filters),
    queryFn: () => api.get('/api/ppid/registry', ppidInfoPageSchema, filters),
    placeholderData: keepPreviousData,
  });
}

export function useSaveInfoItem() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string | null; body: PpidInfoInput | PpidInfoUpdate }) =>
      id ? api.patch(`/api/ppid/registry/${id}`, body, ppidInfoItemSchema) : api.post('/api/ppid/registry', body, ppidInfoItemSchema),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.ppid('registry') }),
  });
}

const calendarParser = arrayOf(ppidCalendarDaySchema);
export function usePpidCalendar(year: number) {
  return useQuery({ queryKey: keys.ppid('calendar', year), queryFn: () => api.get(`/api/ppid/calendar/${year}`, calendarParser) });
}

export function useSetCalendarDay() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: PpidCalendarDayInput) => api.post('/api/ppid/calendar/days', body, null),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.ppid('calendar') }),
  });
}

export function useDeleteCalendarDay() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (date: string) => api.del(`/api/ppid/calendar/days/${date}`), onSuccess: () => qc.invalidateQueries({ queryKey: keys.ppid('calendar') }) });
}

export function usePpidReport(year: number) {
  return useQuery({ queryKey: keys.ppid('report', year), queryFn: () => api.get(`/api/ppid/reports/${year}`, ppidReportSchema) });
}
