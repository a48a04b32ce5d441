import { useCallback, useEffect, useState } from 'react';
import type { PortalInfo, PublicCamera, PublicCameraList, PublicTracking, TransparencyStats, IncidentCategory } from '@pantau/shared';
// the console's error class: client.ts imports nothing, so the portal stays small
import { ApiError } from '../api/client.ts';

// type-only imports from @pantau/shared: the portal bundle must not carry zod

export { ApiError };

/** `?tenant=` of the page, passed on to the API so a multi-tenant install shows the right city. */
export function tenantQuery(): string {
  const t = new URLSearchParams(window.location.search).get('tenant');
  return t ? `tenant=${encodeURIComponent(t)}` : '';
}

const withTenant = (path: string) => {
  const q = tenantQuery();
  return q ? `${path}${path.includes('?') ? '&' : '?'}${q}` : path;
};

/** fetch with JSON in and out; same-origin cookies only (public routes ignore them except for tier). */
export async function api<T>(path: string, init: RequestInit = {}): Promise<T> {
  const res = await fetch(withTenant(path), { credentials: 'same-origin', ...init, headers: { accept: 'application/json', ...(init.headers ?? {}) } });
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
    throw new ApiError(res.status, body?.error?.code ?? 'error', body?.error?.message ?? res.statusText);
  }
  return (res.status === 204 ? null : await res.json()) as T;
}

export const postJson = <T>(path: string, body: unknown) => api<T>(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

export type Loadable<T> = { data: T | null; error: ApiError | Error | null; loading: boolean; reload: () => void };

/** A tiny fetch hook (the portal avoids a query library to stay small); `path` null skips. */
export function useApi<T>(path: string | null): Loadable<T> {
  const [state, setState] = useState<{ data: T | null; error: Error | null; loading: boolean }>({ data: null, error: null, loading: path !== null });
  const [n, setN] = useState(0);
  useEffect(() => {
    if (path === null) return;
    let live = true;
    setState((s) => ({ ...s, loading: true, error: null }));
    api<T>(path).then(
      (data) => live && setState({ data, error: null, loading: false }),
      // a failed refresh keeps what was shown, unless the thing is gone (404) or no longer allowed
      (error: Error) => live && setState((s) => ({ data: error instanceof ApiError && error.status < 500 ? null : s.data, error, loading: false })),
    );
    return () => {
      live = false;
    };
  }, [path, n]);
  const reload = useCallback(() => setN((x) => x + 1), []);
  return { ...state, reload };
}

export const usePortalInfo = () => useApi<PortalInfo>('/api/public/portal');
/** `qs` null skips the request (the unfiltered list is already loaded). */
export const useCameras = (qs: string | null) => useApi<PublicCameraList>(qs === null ? null : `/api/public/cameras${qs ? `?${qs}` : ''}`);
export const useCamera = (id: string) => useApi<PublicCamera>(`/api/public/cameras/${encodeURIComponent(id)}`);
export const useStats = (days: number) => useApi<TransparencyStats>(`/api/public/stats?days=${days}`);
export const useCategories = () => useApi<IncidentCategory[]>('/api/public/incidents/categories');
export const useTracking = (ticket: string | null) => useApi<PublicTracking>(ticket ? `/api/public/incidents/${encodeURIComponent(ticket)}` : null);

export type { PortalInfo, PublicCamera, PublicCameraList, PublicTracking, TransparencyStats, IncidentCategory };
