import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { storageSchema } from '@pantau/shared';
import { ApiError, api, getCsrfToken, toApiError } from '../../api/client.ts';

const storageKey = ['storage'] as const;

/** Storage use changes slowly (the budget sweep runs in the background); a minute is fresh enough. */
export function useStorage() {
  return useQuery({ queryKey: storageKey, queryFn: () => api.get('/api/storage', storageSchema), refetchInterval: 60_000 });
}

/**
 * PUT /api/cameras/:id/retention. The shared client has no `put` verb yet (see the report), so this
 * one call is made here with the same CSRF header and error mapping as the client's own verbs.
 */
async function putRetention(cameraId: string, retentionDays: number | null): Promise<{ retentionDays: number | null }> {
  const path = `/api/cameras/${cameraId}/retention`;
  let res: Response;
  try {
    const csrf = getCsrfToken();
    res = await fetch(path, {
      method: 'PUT',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', ...(csrf ? { 'x-csrf-token': csrf } : {}) },
      body: JSON.stringify({ retentionDays }),
    });
  } catch {
    throw new ApiError(0, 'network', 'network error');
  }
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) throw toApiError(path, res.status, body);
  const days = (body as { retentionDays?: unknown } | null)?.retentionDays;
  if (days !== null && typeof days !== 'number') throw new ApiError(res.status, 'bad_response', `unexpected response from ${path}`);
  return { retentionDays: days };
}

export function useSetRetention() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ cameraId, retentionDays }: { cameraId: string; retentionDays: number | null }) => putRetention(cameraId, retentionDays),
    onSuccess: () => qc.invalidateQueries({ queryKey: storageKey }),
  });
}
