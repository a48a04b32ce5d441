import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { IncidentCore } from './incidents.core.ts';

type Range = { from: Date; to: Date };
const hours = sql<number>`extract(epoch from (i.resolved_at - i.created_at)) / 3600.0`;
const round1 = (v: number | string | null) => (v === null ? null : Math.round(Number(v) * 10) / 10);

/** The transparency page's incident figures for a whole jurisdiction: counts and averages only, no report content. */
export interface PublicIncidentStats {
  total: number;
  byCategory: { category: string; label: string; count: number }[];
  byStatus: { status: string; count: number }[];
  resolution: {
    byCategory: { category: string; label: string; resolved: number; avgHours: number | null }[];
    byAgency: { agency: string; resolved: number; avgHours: number | null }[];
  };
}

/**
 * Aggregates for the public portal. They need no actor: they act for nobody and show nothing a
 * single report could be recognised by (no free text, no places finer than the whole tenant).
 */
export class IncidentPublicStats {
  constructor(private readonly core: IncidentCore) {}

  async forTenant(tenantId: string, range: Range): Promise<PublicIncidentStats> {
    const { db } = this.core;
    const [labels, byCategory, byStatus, resCategory, resAgency] = await Promise.all([
      db.selectFrom('incident_categories').select(['code', 'name']).where('tenant_id', '=', tenantId).execute(),
      this.created(db, tenantId, range).select(['i.category_code as key', (eb) => eb.fn.countAll<number>().as('count')]).groupBy('i.category_code').orderBy('count', 'desc').execute(),
      this.created(db, tenantId, range).select(['i.status as key', (eb) => eb.fn.countAll<number>().as('count')]).groupBy('i.status').orderBy('count', 'desc').execute(),
      this.resolved(db, tenantId, range).select(['i.category_code as key', (eb) => eb.fn.countAll<number>().as('n'), sql<number | null>`avg(${hours})`.as('avg')]).groupBy('i.category_code').orderBy('i.category_code').execute(),
      this.resolved(db, tenantId, range)
        .innerJoin('incident_tasks as t', 't.incident_id', 'i.id')
        .innerJoin('organizations as o', 'o.id', 't.organization_id')
        // an incident handled by two agencies counts once for each
        .select(['o.name as key', sql<number>`count(distinct i.id)`.as('n'), sql<number | null>`avg(${hours})`.as('avg')])
        .groupBy('o.name')
        .orderBy('o.name')
        .execute(),
    ]);
    const label = new Map(labels.map((l) => [l.code, l.name]));
    return {
      total: byStatus.reduce((n, r) => n + Number(r.count), 0),
      byCategory: byCategory.map((r) => ({ category: r.key, label: label.get(r.key) ?? r.key, count: Number(r.count) })),
      byStatus: byStatus.map((r) => ({ status: r.key, count: Number(r.count) })),
      resolution: {
        byCategory: resCategory.map((r) => ({ category: r.key, label: label.get(r.key) ?? r.key, resolved: Number(r.n), avgHours: round1(r.avg) })),
        byAgency: resAgency.map((r) => ({ agency: r.key, resolved: Number(r.n), avgHours: round1(r.avg) })),
      },
    };
  }

  /** Reports made in the period (merged duplicates are not reports of their own). */
  private created(db: Executor, tenantId: string, r: Range) {
    return db.selectFrom('incidents as i').where('i.tenant_id', '=', tenantId).where('i.created_at', '>=', r.from).where('i.created_at', '<', r.to).where('i.status', '!=', 'merged');
  }

  /** Reports resolved in the period, whenever they were made. */
  private resolved(db: Executor, tenantId: string, r: Range) {
    return db.selectFrom('incidents as i').where('i.tenant_id', '=', tenantId).where('i.resolved_at', '>=', r.from).where('i.resolved_at', '<', r.to).where('i.status', '!=', 'merged');
  }
}
