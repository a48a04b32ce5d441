/**
 * `npm run bench:ingest -- --cameras 200 --seconds 60`
 *
 * N simulated 1080p25 ~4 Mbit/s cameras (the simulator runs in this process, beside Pantau) are
 * ingested by a real Pantau process (api + media + worker, PGlite) for T seconds, then by one
 * `ffmpeg -rtsp_transport tcp -i … -c copy -f segment` per camera, in the same run. Prints CPU and
 * memory per stream for both, frames sent vs received, live time-to-first-frame, and ends with one
 * `ingest key=value …` line.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ensureBenchFixture, startSimulator, DEFAULT_FIXTURES } from '../media/simulator/index.ts';
import { cpuSeconds, freePort, mb, memory, percentile, postgresCpuSeconds, sleep } from './proc.ts';
import { PantauClient } from './pantau-client.ts';
import { freshBenchDatabase } from './database.ts';

const { values: args } = parseArgs({
  options: {
    cameras: { type: 'string', default: '200' },
    seconds: { type: 'string', default: '60' },
    'ffmpeg-cameras': { type: 'string' },
    'ttff-samples': { type: 'string', default: '40' },
    'skip-ffmpeg': { type: 'boolean', default: false },
    // a PostgreSQL server to use instead of the embedded PGlite: a fresh database is created and dropped
    'database-url': { type: 'string' },
    // V8 flags of the Pantau process (default: those of `npm start`, scripts/start.mjs)
    'node-flags': { type: 'string', default: '--initial-heap-size=256' },
  },
});
const N = Number(args.cameras);
const T = Number(args.seconds);
const NF = Number(args['ffmpeg-cameras'] ?? N);
const root = new URL('../../..', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'pantau-bench-ingest-'));
const children: ChildProcess[] = [];
const cleanup = () => {
  for (const c of children) c.kill('SIGKILL');
  rmSync(work, { recursive: true, force: true });
};
process.on('exit', cleanup);
process.on('SIGINT', () => process.exit(130));

function log(msg: string): void {
  console.log(`[bench] ${msg}`);
}

async function waitFor(what: string, fn: () => Promise<boolean>, ms: number): Promise<void> {
  const t0 = Date.now();
  while (!(await fn().catch(() => false))) {
    if (Date.now() - t0 > ms) throw new Error(`timed out waiting for ${what}`);
    await sleep(500);
  }
}

const main = async () => {
  const fixture = await ensureBenchFixture(join(tmpdir(), 'pantau-bench-cache'));
  const names = Array.from({ length: N }, (_, i) => `bench-${String(i + 1).padStart(4, '0')}`);
  const sim = await startSimulator({ host: '127.0.0.1', port: 0, cameras: names, fixtures: { main: fixture, sub: DEFAULT_FIXTURES.sub } });
  log(`simulator: ${N} cameras of ${fixture} on port ${sim.port}`);
  const simFrames = () => Object.values(sim.stats().cameras).reduce((n, c) => n + c.main.framesSent, 0);

  // ---- Pantau -------------------------------------------------------------------------------
  let databaseUrl: string | undefined;
  let dropDatabase = async () => {};
  if (args['database-url']) {
    const fresh = await freshBenchDatabase(args['database-url'], 'pantau_bench');
    databaseUrl = fresh.url;
    dropDatabase = fresh.drop;
  }
  const port = await freePort();
  const dataDir = join(work, 'pantau');
  // the same V8 flags as `npm start` (scripts/start.mjs)
  const pantau = spawn(process.execPath, [...args['node-flags'].split(' ').filter(Boolean), '--import', 'tsx', join(root, 'server/src/main.ts')], {
    cwd: root,
    env: { PATH: process.env.PATH, PANTAU_DATA_DIR: dataDir, PANTAU_PORT: String(port), PANTAU_SIMULATOR: 'off', PANTAU_SEED_DEMO: 'true', PANTAU_LOG_LEVEL: 'warn', PANTAU_WEB_DIST: join(work, 'no-web'), ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.push(pantau);
  const client = new PantauClient(`http://127.0.0.1:${port}`);
  await waitFor('Pantau to start', async () => (await fetch(`${client.base}/readyz`)).ok, 60_000);
  const admin = readFileSync(join(dataDir, 'demo-credentials.txt'), 'utf8').split('\n').find((l) => l.startsWith('admin\t'))!.split('\t')[2]!;
  await client.login('admin', admin);
  // the demo cameras are not part of the measurement
  const demo = await client.request<{ items: { id: string }[] }>('GET', '/api/cameras?limit=1000');
  for (const c of demo.items) await client.request('PATCH', `/api/cameras/${c.id}`, { enabled: false });
  await waitFor('demo cameras detached', async () => (await client.metrics()).pantau_media_cameras === 0, 30_000);
  await sleep(2000);
  const base = memory(pantau.pid!);
  const csv = ['code,name,region_code,lat,lng,category,main_url,sub_url', ...names.map((n, i) => `${n},Bench ${i + 1},62.71,-2.2,113.9,lalu_lintas,${sim.url(n, 'main')},${sim.url(n, 'sub')}`)].join('\n');
  await client.request('POST', '/api/cameras/import', csv, 'text/csv');
  log(`Pantau (pid ${pantau.pid}): ${N} cameras imported; waiting for all to be online`);
  await waitFor(`${N} cameras online`, async () => (await client.metrics()).pantau_media_cameras_online === N, 120_000);
  await sleep(5000);

  const framesBefore = (await client.metrics()).pantau_media_frames_received_total ?? 0;
  const simBefore = simFrames();
  const cpu0 = cpuSeconds(pantau.pid!);
  const pg0 = databaseUrl ? postgresCpuSeconds() : 0;
  const t0 = performance.now();
  const samples: number[] = [];
  const rssTrace: number[] = [];
  while (performance.now() - t0 < T * 1000) {
    await sleep(Math.min(5000, T * 1000 - (performance.now() - t0)));
    rssTrace.push(memory(pantau.pid!).rss);
    samples.push(cpuSeconds(pantau.pid!));
  }
  const wall = (performance.now() - t0) / 1000;
  const pantauCpu = ((cpuSeconds(pantau.pid!) - cpu0) / wall) * 100;
  // the index lives in the database: with a server, its CPU is part of Pantau's cost
  const pgCpu = databaseUrl ? ((postgresCpuSeconds() - pg0) / wall) * 100 : 0;
  const mem = memory(pantau.pid!);
  const framesAfter = (await client.metrics()).pantau_media_frames_received_total ?? 0;
  const simAfter = simFrames();

  // time to first frame for a new live viewer: WebSocket subscribe → first keyframe fragment
  const live = await client.liveSocket();
  const ttff: number[] = [];
  const cameras = (await client.request<{ items: { id: string }[] }>('GET', '/api/cameras?limit=1000&status=online')).items;
  for (let i = 0; i < Number(args['ttff-samples']); i++) ttff.push(await live.ttff(cameras[Math.floor(Math.random() * cameras.length)]!.id, 'main'));
  live.close();

  // frames lost: stop sending, let the last frames land, compare totals
  const sentTotal = simFrames();
  await sim.stop();
  await sleep(1500);
  const receivedTotal = (await client.metrics()).pantau_media_frames_received_total ?? 0;
  pantau.kill('SIGTERM');
  await sleep(2000);
  await dropDatabase();
  const received = framesAfter - framesBefore;
  const sent = simAfter - simBefore;
  const lost = Math.max(0, sentTotal - receivedTotal);

  const pantauPerStream = { cpu: (pantauCpu + pgCpu) / N, rss: (mem.rss - base.rss) / N, pss: (mem.pss - base.pss) / N };
  log(`database: ${databaseUrl ? `PostgreSQL server (its CPU during the window: ${pgCpu.toFixed(1)}% of a core, counted in Pantau's per-stream CPU)` : 'embedded PGlite (in the Pantau process)'}`);
  log(`Pantau: ${pantauCpu.toFixed(1)}% of a core for ${N} streams = ${pantauPerStream.cpu.toFixed(3)}% per stream; RSS ${mb(mem.rss)} MB (${mb(base.rss)} MB before cameras) = ${mb(pantauPerStream.rss)} MB per stream; frames in window sent ${sent} received ${received}; lost overall ${lost}`);
  log(`Pantau RSS trace (every 5 s, MB): ${rssTrace.map(mb).join(' ')}`);
  log(`live time to first keyframe over ${ttff.length} subscriptions: p50 ${percentile(ttff, 50).toFixed(1)} ms, p95 ${percentile(ttff, 95).toFixed(1)} ms`);

  // ---- ffmpeg, one process per camera --------------------------------------------------------
  let ff = { cpu: NaN, rss: NaN, pss: NaN };
  if (!args['skip-ffmpeg']) {
    const sim2 = await startSimulator({ host: '127.0.0.1', port: 0, cameras: names.slice(0, NF), fixtures: { main: fixture, sub: DEFAULT_FIXTURES.sub } });
    const out = join(work, 'ffmpeg');
    const procs = names.slice(0, NF).map((n) => {
      const p = spawn('ffmpeg', ['-nostdin', '-loglevel', 'error', '-rtsp_transport', 'tcp', '-i', sim2.url(n, 'main'), '-c', 'copy', '-f', 'segment', '-segment_time', '60', '-reset_timestamps', '1', join(work, `${n}-%03d.mp4`)], { stdio: 'ignore' });
      children.push(p);
      return p;
    });
    void out;
    await sleep(8000);
    const c0 = procs.map((p) => cpuSeconds(p.pid!));
    const f0 = performance.now();
    await sleep(T * 1000);
    const fwall = (performance.now() - f0) / 1000;
    const cpu = procs.reduce((s, p, i) => s + (cpuSeconds(p.pid!) - c0[i]!), 0);
    const mems = procs.map((p) => memory(p.pid!));
    ff = { cpu: ((cpu / fwall) * 100) / NF, rss: mems.reduce((s, m) => s + m.rss, 0) / NF, pss: mems.reduce((s, m) => s + m.pss, 0) / NF };
    for (const p of procs) p.kill('SIGINT');
    await sim2.stop();
    log(`ffmpeg: ${NF} processes, ${ff.cpu.toFixed(3)}% of a core per stream; RSS ${mb(ff.rss)} MB, PSS ${mb(ff.pss)} MB per stream`);
  }

  const cpuRatio = pantauPerStream.cpu / ff.cpu;
  const rssRatio = pantauPerStream.rss / ff.rss;
  const pssRatio = pantauPerStream.pss / ff.pss;
  console.log(`\n| | Pantau (${N} streams, 1 process) | ffmpeg (${NF} processes) | ratio |`);
  console.log('|---|---|---|---|');
  console.log(`| CPU per stream (% of a core) | ${pantauPerStream.cpu.toFixed(3)} | ${ff.cpu.toFixed(3)} | ${cpuRatio.toFixed(2)} |`);
  console.log(`| RSS per stream (MB) | ${mb(pantauPerStream.rss)} | ${mb(ff.rss)} | ${rssRatio.toFixed(3)} |`);
  console.log(`| PSS per stream (MB) | ${mb(pantauPerStream.pss)} | ${mb(ff.pss)} | ${pssRatio.toFixed(3)} |`);
  console.log(`\ningest cameras=${N} database=${databaseUrl ? 'postgres' : 'pglite'} seconds=${T} frames_sent=${sent} frames_received=${received} lost_frames=${lost} cpu_pct_per_stream=${pantauPerStream.cpu.toFixed(3)} rss_mb_per_stream=${mb(pantauPerStream.rss)} cpu_ratio_vs_ffmpeg=${cpuRatio.toFixed(2)} rss_ratio_vs_ffmpeg=${rssRatio.toFixed(3)} pss_ratio_vs_ffmpeg=${pssRatio.toFixed(3)} ttff_ms_p50=${percentile(ttff, 50).toFixed(0)} ttff_ms_p95=${percentile(ttff, 95).toFixed(0)}`);
};

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
