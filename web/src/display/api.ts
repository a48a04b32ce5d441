import { DISPLAY_WS_PATH, type KioskMessage, type KioskState, type PairingStart, type TransparencyStats } from '@pantau/shared';

/** The kiosk's calls. A lobby never sees their failures: callers turn them into values. */
export type Fetched<T> = { ok: true; value: T } | { ok: false; unauthorized: boolean };

async function call<T>(url: string, init?: RequestInit): Promise<Fetched<T>> {
  try {
    const res = await fetch(url, { credentials: 'same-origin', cache: 'no-store', ...init });
    if (res.ok) return { ok: true, value: (await res.json()) as T };
    return { ok: false, unauthorized: res.status === 401 };
  } catch {
    return { ok: false, unauthorized: false };
  }
}

const json = (body: unknown): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

export const startPairing = () => call<PairingStart>('/api/display/pair', { method: 'POST' });
export const pollPairing = (p: { pairingId: string; secret: string }) => call<{ state: 'waiting' | 'approved' | 'expired' }>('/api/display/pair/status', json(p));
export const fetchState = () => call<KioskState>('/api/display/state');
/** The portal's public statistics; partial when an older server answers with less. */
export const fetchStats = () => call<Partial<TransparencyStats>>('/api/public/stats');
export const fetchIncidents = () => call<{ lat: number; lng: number; category: string; status: string }[]>('/api/display/incidents');

// the last good state, shown while the server is away (restart, network loss)
const CACHE = 'pantau.display.state';

export function cachedState(): KioskState | null {
  try {
    const raw = localStorage.getItem(CACHE);
    return raw ? (JSON.parse(raw) as KioskState) : null;
  } catch {
    return null;
  }
}

// set once paired: without it the kiosk goes straight to pairing instead of asking for a state
// it cannot have (the display cookie is httpOnly, so the page cannot look at it)
const PAIRED = 'pantau.display.paired';

export function isPaired(): boolean {
  try {
    return localStorage.getItem(PAIRED) === '1';
  } catch {
    return true;
  }
}

export function markPaired(): void {
  try {
    localStorage.setItem(PAIRED, '1');
  } catch {
    // without storage the kiosk asks the server each time
  }
}

/** Keeps the last good state; null forgets it and the pairing (revoked). */
export function cacheState(s: KioskState | null): void {
  try {
    if (s) localStorage.setItem(CACHE, JSON.stringify(s));
    else {
      localStorage.removeItem(CACHE);
      localStorage.removeItem(PAIRED);
    }
  } catch {
    // private mode or a full disk: the kiosk runs without its cache
  }
}

/** Backoff for reconnects: 1 s doubling to 10 s. */
export const backoff = (attempt: number) => Math.min(10_000, 1000 * 2 ** Math.max(0, attempt));

// the server sends state at least every 30 s; silence longer than this is a dead socket
const SILENCE_MS = 75_000;

export interface KioskSocketHandlers {
  state(s: KioskState): void;
  /** The server said `revoked`: back to pairing. */
  revoked(): void;
  /** The socket was refused (close 4401) without a word: to be confirmed over HTTP (401 or not). */
  refused(): void;
  /** Whether the socket is up, for the small offline hint. */
  connected(up: boolean): void;
}

/** The display socket, reconnecting with backoff until stopped. Returns the stop function. */
export function openKioskSocket(h: KioskSocketHandlers): () => void {
  let stopped = false;
  let attempt = 0;
  let ws: WebSocket | null = null;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let watchdog: ReturnType<typeof setTimeout> | undefined;
  const arm = () => {
    clearTimeout(watchdog);
    watchdog = setTimeout(() => ws?.close(), SILENCE_MS);
  };
  const connect = () => {
    if (stopped) return;
    const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${DISPLAY_WS_PATH}`;
    const sock = new WebSocket(url);
    ws = sock;
    sock.onopen = () => {
      attempt = 0;
      h.connected(true);
      arm();
    };
    sock.onmessage = (e) => {
      arm();
      let m: KioskMessage;
      try {
        m = JSON.parse(String(e.data)) as KioskMessage;
      } catch {
        return;
      }
      if (m.type === 'state') h.state(m.state);
      else if (m.type === 'revoked') {
        stopped = true;
        h.revoked();
      }
    };
    sock.onclose = (e) => {
      clearTimeout(watchdog);
      if (ws === sock) ws = null;
      if (stopped) return;
      h.connected(false);
      if (e.code === 4401) {
        stopped = true;
        return h.refused();
      }
      retry = setTimeout(connect, backoff(attempt++));
    };
  };
  connect();
  return () => {
    stopped = true;
    clearTimeout(retry);
    clearTimeout(watchdog);
    ws?.close();
  };
}
