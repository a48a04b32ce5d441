import type { ServiceIndicator } from '@pantau/shared';
import type { PpidReport } from '@pantau/shared';
import type { Actor } from '../../platform/authz/actor.ts';
import type { Policy } from '../../platform/authz/policy.ts';
import { buildReport, reportCsv } from './report.ts';
import { reportPdf } from './report.pdf.ts';
import type { PpidContext } from './ppid.context.ts';

/** The annual report for any year, as data (for the console's charts), CSV and PDF. */
export class PpidReportService {
  constructor(
    private readonly ctx: PpidContext,
    private readonly policy: Policy,
  ) {}

  async report(actor: Actor, year: number): Promise<PpidReport> {
    this.policy.authorize(actor, 'ppid.report.read');
    const cal = await this.ctx.calendar(this.ctx.db, actor.tenantId);
    // the year is the calendar year in WIB, where the requests were received
    const from = new Date(`${year}-01-01T00:00:00+07:00`);
    const to = new Date(`${year + 1}-01-01T00:00:00+07:00`);
    const [requests, objections] = await Promise.all([
      this.ctx.requests.listSubmittedBetween(this.ctx.db, actor.tenantId, from, to),
      this.ctx.requests.objectionsFiledIn(this.ctx.db, actor.tenantId, year),
    ]);
    return buildReport(year, cal, requests, objections);
  }

  /**
   * The development dashboard's "PPID timeliness": requests answered this year within their legal
   * deadline, of all answered; not available to roles that do not read the PPID report.
   */
  async timelinessIndicator(actor: Actor, year: number): Promise<ServiceIndicator> {
    if (!this.policy.can(actor, 'ppid.report.read')) return { key: 'ppid_timeliness', available: false, unit: 'permohonan', items: [] };
    const r = await this.report(actor, year);
    return { key: 'ppid_timeliness', available: true, unit: 'permohonan', items: [{ key: String(year), label: `PPID ${year}`, value: r.answered - r.answeredLate, total: r.answered }] };
  }

  async csv(actor: Actor, year: number): Promise<string> {
    return reportCsv(await this.report(actor, year));
  }

  async pdf(actor: Actor, year: number): Promise<Buffer> {
    const r = await this.report(actor, year);
    return reportPdf(r, (await this.ctx.registry.tenantName(this.ctx.db, actor.tenantId)) ?? '');
  }
}
