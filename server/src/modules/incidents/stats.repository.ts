import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { IncidentScope } from './incidents.repository.ts';

type Range = { from: Date; to: Date };

/** Aggregates over incidents created in a period, within a scope. */
export class IncidentStatsRepository {
  private base(db: Executor, s: IncidentScope, r: Range) {
    let q = db.selectFrom('incidents as i').where('i.tenant_id', '=', s.tenantId).where('i.created_at', '>=', r.from).where('i.created_at', '<', r.to).where('i.status', '!=', 'merged');
    if (s.regionCodes.length) q = q.where((eb) => eb.or(s.regionCodes.flatMap((c) => [eb('i.region_code', '=', c), eb('i.region_code', 'like', `${c}.%`)])));
    return q;
  }

  async countBy(db: Executor, s: IncidentScope, r: Range, column: 'category_code' | 'status' | 'region_code'): Promise<{ key: string; count: number }[]> {
    const rows = await this.base(db, s, r)
      .select([sql<string>`coalesce(${sql.ref(`i.${column}`)}, '-')`.as('key'), (eb) => eb.fn.countAll<number>().as('count')])
      .groupBy(sql.ref(`i.${column}`))
      .orderBy('count', 'desc')
      .execute();
    return rows.map((x) => ({ key: x.key, count: Number(x.count) }));
  }

  async byDay(db: Executor, s: IncidentScope, r: Range): Promise<{ key: string; count: number }[]> {
    // days in the command center's zone (WIB), not UTC
    const day = sql<string>`to_char(i.created_at at time zone 'Asia/Jakarta', 'YYYY-MM-DD')`;
    const rows = await this.base(db, s, r).select([day.as('key'), (eb) => eb.fn.countAll<number>().as('count')]).groupBy(day).orderBy(day).execute();
    return rows.map((x) => ({ key: x.key, count: Number(x.count) }));
  }

  async byAgency(db: Executor, s: IncidentScope, r: Range): Promise<{ key: string; count: number }[]> {
    const rows = await this.base(db, s, r)
      .innerJoin('incident_tasks as t', 't.incident_id', 'i.id')
      .innerJoin('organizations as o', 'o.id', 't.organization_id')
      .select(['o.name as key', (eb) => eb.fn.countAll<number>().as('count')])
      .groupBy('o.name')
      .orderBy('count', 'desc')
      .execute();
    return rows.map((x) => ({ key: x.key, count: Number(x.count) }));
  }

  /** Per agency with tasks: incidents resolved in the period, and how many within their resolution SLA. */
  async slaByAgency(db: Executor, s: IncidentScope, r: Range): Promise<{ key: string; label: string; met: number; total: number }[]> {
    const rows = await this.base(db, s, r)
      .innerJoin('incident_tasks as t', 't.incident_id', 'i.id')
      .innerJoin('organizations as o', 'o.id', 't.organization_id')
      .where('i.resolved_at', 'is not', null)
      .select(['o.code as key', 'o.name as label', (eb) => eb.fn.countAll<number>().as('total'), sql<number>`count(*) filter (where i.resolved_at <= i.resolve_due_at)`.as('met')])
      .groupBy(['o.code', 'o.name'])
      .orderBy('o.name')
      .execute();
    return rows.map((x) => ({ key: x.key, label: x.label, met: Number(x.met), total: Number(x.total) }));
  }

  /** Mean and 90th percentile, in minutes, from creation to the given time column. */
  async durations(db: Executor, s: IncidentScope, r: Range, column: 'first_response_at' | 'resolved_at') {
    const minutes = sql<number>`extract(epoch from (${sql.ref(`i.${column}`)} - i.created_at)) / 60.0`;
    const row = await this.base(db, s, r)
      .where(sql.ref(`i.${column}`), 'is not', null)
      .select([
        (eb) => eb.fn.countAll<number>().as('count'),
        sql<number | null>`avg(${minutes})`.as('mean'),
        sql<number | null>`percentile_cont(0.9) within group (order by ${minutes})`.as('p90'),
      ])
      .executeTakeFirstOrThrow();
    const round = (v: number | null) => (v === null ? null : Math.round(Number(v) * 10) / 10);
    return { count: Number(row.count), meanMinutes: round(row.mean), p90Minutes: round(row.p90) };
  }
}
