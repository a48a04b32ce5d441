import WebSocket from 'ws';
import { LIVE_KIND } from '@pantau/shared';

/** A signed-in HTTP client of a running Pantau, for benchmarks. */
export class PantauClient {
  private cookie = '';
  private csrf = '';
  constructor(readonly base: string) {}

  async login(username: string, password: string): Promise<void> {
    const res = await fetch(`${this.base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
    if (!res.ok) throw new Error(`login failed: ${res.status} ${await res.text()}`);
    this.cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
    this.csrf = ((await res.json()) as { csrfToken: string }).csrfToken;
  }

  async request<T>(method: string, path: string, body?: unknown, contentType = 'application/json'): Promise<T> {
    const res = await fetch(`${this.base}${path}`, {
      method,
      headers: { cookie: this.cookie, 'x-csrf-token': this.csrf, ...(body !== undefined ? { 'content-type': contentType } : {}) },
      body: body === undefined ? undefined : contentType === 'application/json' ? JSON.stringify(body) : (body as string),
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return (res.status === 204 ? undefined : contentType === 'text/plain' ? await res.text() : await res.json()) as T;
  }

  async metrics(): Promise<Record<string, number>> {
    const text = await (await fetch(`${this.base}/metrics`)).text();
    const out: Record<string, number> = {};
    for (const line of text.split('\n')) {
      const m = /^(pantau_media_[a-z_]+)\s+([0-9.e+]+)$/.exec(line);
      if (m) out[m[1]!] = Number(m[2]);
    }
    return out;
  }

  /** Opens the live socket; `ttff` subscribes and resolves with ms until the first keyframe fragment. */
  async liveSocket(): Promise<{ ttff(cameraId: string, stream: 'main' | 'sub'): Promise<number>; close(): void }> {
    const ws = new WebSocket(`${this.base.replace('http', 'ws')}/api/live`, { headers: { cookie: this.cookie, origin: this.base } });
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    let channel = 0;
    const waiters = new Map<number, (kind: number) => void>();
    ws.on('message', (data, isBinary) => {
      if (!isBinary) return;
      const b = data as Buffer;
      waiters.get(b.readUInt16BE(1))?.(b[0]!);
    });
    return {
      ttff: (cameraId, stream) =>
        new Promise((resolve, reject) => {
          const ch = ++channel;
          const t0 = performance.now();
          const timer = setTimeout(() => reject(new Error(`no keyframe from ${cameraId} in 10 s`)), 10_000);
          waiters.set(ch, (kind) => {
            if (kind !== LIVE_KIND.keyFragment) return;
            clearTimeout(timer);
            waiters.delete(ch);
            ws.send(JSON.stringify({ type: 'unsubscribe', channel: ch }));
            resolve(performance.now() - t0);
          });
          ws.send(JSON.stringify({ type: 'subscribe', channel: ch, cameraId, stream }));
        }),
      close: () => ws.close(),
    };
  }
}
