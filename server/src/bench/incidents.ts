/**
 * `npm run bench:incidents -- [--requests 2000] [--clients 20] [--rows 1000000] [--database-url postgres://…]`
 *
 * A real Pantau process (started like `npm start`, demo data) on PGlite or, with --database-url, on
 * a fresh database of that PostgreSQL server. (1) Creation: `clients` concurrent HTTP clients POST
 * /api/incidents until `requests` are made: throughput and latency percentiles. (2) Board: `rows`
 * incidents (2 % active, spread over two years) are bulk-inserted with SQL, then the board query
 * (GET /api/incidents, active, newest 200, with total) and its filtered variants are timed through
 * HTTP. Ends with one `incidents key=value …` line.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { openDatabase, pgliteDirFor } from '../platform/db/database.ts';
import { freePort, percentile, sleep } from './proc.ts';
import { PantauClient } from './pantau-client.ts';
import { freshBenchDatabase } from './database.ts';

const { values: args } = parseArgs({
  options: {
    requests: { type: 'string', default: '2000' },
    clients: { type: 'string', default: '20' },
    rows: { type: 'string', default: '1000000' },
    samples: { type: 'string', default: '30' },
    'database-url': { type: 'string' },
  },
});
const REQUESTS = Number(args.requests);
const CLIENTS = Number(args.clients);
const ROWS = Number(args.rows);
const SAMPLES = Number(args.samples);
const root = new URL('../../..', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'pantau-bench-incidents-'));
const dataDir = join(work, 'pantau');
const children: ChildProcess[] = [];
process.on('exit', () => {
  for (const c of children) c.kill('SIGKILL');
  rmSync(work, { recursive: true, force: true });
});
process.on('SIGINT', () => process.exit(130));
const log = (m: string) => console.log(`[bench] ${m}`);
const CATEGORIES = ['kebakaran', 'banjir', 'kecelakaan_lalu_lintas', 'kemacetan', 'pohon_tumbang', 'lampu_jalan_mati', 'jalan_rusak', 'sampah'];

async function startPantau(databaseUrl: string | undefined): Promise<{ proc: ChildProcess; client: PantauClient }> {
  const port = await freePort();
  const proc = spawn(process.execPath, ['--initial-heap-size=256', '--import', 'tsx', join(root, 'server/src/main.ts')], {
    cwd: root,
    env: { PATH: process.env.PATH, PANTAU_DATA_DIR: dataDir, PANTAU_PORT: String(port), PANTAU_SIMULATOR: 'off', PANTAU_RECORDING: 'false', PANTAU_LOG_LEVEL: 'warn', PANTAU_WEB_DIST: join(work, 'no-web'), ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.push(proc);
  const client = new PantauClient(`http://127.0.0.1:${port}`);
  const t0 = Date.now();
  while (!(await fetch(`${client.base}/readyz`).then((r) => r.ok, () => false))) {
    if (Date.now() - t0 > 120_000) throw new Error('Pantau did not start');
    await sleep(300);
  }
  const admin = readFileSync(join(dataDir, 'demo-credentials.txt'), 'utf8').split('\n').find((l) => l.startsWith('admin\t'))!.split('\t')[2]!;
  await client.login('admin', admin);
  return { proc, client };
}

async function stop(proc: ChildProcess): Promise<void> {
  const exited = new Promise((r) => proc.once('exit', r));
  proc.kill('SIGTERM');
  await exited;
}

/** N requests by C concurrent clients (after a warm-up of C requests); latency of each in ms. */
async function creation(client: PantauClient, total = REQUESTS, warm = true): Promise<{ latencies: number[]; seconds: number }> {
  if (warm) await creation(client, CLIENTS, false);
  const latencies: number[] = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (next < total) {
        const i = next++;
        const body = { channel: 'call_112', category: CATEGORIES[i % CATEGORIES.length], lat: -2.21 + ((i * 37) % 100) / 2000, lng: 113.91 + ((i * 53) % 100) / 2000, address: `Titik uji ${i}`, description: `Laporan uji beban nomor ${i}`, reporter: { name: 'Penelepon', phone: '0812 0000 0000', email: null, anonymous: false } };
        const s = performance.now();
        await client.request('POST', '/api/incidents', body);
        latencies.push(performance.now() - s);
      }
    }),
  );
  return { latencies, seconds: (performance.now() - t0) / 1000 };
}

/** Bulk rows in chunks (one transaction each), then statistics for the planner. */
async function bulkInsert(databaseUrl: string | undefined): Promise<number> {
  const h = await openDatabase(databaseUrl ? { url: databaseUrl } : { url: null, pgliteDir: pgliteDirFor(dataDir) });
  const t0 = performance.now();
  const tenant = (await h.db.selectFrom('tenants').select('id').executeTakeFirstOrThrow()).id;
  const chunk = 100_000;
  for (let from = 1; from <= ROWS; from += chunk) {
    const to = Math.min(ROWS, from + chunk - 1);
    await sql`
      insert into incidents (tenant_id, ticket, channel, category_code, priority, status, lat, lng, region_code, address, description,
        reporter_anonymous, created_at, updated_at, first_response_at, resolved_at, closed_at, response_due_at, resolve_due_at)
      select ${tenant}, 'BENCH-' || g, 'call_112',
        (array['kebakaran','banjir','kecelakaan_lalu_lintas','kemacetan','pohon_tumbang','lampu_jalan_mati','jalan_rusak','sampah'])[1 + (g / 3) % 8],
        (array['critical','high','medium','low'])[1 + (g / 7) % 4],
        case when g % 50 = 0 then (array['received','verified','dispatched','in_progress','on_hold'])[1 + (g / 50) % 5] else 'closed' end,
        -2.21 + (g % 1000) / 20000.0, 113.91 + (g % 997) / 20000.0,
        (array['62.71.01','62.71.02','62.71.03','62.71.04','62.71.05','62.02','62.03'])[1 + g % 7],
        'Alamat uji ' || g, 'Uraian uji ' || g, true,
        t, t, t + interval '20 minutes', case when g % 50 = 0 then null else t + interval '2 days' end, case when g % 50 = 0 then null else t + interval '3 days' end,
        t + interval '6 hours', t + interval '7 days'
      from (select g, now() - (g * interval '63 seconds') as t from generate_series(${from}::int, ${to}::int) g) s
    `.execute(h.db);
    log(`  ${to.toLocaleString('en')} rows`);
  }
  // a live system has autovacuum; right after a bulk load the visibility map is empty and counts hit the heap
  await sql`vacuum analyze incidents`.execute(h.db);
  const seconds = (performance.now() - t0) / 1000;
  await h.close();
  return seconds;
}

async function timeQuery(client: PantauClient, path: string): Promise<{ p50: number; p95: number; total: number }> {
  const ms: number[] = [];
  let total = 0;
  await client.request('GET', path); // warm
  for (let i = 0; i < SAMPLES; i++) {
    const s = performance.now();
    total = (await client.request<{ total?: number }>('GET', path)).total ?? 0;
    ms.push(performance.now() - s);
  }
  return { p50: percentile(ms, 50), p95: percentile(ms, 95), total };
}

let dropDatabase = async () => {};

const main = async () => {
  let databaseUrl: string | undefined;
  if (args['database-url']) {
    const fresh = await freshBenchDatabase(args['database-url'], 'pantau_bench_inc');
    databaseUrl = fresh.url;
    dropDatabase = fresh.drop;
  }
  const kind = databaseUrl ? 'postgres' : 'pglite';
  let { proc, client } = await startPantau(databaseUrl);
  log(`Pantau on ${kind}: ${REQUESTS} incidents by ${CLIENTS} concurrent clients`);
  const c = await creation(client);
  const rate = REQUESTS / c.seconds;
  log(`creation: ${rate.toFixed(0)} incidents/s, p50 ${percentile(c.latencies, 50).toFixed(1)} ms, p99 ${percentile(c.latencies, 99).toFixed(1)} ms`);

  // PGlite is one process's database: stop Pantau while the bulk rows go in
  if (!databaseUrl) await stop(proc);
  log(`bulk insert of ${ROWS.toLocaleString('en')} incidents`);
  const bulk = await bulkInsert(databaseUrl);
  if (!databaseUrl) ({ proc, client } = await startPantau(databaseUrl));
  const board = await timeQuery(client, '/api/incidents?status=active&limit=200');
  const filtered = await timeQuery(client, '/api/incidents?status=active&category=banjir&priority=high&limit=200');
  const search = await timeQuery(client, '/api/incidents?status=active&q=uji%2012&limit=200');
  const history = await timeQuery(client, '/api/incidents?status=all&limit=200');
  log(`board (active, ${board.total} of ${ROWS + REQUESTS + CLIENTS}): p50 ${board.p50.toFixed(1)} ms, p95 ${board.p95.toFixed(1)} ms`);
  log(`board filtered: p50 ${filtered.p50.toFixed(1)} ms; search: p50 ${search.p50.toFixed(1)} ms; all statuses newest 200: p50 ${history.p50.toFixed(1)} ms`);
  console.log(
    `\nincidents database=${kind} clients=${CLIENTS} requests=${REQUESTS} create_per_s=${rate.toFixed(0)} create_ms_p50=${percentile(c.latencies, 50).toFixed(1)} create_ms_p99=${percentile(c.latencies, 99).toFixed(1)} rows=${ROWS} bulk_s=${bulk.toFixed(0)} board_active=${board.total} board_ms_p50=${board.p50.toFixed(1)} board_ms_p95=${board.p95.toFixed(1)} filtered_ms_p50=${filtered.p50.toFixed(1)} search_ms_p50=${search.p50.toFixed(1)} all_ms_p50=${history.p50.toFixed(1)}`,
  );
  await stop(proc);
};

main()
  .finally(() => dropDatabase())
  .then(
    () => undefined,
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
