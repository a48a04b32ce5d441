/**
 * The typed fetch client: every call names the shared zod schema of its answer, so a contract
 * drift between server and console fails loudly at the edge instead of deep inside a view.
 */

/** Anything with a zod-like `parse`; keeps the web free of a direct zod import. */
export interface Parser<T> {
  parse(data: unknown): T;
}

/** An API failure in the server's `{ error: { code, message, details } }` shape. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

let csrfToken: string | null = null;
let onUnauthenticated: () => void = () => {};

/** Remembers the CSRF token of the current session; mutating requests send it back. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function getCsrfToken(): string | null {
  return csrfToken;
}

/** Called when any call (other than login and the session probe) answers 401. */
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

/** Reports an expired session found outside fetch (the live socket's close code 4401). */
export function reportUnauthenticated(): void {
  onUnauthenticated();
}

/** Paths whose 401 is an expected answer, not an expired session. */
const AUTH_PROBES = ['/api/auth/login', '/api/auth/session'];

export type QueryValue = string | number | boolean | null | undefined;

/** Builds `path?a=1&b=2`, leaving out empty values so the server applies its defaults. */
export function withQuery(path: string, query?: Record<string, QueryValue>): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

/** Turns any failed response body into an ApiError and reports expired sessions. */
export function toApiError(path: string, status: number, body: unknown): ApiError {
  const err = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error;
  const code = typeof err?.code === 'string' ? err.code : status >= 500 ? 'internal' : 'bad_request';
  const message = typeof err?.message === 'string' ? err.message : `HTTP ${status}`;
  if (status === 401 && !AUTH_PROBES.some((p) => path.startsWith(p))) onUnauthenticated();
  return new ApiError(status, code, message, err?.details);
}

function mutationHeaders(hasJson: boolean): Record<string, string> {
  const headers: Record<string, string> = {};
  if (hasJson) headers['content-type'] = 'application/json';
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  return headers;
}

async function send(method: string, path: string, body?: unknown): Promise<Response> {
  const mutating = method !== 'GET';
  const hasJson = body !== undefined;
  try {
    return await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: mutating ? mutationHeaders(hasJson) : { accept: 'application/json' },
      body: hasJson ? JSON.stringify(body) : undefined,
    });
  } catch {
    throw new ApiError(0, 'network', 'network error');
  }
}

async function readJson(res: Response): Promise<unknown> {
  const text = await res.text();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

async function call<T>(method: string, path: string, parser: Parser<T> | null, body?: unknown): Promise<T> {
  const res = await send(method, path, body);
  const data = await readJson(res);
  if (!res.ok) throw toApiError(path, res.status, data);
  if (!parser) return undefined as T;
  try {
    return parser.parse(data);
  } catch (e) {
    // A shape mismatch is a bug between server and console; keep the zod detail for the report.
    throw new ApiError(res.status, 'bad_response', `unexpected response from ${path}`, e);
  }
}

/** Typed REST verbs. `null` as parser means "no body expected" (204). */
export const api = {
  get: <T>(path: string, parser: Parser<T>, query?: Record<string, QueryValue>) =>
    call('GET', withQuery(path, query), parser),
  post: <T>(path: string, body: unknown, parser: Parser<T> | null) => call('POST', path, parser, body),
  patch: <T>(path: string, body: unknown, parser: Parser<T>) => call('PATCH', path, parser, body),
  put: <T>(path: string, body: unknown, parser: Parser<T> | null) => call('PUT', path, parser, body),
  del: (path: string) => call<void>('DELETE', path, null),
};
