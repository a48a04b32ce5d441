import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { sessionResponseSchema, type LoginRequest, type PasswordChange, type SessionResponse } from '@pantau/shared';
import { liveConnection } from '../lib/live/index.ts';
import { api, ApiError, setCsrfToken } from './client.ts';
import { keys } from './keys.ts';

/**
 * A non-secret hint that this browser signed in before. Without it the console skips the session
 * probe on a fresh visit: the probe's expected 401 would otherwise be logged by the browser as a
 * console error on every first load. (The session itself is the httpOnly cookie.)
 */
const HINT_KEY = 'pantau.signedIn';

export function setSessionHint(on: boolean): void {
  try {
    if (on) localStorage.setItem(HINT_KEY, '1');
    else localStorage.removeItem(HINT_KEY);
  } catch {
    // storage unavailable: the console simply probes every time
  }
}

function hasSessionHint(): boolean {
  try {
    return localStorage.getItem(HINT_KEY) === '1';
  } catch {
    return true;
  }
}

/** The current session, or null when signed out (the 401 of the probe is an answer, not an error). */
async function fetchSession(): Promise<SessionResponse | null> {
  if (!hasSessionHint()) return null;
  try {
    const s = await api.get('/api/auth/session', sessionResponseSchema);
    setCsrfToken(s.csrfToken);
    return s;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      setCsrfToken(null);
      setSessionHint(false);
      return null;
    }
    throw e;
  }
}

export function useSession() {
  return useQuery({ queryKey: keys.session, queryFn: fetchSession, staleTime: Infinity });
}

export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginRequest) => api.post('/api/auth/login', body, sessionResponseSchema),
    onSuccess: (s) => {
      setCsrfToken(s.csrfToken);
      setSessionHint(true);
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== keys.session[0] });
      qc.setQueryData(keys.session, s);
    },
  });
}

export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post('/api/auth/logout', undefined, null),
    onSettled: () => {
      liveConnection.close(); // the socket keeps the identity it opened with: drop it with the session
      setCsrfToken(null);
      setSessionHint(false);
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== keys.session[0] });
      qc.setQueryData(keys.session, null);
    },
  });
}

export function useChangePassword() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: PasswordChange) => api.post('/api/auth/password', body, null),
    // The server clears mustChangePassword (and may rotate the CSRF token): read the session again.
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.session }),
  });
}
