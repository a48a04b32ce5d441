/**
 * `npm run bench:ppid -- --requests 5000`
 *
 * Working-day arithmetic and the PPID officer queue at scale, on embedded PGlite: N open requests
 * received over the past months, then the queue's first page, the deadline-state filter (computed
 * in memory over the open requests, because the state depends on the calendar), and a request
 * detail. Prints milliseconds per call (median of runs) and ends with one `ppid key=value …` line.
 */
import { parseArgs } from 'node:util';
import { buildServices } from '../app.ts';
import { ManualClock } from '../platform/clock.ts';
import { SecretBox } from '../platform/crypto/secret-box.ts';
import { systemActor } from '../platform/authz/actor.ts';
import { migrateToLatest, openDatabase } from '../platform/db/database.ts';
import { TenancyRepository } from '../modules/tenancy/index.ts';
import { addCalendarDays, DECREE_OVERRIDES, WorkingCalendar } from '../modules/ppid/index.ts';
import { percentile } from './proc.ts';

const { values: args } = parseArgs({ options: { requests: { type: 'string', default: '5000' }, runs: { type: 'string', default: '15' } } });
const N = Number(args.requests);
const RUNS = Number(args.runs);

async function timed(fn: () => Promise<unknown> | unknown): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return percentile(times, 50);
}

const cal = new WorkingCalendar(DECREE_OVERRIDES);
const dates = Array.from({ length: 10_000 }, (_, i) => addCalendarDays('2025-01-01', i % 1000));
const t0 = performance.now();
for (const d of dates) cal.addWorkingDays(d, 30);
const calendarUs = ((performance.now() - t0) * 1000) / dates.length;

const h = await openDatabase({ url: null, pgliteDir: 'memory://' });
await migrateToLatest(h.db);
const clock = new ManualClock(new Date('2026-06-15T09:00:00+07:00'));
const services = buildServices({ db: h.db, clock, secrets: new SecretBox(Buffer.alloc(32, 1)), media: null, options: { sessionHours: 12, loginMaxFailures: 5, loginLockMinutes: 15 } });
const tenancy = new TenancyRepository();
const tenant = await tenancy.insertTenant(h.db, { slug: 'bench', name: 'Bench', regionCode: '62' });
const org = await tenancy.insertOrganization(h.db, tenant.id, { code: 'diskominfo', name: 'Diskominfo', kind: 'opd' });
const actor = { ...systemActor(tenant.id), organizationId: org.id };

const t1 = performance.now();
const rows = Array.from({ length: N }, (_, i) => {
  const receivedOn = cal.nextWorkingDayFrom(addCalendarDays('2026-01-05', i % 160));
  return {
    tenant_id: tenant.id, registration_number: `PPID-2026-${String(i + 1).padStart(6, '0')}`, tracking_hash: 'x', requester_kind: 'perorangan', name: `Pemohon ${i}`,
    id_number: '6271010101900001', address: 'Jl. Uji', phone: '0812', email: 'a@b.id', information: `Informasi nomor ${i}`, purpose: 'uji', delivery_method: 'email', copy_format: 'softcopy',
    submitted_at: new Date(`${receivedOn}T09:00:00+07:00`), received_on: receivedOn, due_on: cal.addWorkingDays(receivedOn, 10),
  };
});
for (let i = 0; i < rows.length; i += 500) await h.db.insertInto('ppid_requests').values(rows.slice(i, i + 500)).execute();
const seedMs = performance.now() - t1;
const firstId = (await h.db.selectFrom('ppid_requests').select('id').limit(1).executeTakeFirstOrThrow()).id;

const queueMs = await timed(() => services.ppid.requests.list(actor, { limit: 50, offset: 0 }));
const overdueMs = await timed(() => services.ppid.requests.list(actor, { state: 'overdue', limit: 50, offset: 0 }));
const detailMs = await timed(() => services.ppid.requests.get(actor, firstId));
const reportMs = await timed(() => services.ppid.reports.report(actor, 2026));
await h.close();

console.log(`calendar addWorkingDays(+30): ${calendarUs.toFixed(1)} µs`);
console.log(`seeded ${N} open requests in ${seedMs.toFixed(0)} ms`);
console.log(`queue first page: ${queueMs.toFixed(1)} ms; state=overdue: ${overdueMs.toFixed(1)} ms; detail: ${detailMs.toFixed(1)} ms; annual report: ${reportMs.toFixed(1)} ms`);
console.log(`ppid requests=${N} calendar_us=${calendarUs.toFixed(1)} queue_ms=${queueMs.toFixed(1)} overdue_ms=${overdueMs.toFixed(1)} detail_ms=${detailMs.toFixed(1)} report_ms=${reportMs.toFixed(1)}`);
