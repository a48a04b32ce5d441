import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';

/** Channels whose requests are published on Open311: citizen reports, never 112 calls. */
export const PUBLIC_CHANNELS = ['web', 'open311'];

export interface RequestFilter {
  tickets: string[] | null;
  serviceCodes: string[] | null;
  statuses: string[] | null;
  from: Date | null;
  to: Date | null;
  limit: number;
}

/** Published service requests and their status updates; no personal data is ever selected. */
export class Open311Repository {
  requests(db: Executor, tenantId: string, f: RequestFilter) {
    let q = db
      .selectFrom('incidents as i')
      .leftJoin('incident_categories as c', (j) => j.onRef('c.tenant_id', '=', 'i.tenant_id').onRef('c.code', '=', 'i.category_code'))
      .select([
        'i.id', 'i.ticket', 'i.status', 'i.category_code', 'c.name as category_name', 'i.description', 'i.address', 'i.lat', 'i.lng',
        'i.created_at', 'i.updated_at', 'i.resolve_due_at',
        sql<string | null>`(select string_agg(o.name, ', ' order by o.name) from incident_tasks t join organizations o on o.id = t.organization_id where t.incident_id = i.id)`.as('agencies'),
      ])
      .where('i.tenant_id', '=', tenantId)
      .where('i.channel', 'in', PUBLIC_CHANNELS);
    if (f.tickets) q = q.where('i.ticket', 'in', f.tickets.length ? f.tickets : ['-']);
    if (f.serviceCodes) q = q.where('i.category_code', 'in', f.serviceCodes.length ? f.serviceCodes : ['-']);
    if (f.statuses) q = q.where('i.status', 'in', f.statuses);
    if (f.from) q = q.where('i.created_at', '>=', f.from);
    if (f.to) q = q.where('i.created_at', '<=', f.to);
    return q.orderBy('i.created_at', 'desc').limit(f.limit).execute();
  }

  /** Public status changes of published requests, oldest first. */
  updates(db: Executor, tenantId: string, from: Date, to: Date, limit: number) {
    return db
      .selectFrom('incident_events as e')
      .innerJoin('incidents as i', 'i.id', 'e.incident_id')
      .select(['e.id', 'e.seq', 'e.kind', 'e.to_status', 'e.at', 'i.ticket'])
      .where('i.tenant_id', '=', tenantId)
      .where('i.channel', 'in', PUBLIC_CHANNELS)
      .where('e.public', '=', true)
      .where('e.to_status', 'is not', null)
      .where('e.at', '>=', from)
      .where('e.at', '<=', to)
      .orderBy('e.seq')
      .limit(limit)
      .execute();
  }
}
