import type { ServiceIndicator } from '@pantau/shared';
import type { IncidentStats } from '@pantau/shared';
import type { Actor } from '../../platform/authz/actor.ts';
import { DomainError } from '../../platform/http/errors.ts';
import type { IncidentCore } from './incidents.core.ts';
import { IncidentStatsRepository } from './stats.repository.ts';

const csvCell = (v: string | number | null) => {
  const s = v === null ? '' : String(v);
  // a leading = + - @ would run as a formula in a spreadsheet
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
  return /[",\n;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** Counts by category, status, region, agency and day; mean and p90 time to first response and to resolution. */
export class IncidentStatsService {
  private readonly repo = new IncidentStatsRepository();
  constructor(private readonly core: IncidentCore) {}

  async stats(actor: Actor, q: { from?: string; to?: string }): Promise<IncidentStats> {
    this.core.policy.authorize(actor, 'incident.stats');
    const to = q.to ? new Date(q.to) : this.core.clock.now();
    const from = q.from ? new Date(q.from) : new Date(to.getTime() - 30 * 86_400_000);
    if (from >= to) throw new DomainError('validation_failed', 'Awal periode harus sebelum akhirnya', [{ path: 'query.from', message: 'setelah akhir periode' }]);
    const { db } = this.core;
    const scope = { ...this.core.scopeOf(actor), organizationId: null };
    const range = { from, to };
    const [byCategory, byStatus, byRegion, byAgency, byDay, firstResponse, resolution] = await Promise.all([
      this.repo.countBy(db, scope, range, 'category_code'),
      this.repo.countBy(db, scope, range, 'status'),
      this.repo.countBy(db, scope, range, 'region_code'),
      this.repo.byAgency(db, scope, range),
      this.repo.byDay(db, scope, range),
      this.repo.durations(db, scope, range, 'first_response_at'),
      this.repo.durations(db, scope, range, 'resolved_at'),
    ]);
    return { from: from.toISOString(), to: to.toISOString(), total: byStatus.reduce((n, r) => n + r.count, 0), byCategory, byStatus, byRegion, byAgency, byDay, firstResponse, resolution };
  }

  /**
   * The development dashboard's "incident SLA compliance per agency" over the last 90 days, or not
   * available to roles that do not read incident statistics.
   */
  async slaIndicator(actor: Actor): Promise<ServiceIndicator> {
    if (!this.core.policy.can(actor, 'incident.stats')) return { key: 'incident_sla', available: false, unit: 'insiden', items: [] };
    const to = this.core.clock.now();
    const rows = await this.repo.slaByAgency(this.core.db, { ...this.core.scopeOf(actor), organizationId: null }, { from: new Date(to.getTime() - 90 * 86_400_000), to });
    return { key: 'incident_sla', available: true, unit: 'insiden', items: rows.map((r) => ({ key: r.key, label: r.label, value: r.met, total: r.total })) };
  }

  /** The same figures as one CSV: `dimension,key,value`. */
  async csv(actor: Actor, q: { from?: string; to?: string }): Promise<string> {
    const s = await this.stats(actor, q);
    const lines: (string | number | null)[][] = [['dimension', 'key', 'value'], ['period', 'from', s.from], ['period', 'to', s.to], ['total', 'incidents', s.total]];
    for (const [dim, rows] of [['category', s.byCategory], ['status', s.byStatus], ['region', s.byRegion], ['agency', s.byAgency], ['day', s.byDay]] as const) {
      for (const r of rows) lines.push([dim, r.key, r.count]);
    }
    for (const [dim, d] of [['first_response_minutes', s.firstResponse], ['resolution_minutes', s.resolution]] as const) {
      lines.push([dim, 'count', d.count], [dim, 'mean', d.meanMinutes], [dim, 'p90', d.p90Minutes]);
    }
    return lines.map((l) => l.map(csvCell).join(',')).join('\r\n') + '\r\n';
  }
}
