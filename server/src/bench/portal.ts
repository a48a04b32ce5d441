/**
 * `npm run bench:portal -- --viewers 200 --seconds 30`
 *
 * One simulated public camera, watched over live HLS by N concurrent viewers on loopback: most
 * behave as LL-HLS players (blocking playlist reload, then each new part), every fifth as a plain
 * HLS player (playlist each second, then each new segment). Pantau runs as a child process so its
 * CPU (utime+stime) and RSS are its own. Then the same request pattern runs against a plain static
 * file server (node:http + fs.createReadStream, also a child) serving the very bytes Pantau served.
 * Ends with one `portal key=value …` line.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { hlsPlaylistPath } from '@pantau/shared';
import { ensureBenchFixture, startSimulator } from '../media/simulator/index.ts';
import { cpuSeconds, freePort, memory, percentile, sleep } from './proc.ts';
import { PantauClient } from './pantau-client.ts';
import { emptyTotals, pantauViewer, STATIC_SERVER, staticViewer, type ViewerTotals } from './portal-viewers.ts';

const { values: args } = parseArgs({
  options: {
    viewers: { type: 'string', default: '200' },
    seconds: { type: 'string', default: '30' },
    // the camera: 720p25 at 1.5 Mbit/s, a typical stream for the public
    width: { type: 'string', default: '1280' },
    height: { type: 'string', default: '720' },
    kbps: { type: 'string', default: '1500' },
    'node-flags': { type: 'string', default: '--initial-heap-size=256' },
  },
});
const N = Number(args.viewers);
const T = Number(args.seconds);
const root = new URL('../../..', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'pantau-bench-portal-'));
const children: ChildProcess[] = [];
process.on('exit', () => {
  for (const c of children) c.kill('SIGKILL');
  rmSync(work, { recursive: true, force: true });
});
process.on('SIGINT', () => process.exit(130));

const log = (msg: string) => console.log(`[bench] ${msg}`);
const f = (n: number, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : 'NaN');

async function waitFor(what: string, fn: () => Promise<boolean>, ms: number): Promise<void> {
  const t0 = Date.now();
  while (!(await fn().catch(() => false))) {
    if (Date.now() - t0 > ms) throw new Error(`timed out waiting for ${what}`);
    await sleep(500);
  }
}

/**
 * CPU % of one core used by `pid` while `body` runs, the RSS at its end, and this process's own CPU
 * (the viewers' side: when it nears 100 %, latencies measure the load generator, not the server).
 */
async function measure(pid: number, body: () => Promise<unknown>): Promise<{ cpuPct: number; rss: number; wall: number; clientPct: number }> {
  const c0 = cpuSeconds(pid);
  const own0 = process.cpuUsage();
  const t0 = performance.now();
  await body();
  const wall = (performance.now() - t0) / 1000;
  const own = process.cpuUsage(own0);
  return { cpuPct: ((cpuSeconds(pid) - c0) / wall) * 100, rss: memory(pid).rss, wall, clientPct: ((own.user + own.system) / 1e6 / wall) * 100 };
}

function summary(label: string, t: ViewerTotals, wall: number): void {
  log(`${label}: parts ${t.partMs.length} (p50 ${f(percentile(t.partMs, 50))} p95 ${f(percentile(t.partMs, 95))} p99 ${f(percentile(t.partMs, 99))} ms), segments ${t.segmentMs.length} (p50 ${f(percentile(t.segmentMs, 50))} p95 ${f(percentile(t.segmentMs, 95))} p99 ${f(percentile(t.segmentMs, 99))} ms), playlists ${t.playlists}, ${f(t.bytes / 1e6)} MB served (${f((t.bytes * 8) / wall / 1e6)} Mbit/s), errors ${t.errors}${t.errorSample.length ? ` (${t.errorSample.join('; ')})` : ''}`);
}

const main = async () => {
  const w = Number(args.width);
  const h = Number(args.height);
  const fixture = await ensureBenchFixture(join(tmpdir(), 'pantau-bench-cache'), { width: w, height: h, kbps: Number(args.kbps) });
  const sim = await startSimulator({ host: '127.0.0.1', port: 0, cameras: ['portal-cam'], fixtures: { main: fixture } });
  log(`simulator: ${fixture} on port ${sim.port}`);

  // ---- Pantau (api + media + worker, PGlite), a child process ------------------------------
  const port = await freePort();
  const dataDir = join(work, 'pantau');
  const pantau = spawn(process.execPath, [...args['node-flags'].split(' ').filter(Boolean), '--import', 'tsx', join(root, 'server/src/main.ts')], {
    cwd: root,
    env: { PATH: process.env.PATH, PANTAU_DATA_DIR: dataDir, PANTAU_PORT: String(port), PANTAU_SIMULATOR: 'off', PANTAU_SEED_DEMO: 'true', PANTAU_LOG_LEVEL: 'warn', PANTAU_WEB_DIST: join(work, 'no-web') },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.push(pantau);
  const client = new PantauClient(`http://127.0.0.1:${port}`);
  await waitFor('Pantau to start', async () => (await fetch(`${client.base}/readyz`)).ok, 90_000);
  const admin = readFileSync(join(dataDir, 'demo-credentials.txt'), 'utf8').split('\n').find((l) => l.startsWith('admin\t'))!.split('\t')[2]!;
  await client.login('admin', admin);
  // one public camera on the simulator (no sub stream: the portal gets the main one); the other demo cameras off
  const demo = await client.request<{ items: { id: string }[] }>('GET', '/api/cameras?limit=1000');
  const cameraId = demo.items[0]!.id;
  for (const c of demo.items.slice(1)) await client.request('PATCH', `/api/cameras/${c.id}`, { enabled: false });
  await client.request('PATCH', `/api/cameras/${cameraId}`, { mainUrl: sim.url('portal-cam', 'main'), subUrl: null, visibility: 'public', enabled: true });
  await waitFor('the camera online', async () => (await client.metrics()).pantau_media_cameras_online === 1, 60_000);
  const playlist = hlsPlaylistPath(cameraId);
  await waitFor('the first HLS segment', async () => (await fetch(`${client.base}${playlist}`)).status === 200, 30_000);
  await sleep(3000);
  const idle = await measure(pantau.pid!, () => sleep(5000));
  log(`Pantau (pid ${pantau.pid}) with the camera and its packager, no viewers: ${f(idle.cpuPct)}% of a core, RSS ${f(idle.rss / 1e6)} MB`);

  // ---- N viewers against Pantau -----------------------------------------------------------
  const live = emptyTotals();
  const saveDir = join(work, 'static');
  let peakRss = 0;
  const run = await measure(pantau.pid!, async () => {
    const until = performance.now() + T * 1000;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, memory(pantau.pid!).rss)), 1000);
    await Promise.all(
      Array.from({ length: N }, async (_, i) => {
        await sleep((i / N) * 2000); // joins spread over 2 s
        await pantauViewer({ base: client.base, playlist, index: i, lowLatency: i % 5 !== 4, until, totals: live, saveDir: i === 0 || i === 4 ? saveDir : null });
      }),
    );
    clearInterval(sampler);
  });
  const cpuPerViewer = (run.cpuPct - idle.cpuPct) / N;
  const rssPerViewer = (Math.max(peakRss, run.rss) - idle.rss) / N;
  log(`Pantau with ${N} viewers: ${f(run.cpuPct)}% of a core (${f(cpuPerViewer, 3)}% per viewer above idle), RSS ${f(run.rss / 1e6)} MB, peak ${f(peakRss / 1e6)} MB (${f(rssPerViewer / 1024)} KB per viewer); the viewers (this process, with the simulator) used ${f(run.clientPct)}% of a core`);
  summary('Pantau', live, run.wall);
  pantau.kill('SIGTERM');
  await sim.stop();
  await sleep(1500);

  // ---- the same pattern against a static file server ---------------------------------------
  const sport = await freePort();
  const stat = spawn(process.execPath, ['--input-type=module', '-e', STATIC_SERVER, saveDir, String(sport)], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(stat);
  await new Promise<void>((resolve) => stat.stdout!.once('data', () => resolve()));
  const sbase = `http://127.0.0.1:${sport}`;
  const list = (d: string) => readdirSync(join(saveDir, d)).sort().map((n) => `${d}/${n}`);
  const parts = list('parts');
  const segments = list('segments');
  log(`static server (pid ${stat.pid}): ${parts.length} parts and ${segments.length} segments Pantau served, saved to disk`);
  const sidle = await measure(stat.pid!, () => sleep(2000));
  const statics = emptyTotals();
  const srun = await measure(stat.pid!, async () => {
    const grid0 = performance.now();
    const until = grid0 + T * 1000;
    await Promise.all(
      Array.from({ length: N }, async (_, i) => {
        await sleep((i / N) * 2000);
        const ll = i % 5 !== 4;
        await staticViewer({ base: sbase, index: i, files: ll ? parts : segments, grid0, until, lowLatency: ll, totals: statics });
      }),
    );
  });
  const scpuPerViewer = Math.max(1e-6, (srun.cpuPct - sidle.cpuPct) / N);
  log(`static server with ${N} viewers: ${f(srun.cpuPct)}% of a core (${f(scpuPerViewer, 3)}% per viewer), RSS ${f(srun.rss / 1e6)} MB; the viewers used ${f(srun.clientPct)}% of a core`);
  summary('static', statics, srun.wall);
  stat.kill('SIGTERM');

  const p95 = percentile(live.partMs, 95);
  const sp95 = percentile(statics.partMs, 95);
  console.log(
    `portal viewers=${N} seconds=${T} cpu_pct_per_viewer=${f(cpuPerViewer, 4)} rss_kb_per_viewer=${f(rssPerViewer / 1024)} part_ms_p50=${f(percentile(live.partMs, 50), 2)} part_ms_p95=${f(p95, 2)} part_ms_p99=${f(percentile(live.partMs, 99), 2)} segment_ms_p95=${f(percentile(live.segmentMs, 95), 2)} mbytes_served=${f(live.bytes / 1e6)} errors=${live.errors} static_cpu_pct_per_viewer=${f(scpuPerViewer, 4)} static_part_ms_p50=${f(percentile(statics.partMs, 50), 2)} static_part_ms_p95=${f(sp95, 2)} client_cpu_pct=${f(run.clientPct)} cpu_ratio_vs_static=${f(cpuPerViewer / scpuPerViewer, 2)} latency_ratio_vs_static=${f(p95 / sp95, 2)}`,
  );
};

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
