/**
 * Simulated HLS viewers for `bench:portal`: LL-HLS players (blocking playlist reload, then each new
 * part) and a share of plain HLS players (playlist every second, then each new segment), each
 * from its own loopback address as real viewers come from their own IPs. Also the static file
 * server the same pattern is compared against.
 */
import { Agent, request } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** What every viewer measured. */
export interface ViewerTotals {
  partMs: number[];
  segmentMs: number[];
  playlists: number;
  bytes: number;
  errors: number;
  errorSample: string[];
}

export const emptyTotals = (): ViewerTotals => ({ partMs: [], segmentMs: [], playlists: 0, bytes: 0, errors: 0, errorSample: [] });

/** Viewer i's source address: 127.1.x.y (all of 127/8 is loopback on Linux). */
export const viewerAddress = (i: number) => `127.1.${(i >> 8) & 255}.${(i & 255) + 1}`;

/** GET with a per-viewer keep-alive agent; resolves with status, body and milliseconds to the last byte. */
export function get(agent: Agent, url: string): Promise<{ status: number; body: Buffer; ms: number }> {
  const t0 = performance.now();
  return new Promise((resolve) => {
    const req = request(url, { agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), ms: performance.now() - t0 }));
      res.on('error', () => resolve({ status: 0, body: Buffer.alloc(0), ms: performance.now() - t0 }));
    });
    req.on('error', () => resolve({ status: 0, body: Buffer.alloc(0), ms: performance.now() - t0 }));
    req.setTimeout(20_000, () => req.destroy());
    req.end();
  });
}

interface Entry {
  msn: number;
  part: number | null;
  uri: string;
  duration: number;
}

/** Parts (the last ones) and complete segments of a playlist, in order. */
export function entries(text: string): { parts: Entry[]; segments: Entry[] } {
  const parts: Entry[] = [];
  const segments: Entry[] = [];
  let msn = Number(/#EXT-X-MEDIA-SEQUENCE:(\d+)/.exec(text)?.[1] ?? 0);
  let part = 0;
  let extinf = 0;
  for (const line of text.split('\n')) {
    const m = /^#EXT-X-PART:DURATION=([\d.]+),URI="([^"]+)"/.exec(line);
    if (m) parts.push({ msn, part: part++, uri: m[2]!, duration: Number(m[1]) });
    else if (line.startsWith('#EXTINF:')) extinf = Number(line.slice(8).split(',')[0]);
    else if (line && !line.startsWith('#')) {
      segments.push({ msn, part: null, uri: line, duration: extinf });
      msn++;
      part = 0;
    }
  }
  return { parts, segments };
}

/** Options of one viewer run. */
export interface ViewerRun {
  base: string;
  playlist: string;
  index: number;
  lowLatency: boolean;
  until: number;
  totals: ViewerTotals;
  /** Where fetched files are kept for the static comparison (first viewer only), or null. */
  saveDir: string | null;
}

function fail(t: ViewerTotals, what: string): void {
  t.errors++;
  if (t.errorSample.length < 5) t.errorSample.push(what);
}

/** Plays against Pantau until `until`: blocking reload and parts, or 1 s polls and segments. */
export async function pantauViewer(o: ViewerRun): Promise<void> {
  const agent = new Agent({ keepAlive: true, maxSockets: 2, localAddress: viewerAddress(o.index) });
  const url = (u: string) => new URL(u, `${o.base}${o.playlist}`).href;
  const seen = new Set<string>();
  let next: { msn: number; part: number } | null = null;
  try {
    while (performance.now() < o.until) {
      const q = o.lowLatency && next ? `?_HLS_msn=${next.msn}&_HLS_part=${next.part}` : '';
      const pl = await get(agent, `${o.base}${o.playlist}${q}`);
      o.totals.playlists++;
      if (pl.status !== 200) {
        fail(o.totals, `playlist ${pl.status}`);
        await new Promise((r) => setTimeout(r, 500));
        continue;
      }
      const text = pl.body.toString();
      if (o.saveDir) save(o.saveDir, 'index.m3u8', pl.body);
      const { parts, segments } = entries(text);
      const list = o.lowLatency ? parts : segments;
      // join at the edge: only what appears from now on is fetched
      if (seen.size === 0) for (const e of list.slice(0, -1)) seen.add(e.uri);
      const fresh = list.filter((e) => !seen.has(e.uri));
      for (const e of fresh) {
        seen.add(e.uri);
        const r = await get(agent, url(e.uri));
        if (r.status !== 200) fail(o.totals, `${e.uri} ${r.status}`);
        else {
          (o.lowLatency ? o.totals.partMs : o.totals.segmentMs).push(r.ms);
          o.totals.bytes += r.body.length;
          if (o.saveDir) save(o.saveDir, `${o.lowLatency ? 'parts' : 'segments'}/${String(e.msn).padStart(8, '0')}.${e.part ?? 0}.m4s`, r.body, e.duration);
        }
      }
      const last = parts[parts.length - 1];
      if (last) next = { msn: last.msn, part: last.part! + 1 };
      const hint = /PRELOAD-HINT:TYPE=PART,URI="[^"]*part-(\d+)\.(\d+)\.m4s"/.exec(text);
      if (hint) next = { msn: Number(hint[1]), part: Number(hint[2]) };
      if (!o.lowLatency) await new Promise((r) => setTimeout(r, 1000));
    }
  } finally {
    agent.destroy();
  }
}

/** Durations of the saved files, for pacing the static run like the live one. */
export const savedDurations = new Map<string, number>();

function save(dir: string, name: string, body: Buffer, duration?: number): void {
  const p = join(dir, name);
  mkdirSync(dirname(p), { recursive: true });
  writeFileSync(p, body);
  if (duration !== undefined) savedDurations.set(name, duration);
}

/**
 * The same pattern against static files. LL-HLS players are in step: a blocking reload releases
 * every viewer when a part appears, and they all fetch it at once. So here every viewer fetches
 * file k of the saved sequence at the same instant `grid0 + (durations of files before k)`,
 * preceded by the playlist, as the live run did.
 */
export async function staticViewer(o: { base: string; index: number; files: string[]; grid0: number; until: number; lowLatency: boolean; totals: ViewerTotals }): Promise<void> {
  const agent = new Agent({ keepAlive: true, maxSockets: 2, localAddress: viewerAddress(o.index) });
  const duration = (k: number) => (savedDurations.get(o.files[k % o.files.length]!) ?? 0.5) * 1000;
  let k = 0;
  let due = o.grid0;
  while (due < performance.now()) due += duration(k++); // a late joiner takes the next step
  try {
    while (performance.now() < o.until) {
      const wait = due - performance.now();
      if (wait > 0) await new Promise((res) => setTimeout(res, wait));
      const pl = await get(agent, `${o.base}/index.m3u8`);
      o.totals.playlists++;
      if (pl.status !== 200) fail(o.totals, `playlist ${pl.status}`);
      const name = o.files[k % o.files.length]!;
      const r = await get(agent, `${o.base}/${name}`);
      if (r.status !== 200) fail(o.totals, `${name} ${r.status}`);
      else {
        (o.lowLatency ? o.totals.partMs : o.totals.segmentMs).push(r.ms);
        o.totals.bytes += r.body.length;
      }
      due += duration(k++);
    }
  } finally {
    agent.destroy();
  }
}

/** Source of the static file server child: node:http + fs.createReadStream, nothing else. */
export const STATIC_SERVER = `
import { createServer } from 'node:http';
import { createReadStream, statSync } from 'node:fs';
import { join, normalize } from 'node:path';
const root = process.argv[1];
const server = createServer((req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\\.\\.[/\\\\])+/, '');
  const file = join(root, path);
  let size;
  try { size = statSync(file).size; } catch { res.writeHead(404).end(); return; }
  res.writeHead(200, { 'content-type': file.endsWith('.m3u8') ? 'application/vnd.apple.mpegurl' : 'video/iso.segment', 'content-length': size, 'cache-control': 'public, max-age=3600' });
  createReadStream(file).pipe(res);
});
server.keepAliveTimeout = 30000;
server.listen(Number(process.argv[2]), '127.0.0.1', () => console.log('ready'));
`;
