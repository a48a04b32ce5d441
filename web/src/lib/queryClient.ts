import { QueryClient } from '@tanstack/react-query';
import { ApiError, setCsrfToken, setUnauthenticatedHandler } from '../api/client.ts';
import { keys } from '../api/keys.ts';
import { setSessionHint } from '../api/session.ts';
import { liveConnection } from './live/index.ts';

/** Client errors (4xx) will not change by retrying; network and 5xx errors get one more try. */
function retry(count: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return count < 1;
}

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry, refetchOnWindowFocus: false, staleTime: 15_000 },
    mutations: { retry: false },
  },
});

// Any 401 means the session is gone: drop cached data and let the route guard send the user to login.
setUnauthenticatedHandler(() => {
  liveConnection.close();
  setCsrfToken(null);
  setSessionHint(false);
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== keys.session[0] });
  queryClient.setQueryData(keys.session, null);
});
