import type { PpidReport } from '@pantau/shared';
import { PPID_REQUEST_STATUSES } from '@pantau/shared';
import type { WorkingCalendar } from './calendar.ts';
import type { ObjectionRow, RequestRow } from './requests.repository.ts';

const ANSWERED = new Set(['granted', 'partially_granted', 'refused', 'not_held']);

function countBy<T>(items: T[], key: (t: T) => string, seed: readonly string[] = []): Record<string, number> {
  const out: Record<string, number> = Object.fromEntries(seed.map((k) => [k, 0]));
  for (const i of items) out[key(i)] = (out[key(i)] ?? 0) + 1;
  return out;
}

/**
 * The annual report of Perki 1/2021 Pasal 56 from the year's requests and objections. Pure.
 * Time taken is working days from receipt to the answer; the average is over answered requests,
 * rounded to one decimal.
 */
export function buildReport(year: number, cal: WorkingCalendar, requests: RequestRow[], objections: ObjectionRow[]): PpidReport {
  const perRequest = requests.map((r) => {
    const answered = ANSWERED.has(r.status) && r.responded_on;
    return {
      registrationNumber: r.registration_number,
      receivedOn: r.received_on,
      respondedOn: answered ? r.responded_on : null,
      workingDays: answered ? cal.workingDaysBetween(r.received_on, r.responded_on!) : null,
      status: r.status as PpidReport['perRequest'][number]['status'],
    };
  });
  const answered = perRequest.filter((p) => p.workingDays !== null);
  const total = answered.reduce((s, p) => s + p.workingDays!, 0);
  const disputes = objections.filter((o) => o.dispute_number);
  return {
    year,
    requests: requests.length,
    byStatus: countBy(requests, (r) => r.status, PPID_REQUEST_STATUSES),
    refusedByGround: countBy(requests.filter((r) => r.status === 'refused' || r.status === 'partially_granted'), (r) => r.exemption_ground ?? '-'),
    answered: answered.length,
    averageWorkingDays: answered.length ? Math.round((total / answered.length) * 10) / 10 : null,
    answeredLate: requests.filter((r) => ANSWERED.has(r.status) && r.responded_on && r.responded_on > r.due_on).length,
    extended: requests.filter((r) => r.extended).length,
    perRequest,
    objections: objections.length,
    objectionsByGround: countBy(objections, (o) => o.ground),
    objectionsByDecision: countBy(objections, (o) => o.decision ?? 'pending'),
    disputes: disputes.length,
    disputesByOutcome: countBy(disputes, (o) => o.dispute_outcome ?? 'pending'),
  };
}

const csvCell = (v: unknown) => {
  const s = v === null || v === undefined ? '' : String(v);
  // a leading = + - @ would run as a formula in a spreadsheet
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
  return /[",\n;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** The report as CSV: a summary block (metric,key,value), then one row per request. */
export function reportCsv(r: PpidReport): string {
  const rows: unknown[][] = [['bagian', 'kunci', 'nilai'], ['ringkasan', 'tahun', r.year], ['ringkasan', 'jumlah_permohonan', r.requests], ['ringkasan', 'dijawab', r.answered], ['ringkasan', 'rata_rata_hari_kerja', r.averageWorkingDays ?? ''], ['ringkasan', 'dijawab_terlambat', r.answeredLate], ['ringkasan', 'diperpanjang', r.extended], ['ringkasan', 'keberatan', r.objections], ['ringkasan', 'sengketa', r.disputes]];
  const block = (name: string, rec: Record<string, number>) => Object.entries(rec).forEach(([k, v]) => rows.push([name, k, v]));
  block('status', r.byStatus);
  block('penolakan_pasal_17', r.refusedByGround);
  block('keberatan_alasan', r.objectionsByGround);
  block('keberatan_putusan', r.objectionsByDecision);
  block('sengketa_hasil', r.disputesByOutcome);
  rows.push([], ['nomor', 'diterima', 'dijawab', 'hari_kerja', 'status']);
  for (const p of r.perRequest) rows.push([p.registrationNumber, p.receivedOn, p.respondedOn ?? '', p.workingDays ?? '', p.status]);
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
