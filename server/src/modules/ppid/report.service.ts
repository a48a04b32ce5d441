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

  async csv(actor: Actor, year: number): Promise<string> {
    return reportCsv(await this.report(actor, year));
  }

  async pdf(actor: Actor, year: number): Promise<Buffer> {
    const r = await this.report(actor, year);
    return reportPdf(r, (await this.ctx.registry.tenantName(this.ctx.db, actor.tenantId)) ?? '');
  }
}
