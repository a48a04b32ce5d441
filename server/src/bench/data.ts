/**
 * `npm run bench:data -- [--rows 1000000] [--datasets 10000] [--requests 300] [--database-url postgres://…]`
 *
 * Data bank at scale, in one process through the real HTTP routes (fastify inject): a datastore
 * resource of `rows` rows (5 typed columns, loaded with the same batched inserts and indexes as an
 * upload), queried by CKAN's `datastore_search` with a filter, a sort and a random page; and the
 * catalog (`package_search` with q and facets, and the console's JSON catalog) over `datasets`
 * published datasets. Runs on PGlite unless a server URL is given (a fresh schema, dropped after).
 * Ends with one `data key=value …` line.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { buildApp } from '../app.ts';
import { systemClock } from '../platform/clock.ts';
import { SecretBox } from '../platform/crypto/secret-box.ts';
import { sql } from 'kysely';
import { migrateToLatest, openDatabase } from '../platform/db/database.ts';
import { TenancyRepository } from '../modules/tenancy/index.ts';
import { DatastoreRepository, tableFor } from '../modules/opendata/index.ts';
import { ORGANIZATIONS } from '../seed/kalteng.ts';
import { seedRegions } from '../seed/demo.ts';
import { percentile } from './proc.ts';

const { values: args } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    datasets: { type: 'string', default: '10000' },
    requests: { type: 'string', default: '300' },
    'database-url': { type: 'string' },
  },
});
const ROWS = Number(args.rows);
const DATASETS = Number(args.datasets);
const REQUESTS = Number(args.requests);
const url = args['database-url'] ?? null;
const log = (m: string) => console.log(`[bench] ${m}`);

const REGIONS = ['62.01', '62.02', '62.03', '62.04', '62.05', '62.06', '62.07', '62.08', '62.09', '62.10', '62.11', '62.12', '62.13', '62.71'];
const CATEGORIES = ['beras', 'jagung', 'kedelai', 'cabai', 'bawang merah', 'gula pasir', 'minyak goreng', 'daging sapi', 'telur ayam', 'ikan patin', 'karet', 'sawit', 'rotan', 'gaharu', 'madu hutan', 'semen', 'pasir', 'kayu', 'solar', 'pertalite'];
const WORDS = ['penduduk', 'kemiskinan', 'jalan', 'jembatan', 'sekolah', 'puskesmas', 'curah', 'hujan', 'kebakaran', 'hutan', 'lahan', 'banjir', 'harga', 'pangan', 'sawit', 'karet', 'anggaran', 'pendapatan', 'pariwisata', 'air', 'bersih', 'listrik', 'desa', 'stunting', 'imunisasi', 'gizi', 'pasar', 'kendaraan', 'pajak', 'umkm'];
const pick = <T>(a: T[], i: number) => a[i % a.length]!;

async function timed(n: number, call: (i: number) => Promise<void>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await call(i);
    out.push(performance.now() - t0);
  }
  return out;
}

const main = async () => {
  const schema = url ? `bench_${randomBytes(4).toString('hex')}` : undefined;
  const h = await openDatabase({ url, pgliteDir: 'memory://', schema });
  const dropSchema = async () => {
    if (!url || !schema) return;
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query(`drop schema if exists ${schema} cascade`);
    await c.end();
  };
  try {
    await migrateToLatest(h.db);
    const { app, services } = await buildApp({ db: h.db, clock: systemClock, secrets: new SecretBox(randomBytes(32)), options: { sessionHours: 1, secureCookies: false, loginMaxFailures: 5, loginLockMinutes: 15, webDist: null, mapTileUrl: null, mapAttribution: null } });
    await seedRegions(h.db);
    const tenancy = new TenancyRepository();
    const tenant = await tenancy.insertTenant(h.db, { slug: 'bench', name: 'Bench', regionCode: '62' });
    const orgs: { id: string; code: string }[] = [];
    for (const o of ORGANIZATIONS) orgs.push(await tenancy.insertOrganization(h.db, tenant.id, o));
    const repo = services.opendata.repo;

    // 1. a resource of ROWS rows, loaded as an upload loads it
    const datasetId = await repo.insertDataset(h.db, { tenant_id: tenant.id, name: 'harga-komoditas', title: 'Harga komoditas harian', description: '', organization_id: orgs[0]!.id, konsep: '', definisi: '', klasifikasi: '', ukuran: '', satuan: 'rupiah', frekuensi: 'harian', periode: '2020–2025', region_code: '62', sumber: '', license_id: 'cc-by', tags: [], groups: [], created_by: null });
    await repo.updateDataset(h.db, tenant.id, datasetId, { state: 'published' });
    const fields = [{ id: 'kode_wilayah', type: 'text' as const }, { id: 'tanggal', type: 'date' as const }, { id: 'komoditas', type: 'text' as const }, { id: 'harga', type: 'numeric' as const }, { id: 'volume', type: 'int' as const }];
    const resourceId = randomUUID();
    const day0 = Date.UTC(2020, 0, 1);
    const rows: (string | null)[][] = [];
    for (let i = 0; i < ROWS; i++) {
      const r = (i * 2654435761) >>> 0;
      rows.push([pick(REGIONS, r >>> 3), new Date(day0 + (r % 2190) * 86_400_000).toISOString().slice(0, 10), pick(CATEGORIES, r >>> 7), ((r % 500_000) / 10 + 1000).toFixed(1), String(r % 10_000)]);
    }
    let t0 = performance.now();
    await h.db.transaction().execute(async (tx) => {
      await new DatastoreRepository().create(tx, tableFor(resourceId), fields, rows);
      await repo.insertResource(tx, { id: resourceId, tenantId: tenant.id, datasetId, name: 'Harga', description: '', format: 'CSV', url: null, table: tableFor(resourceId), fields, rowCount: ROWS });
    });
    await new DatastoreRepository().vacuum(h.db, tableFor(resourceId));
    const loadSeconds = (performance.now() - t0) / 1000;
    rows.length = 0;
    log(`datastore: ${ROWS} rows loaded and indexed in ${loadSeconds.toFixed(1)} s`);

    const search = async (i: number, q: Record<string, unknown>) => {
      const res = await app.inject({ method: 'POST', url: '/api/3/action/datastore_search', payload: { resource_id: resourceId, ...q } });
      if (res.statusCode !== 200) throw new Error(`datastore_search ${res.statusCode}: ${res.body.slice(0, 300)}`);
      if (i === 0) log(`  sample: total=${res.json().result.total} records=${res.json().result.records.length}`);
    };
    await timed(10, (i) => search(i + 1, { filters: { kode_wilayah: pick(REGIONS, i) }, sort: 'harga desc', limit: 100 })); // warm-up
    // pages 1–10 of 100 rows, as a person or a client browses; deep pages measured apart
    const filterSort = await timed(REQUESTS, (i) => search(i, { filters: { kode_wilayah: pick(REGIONS, i * 7) }, sort: 'harga desc', limit: 100, offset: ((i * 7) % 10) * 100 }));
    const deepPages = await timed(Math.ceil(REQUESTS / 3), (i) => search(i, { filters: { kode_wilayah: pick(REGIONS, i * 3) }, sort: 'harga asc', limit: 100, offset: 1000 + ((i * 97) % 40) * 100 }));
    const twoFilters = await timed(REQUESTS, (i) => search(i, { filters: { kode_wilayah: pick(REGIONS, i * 5), komoditas: pick(CATEGORIES, i * 3) }, sort: 'tanggal desc', limit: 100, offset: (i % 10) * 100 }));
    const fullText = await timed(Math.ceil(REQUESTS / 3), (i) => search(i, { q: pick(CATEGORIES, i), sort: 'volume asc', limit: 100 }));
    log(`datastore_search filter+sort+page: p50 ${percentile(filterSort, 50).toFixed(1)} ms, p95 ${percentile(filterSort, 95).toFixed(1)} ms`);
    log(`datastore_search filter+sort, pages 11–50: p50 ${percentile(deepPages, 50).toFixed(1)} ms, p95 ${percentile(deepPages, 95).toFixed(1)} ms`);
    log(`datastore_search two filters+sort+page: p50 ${percentile(twoFilters, 50).toFixed(1)} ms, p95 ${percentile(twoFilters, 95).toFixed(1)} ms`);
    log(`datastore_search full text+sort: p50 ${percentile(fullText, 50).toFixed(1)} ms, p95 ${percentile(fullText, 95).toFixed(1)} ms`);

    // 2. a catalog of DATASETS published datasets
    t0 = performance.now();
    for (let i = 0; i < DATASETS; i += 500) {
      await h.db.transaction().execute(async (tx) => {
        for (let j = i; j < Math.min(DATASETS, i + 500); j++) {
          const words = [pick(WORDS, j), pick(WORDS, j * 7 + 3), pick(WORDS, j * 13 + 5)];
          const id = await repo.insertDataset(tx, { tenant_id: tenant.id, name: `dataset-${j}`, title: `Data ${words.join(' ')} ${2015 + (j % 10)}`, description: `Data ${words.join(', ')} di ${pick(REGIONS, j)}`, organization_id: pick(orgs, j).id, konsep: '', definisi: '', klasifikasi: '', ukuran: '', satuan: '', frekuensi: 'tahunan', periode: String(2015 + (j % 10)), region_code: pick(REGIONS, j), sumber: '', license_id: 'cc-by', tags: [words[0]!, words[1]!], groups: [], created_by: null });
          await repo.updateDataset(tx, tenant.id, id, { state: 'published', formats: [j % 3 === 0 ? 'XLSX' : 'CSV'] });
        }
      });
    }
    await sql`analyze od_datasets`.execute(h.db);
    log(`catalog: ${DATASETS} datasets in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const facetField = encodeURIComponent('["organization","tags","res_format","region"]');
    const packageSearch = await timed(REQUESTS, async (i) => {
      const res = await app.inject({ method: 'GET', url: `/api/3/action/package_search?q=${pick(WORDS, i * 11)}&fq=${encodeURIComponent(`organization:${pick(ORGANIZATIONS, i).code}`)}&facet.field=${facetField}&rows=20&start=${(i % 5) * 20}` });
      if (res.statusCode !== 200) throw new Error(`package_search ${res.statusCode}: ${res.body.slice(0, 300)}`);
    });
    const consoleCatalog = await timed(REQUESTS, async (i) => {
      const res = await app.inject({ method: 'GET', url: `/api/public/opendata/datasets?q=${pick(WORDS, i * 3)}%20${pick(WORDS, i * 17 + 1)}&limit=20` });
      if (res.statusCode !== 200) throw new Error(`catalog ${res.statusCode}: ${res.body.slice(0, 300)}`);
    });
    log(`package_search q+fq+4 facets: p50 ${percentile(packageSearch, 50).toFixed(1)} ms, p95 ${percentile(packageSearch, 95).toFixed(1)} ms`);
    log(`public catalog q+5 facets: p50 ${percentile(consoleCatalog, 50).toFixed(1)} ms, p95 ${percentile(consoleCatalog, 95).toFixed(1)} ms`);
    await app.close();
    console.log(
      `\ndata database=${url ? 'postgres' : 'pglite'} rows=${ROWS} load_s=${loadSeconds.toFixed(1)} datastore_p50_ms=${percentile(filterSort, 50).toFixed(1)} datastore_p95_ms=${percentile(filterSort, 95).toFixed(1)} datastore_deep_pages_p95_ms=${percentile(deepPages, 95).toFixed(1)} datastore_2filters_p95_ms=${percentile(twoFilters, 95).toFixed(1)} datastore_fulltext_p95_ms=${percentile(fullText, 95).toFixed(1)} datasets=${DATASETS} package_search_p50_ms=${percentile(packageSearch, 50).toFixed(1)} package_search_p95_ms=${percentile(packageSearch, 95).toFixed(1)} catalog_p95_ms=${percentile(consoleCatalog, 95).toFixed(1)}`,
    );
  } finally {
    await h.close();
    await dropSchema();
  }
};

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
