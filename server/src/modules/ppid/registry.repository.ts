import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { PpidTables } from '../../platform/db/schema-ppid.ts';

export type InfoRow = Selectable<PpidTables['ppid_info_items']> & { organization_name: string };
export type DocumentRow = Selectable<PpidTables['ppid_documents']>;
export type CalendarRow = Selectable<PpidTables['ppid_calendar_days']>;

const escapeLike = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The information registry, documents of requests and items, and the tenant's calendar edits. */
export class RegistryRepository {
  async list(db: Executor, tenantId: string, f: { q?: string; category?: string; publishedOnly: boolean; organizationId?: string | null; limit: number; offset: number }): Promise<{ items: InfoRow[]; total: number }> {
    let q = db.selectFrom('ppid_info_items as i').innerJoin('organizations as o', 'o.id', 'i.organization_id').where('i.tenant_id', '=', tenantId);
    if (f.publishedOnly) q = q.where('i.published', '=', true);
    if (f.category) q = q.where('i.category', '=', f.category);
    if (f.organizationId) q = q.where('i.organization_id', '=', f.organizationId);
    if (f.q) {
      const like = escapeLike(f.q);
      q = q.where((eb) => eb.or([eb('i.title', 'ilike', like), eb('i.summary', 'ilike', like), eb('o.name', 'ilike', like)]));
    }
    const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const items = await q.selectAll('i').select('o.name as organization_name').orderBy('i.updated_at', 'desc').orderBy('i.id').limit(f.limit).offset(f.offset).execute();
    return { items, total: Number(total.n) };
  }

  find(db: Executor, tenantId: string, id: string): Promise<InfoRow | undefined> {
    return db.selectFrom('ppid_info_items as i').innerJoin('organizations as o', 'o.id', 'i.organization_id').selectAll('i').select('o.name as organization_name').where('i.tenant_id', '=', tenantId).where('i.id', '=', id).executeTakeFirst();
  }

  async insert(db: Executor, v: Insertable<PpidTables['ppid_info_items']>): Promise<string> {
    return (await db.insertInto('ppid_info_items').values(v).returning('id').executeTakeFirstOrThrow()).id;
  }

  async update(db: Executor, tenantId: string, id: string, v: Updateable<PpidTables['ppid_info_items']>): Promise<void> {
    await db.updateTable('ppid_info_items').set({ ...v, updated_at: new Date() }).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
  }

  insertDocument(db: Executor, v: Insertable<PpidTables['ppid_documents']>): Promise<DocumentRow> {
    return db.insertInto('ppid_documents').values(v).returningAll().executeTakeFirstOrThrow();
  }

  documentsOf(db: Executor, tenantId: string, ownerKind: 'request' | 'info_item', ownerIds: string[]): Promise<DocumentRow[]> {
    if (ownerIds.length === 0) return Promise.resolve([]);
    return db.selectFrom('ppid_documents').selectAll().where('tenant_id', '=', tenantId).where('owner_kind', '=', ownerKind).where('owner_id', 'in', ownerIds).orderBy('created_at').execute();
  }

  findDocument(db: Executor, tenantId: string, id: string): Promise<DocumentRow | undefined> {
    return db.selectFrom('ppid_documents').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
  }

  calendarDays(db: Executor, tenantId: string): Promise<CalendarRow[]> {
    return db.selectFrom('ppid_calendar_days').selectAll().where('tenant_id', '=', tenantId).orderBy('date').execute();
  }

  async upsertCalendarDay(db: Executor, v: CalendarRow): Promise<void> {
    await db.insertInto('ppid_calendar_days').values(v).onConflict((oc) => oc.columns(['tenant_id', 'date']).doUpdateSet({ kind: v.kind, label: v.label })).execute();
  }

  async deleteCalendarDay(db: Executor, tenantId: string, date: string): Promise<boolean> {
    const r = await db.deleteFrom('ppid_calendar_days').where('tenant_id', '=', tenantId).where('date', '=', date).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }

  async tenantName(db: Executor, tenantId: string): Promise<string | undefined> {
    return (await db.selectFrom('tenants').select('name').where('id', '=', tenantId).executeTakeFirst())?.name;
  }

  organization(db: Executor, tenantId: string, id: string): Promise<{ id: string; code: string; name: string } | undefined> {
    return db.selectFrom('organizations').select(['id', 'code', 'name']).where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
  }
}
