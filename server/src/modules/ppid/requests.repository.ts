import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { PpidTables } from '../../platform/db/schema-ppid.ts';

export type RequestRow = Selectable<PpidTables['ppid_requests']> & { organization_name?: string | null };
export type ObjectionRow = Selectable<PpidTables['ppid_objections']>;
export type EventRow = Selectable<PpidTables['ppid_request_events']>;

/** Which requests a caller may see: the whole tenant, or those routed to one organization. */
export interface RequestScope {
  tenantId: string;
  /** Null: every request of the tenant (PPID Utama, atasan, admin). */
  organizationId: string | null;
}

/** Requests, their timeline, objections and the outbox. Every read takes the tenant. */
export class RequestsRepository {
  /** The next registration number of a year, atomically (one row per tenant and year). */
  async nextNumber(db: Executor, tenantId: string, year: number): Promise<number> {
    const r = await db
      .insertInto('ppid_counters')
      .values({ tenant_id: tenantId, year, last: 1 })
      .onConflict((oc) => oc.columns(['tenant_id', 'year']).doUpdateSet({ last: sql`ppid_counters.last + 1` }))
      .returning('last')
      .executeTakeFirstOrThrow();
    return r.last;
  }

  insert(db: Executor, v: Insertable<PpidTables['ppid_requests']>): Promise<RequestRow> {
    return db.insertInto('ppid_requests').values(v).returningAll().executeTakeFirstOrThrow();
  }

  private scoped(db: Executor, scope: RequestScope) {
    let q = db
      .selectFrom('ppid_requests as r')
      .leftJoin('organizations as o', 'o.id', 'r.organization_id')
      .selectAll('r')
      .select('o.name as organization_name')
      .where('r.tenant_id', '=', scope.tenantId);
    if (scope.organizationId) q = q.where('r.organization_id', '=', scope.organizationId);
    return q;
  }

  /** The officer queue: open requests first, by due date. `dueBefore` narrows to the late ones. */
  async list(db: Executor, scope: RequestScope, f: { status?: string; q?: string; open?: boolean; limit: number; offset: number }): Promise<{ items: RequestRow[]; total: number }> {
    let q = this.scoped(db, scope);
    if (f.status) q = q.where('r.status', '=', f.status);
    if (f.open) q = q.where('r.status', 'in', ['received', 'clarification']);
    if (f.q) {
      const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      q = q.where((eb) => eb.or([eb('r.registration_number', 'ilike', like), eb('r.name', 'ilike', like), eb('r.information', 'ilike', like)]));
    }
    const total = await q.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const items = await q
      .orderBy(sql`case when r.status in ('received', 'clarification') then 0 else 1 end`)
      .orderBy('r.due_on')
      .orderBy('r.registration_number')
      .limit(f.limit)
      .offset(f.offset)
      .execute();
    return { items, total: Number(total.n) };
  }

  /** Open requests of the scope, optionally only those due before `today` (late) or from it on (not late). */
  listOpen(db: Executor, scope: RequestScope, due?: { before?: string; from?: string }): Promise<RequestRow[]> {
    let q = this.scoped(db, scope).where('r.status', 'in', ['received', 'clarification']);
    if (due?.before) q = q.where('r.due_on', '<', due.before);
    if (due?.from) q = q.where('r.due_on', '>=', due.from);
    return q.orderBy('r.due_on').orderBy('r.registration_number').execute();
  }

  find(db: Executor, scope: RequestScope, id: string): Promise<RequestRow | undefined> {
    return this.scoped(db, scope).where('r.id', '=', id).executeTakeFirst();
  }

  findByNumber(db: Executor, tenantId: string, registrationNumber: string): Promise<RequestRow | undefined> {
    return this.scoped(db, { tenantId, organizationId: null }).where('r.registration_number', '=', registrationNumber).executeTakeFirst();
  }

  /** Locks the row for the rest of the transaction, so two officers cannot answer at once. */
  async lock(db: Executor, tenantId: string, id: string): Promise<void> {
    await db.selectFrom('ppid_requests').select('id').where('tenant_id', '=', tenantId).where('id', '=', id).forUpdate().execute();
  }

  update(db: Executor, tenantId: string, id: string, v: Updateable<PpidTables['ppid_requests']>): Promise<RequestRow> {
    return db.updateTable('ppid_requests').set({ ...v, updated_at: new Date() }).where('tenant_id', '=', tenantId).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  }

  /** Requests submitted within [from, to) (instants), for the annual report. */
  listSubmittedBetween(db: Executor, tenantId: string, from: Date, to: Date): Promise<RequestRow[]> {
    return db.selectFrom('ppid_requests').selectAll().where('tenant_id', '=', tenantId).where('submitted_at', '>=', from).where('submitted_at', '<', to).orderBy('registration_number').execute();
  }

  addEvent(db: Executor, v: Insertable<PpidTables['ppid_request_events']>): Promise<void> {
    return db.insertInto('ppid_request_events').values(v).execute().then(() => undefined);
  }

  events(db: Executor, tenantId: string, requestId: string, publicOnly: boolean): Promise<EventRow[]> {
    let q = db.selectFrom('ppid_request_events').selectAll().where('tenant_id', '=', tenantId).where('request_id', '=', requestId);
    if (publicOnly) q = q.where('public', '=', true);
    return q.orderBy('id').execute();
  }

  insertObjection(db: Executor, v: Insertable<PpidTables['ppid_objections']>): Promise<ObjectionRow> {
    return db.insertInto('ppid_objections').values(v).returningAll().executeTakeFirstOrThrow();
  }

  objections(db: Executor, tenantId: string, requestIds: string[]): Promise<ObjectionRow[]> {
    if (requestIds.length === 0) return Promise.resolve([]);
    return db.selectFrom('ppid_objections').selectAll().where('tenant_id', '=', tenantId).where('request_id', 'in', requestIds).orderBy('filed_at').execute();
  }

  findObjection(db: Executor, tenantId: string, id: string): Promise<ObjectionRow | undefined> {
    return db.selectFrom('ppid_objections').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
  }

  updateObjection(db: Executor, tenantId: string, id: string, v: Updateable<PpidTables['ppid_objections']>): Promise<ObjectionRow> {
    return db.updateTable('ppid_objections').set(v).where('tenant_id', '=', tenantId).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  }

  /** Objections filed within a year of filing dates, for the annual report. */
  objectionsFiledIn(db: Executor, tenantId: string, year: number): Promise<ObjectionRow[]> {
    return db.selectFrom('ppid_objections').selectAll().where('tenant_id', '=', tenantId).where('filed_on', '>=', `${year}-01-01`).where('filed_on', '<=', `${year}-12-31`).execute();
  }

  queue(db: Executor, v: Insertable<PpidTables['ppid_outbox']>): Promise<void> {
    return db.insertInto('ppid_outbox').values(v).execute().then(() => undefined);
  }

  outbox(db: Executor, tenantId: string, requestId: string): Promise<Selectable<PpidTables['ppid_outbox']>[]> {
    return db.selectFrom('ppid_outbox').selectAll().where('tenant_id', '=', tenantId).where('request_id', '=', requestId).orderBy('id').execute();
  }

  /** Open requests of every tenant whose due date is on or before `date` (the worker's reminder sweep). */
  dueByAllTenants(db: Executor, date: string): Promise<RequestRow[]> {
    return db.selectFrom('ppid_requests').selectAll().where('status', 'in', ['received', 'clarification']).where('due_on', '<=', date).execute();
  }
}
