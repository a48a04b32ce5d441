import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { IncidentsTable, IncidentTasksTable } from '../../platform/db/schema-incidents.ts';

export type IncidentRow = Selectable<IncidentsTable>;
export type TaskRow = Selectable<IncidentTasksTable> & { organization_name: string };

/** What part of the incidents an actor may read; every read takes one. */
export interface IncidentScope {
  tenantId: string;
  /** Empty: the whole tenant. */
  regionCodes: string[];
  /** Agency officers: only incidents with a task of this organization. */
  organizationId: string | null;
}

export interface IncidentFilter {
  statuses: string[] | null;
  category?: string;
  priority?: string;
  regionCode?: string;
  q?: string;
  limit: number;
  offset: number;
}

/** Incidents, their tasks, checklist and timeline. SQL only; every read takes the tenant. */
export class IncidentsRepository {
  private scoped(db: Executor, s: IncidentScope) {
    let q = db.selectFrom('incidents as i').where('i.tenant_id', '=', s.tenantId);
    if (s.regionCodes.length) {
      q = q.where((eb) => eb.or(s.regionCodes.flatMap((r) => [eb('i.region_code', '=', r), eb('i.region_code', 'like', `${r}.%`)])));
    }
    if (s.organizationId) {
      const org = s.organizationId;
      q = q.where((eb) => eb.exists(eb.selectFrom('incident_tasks as t').select('t.id').whereRef('t.incident_id', '=', 'i.id').where('t.organization_id', '=', org)));
    }
    return q;
  }

  /** The board: newest first, with the owner's name. */
  async list(db: Executor, s: IncidentScope, f: IncidentFilter): Promise<{ rows: (IncidentRow & { owner_name: string | null })[]; total: number }> {
    let q = this.scoped(db, s);
    if (f.statuses) q = q.where('i.status', 'in', f.statuses);
    if (f.category) q = q.where('i.category_code', '=', f.category);
    if (f.priority) q = q.where('i.priority', '=', f.priority);
    if (f.regionCode) q = q.where((eb) => eb.or([eb('i.region_code', '=', f.regionCode!), eb('i.region_code', 'like', `${f.regionCode}.%`)]));
    if (f.q) q = q.where((eb) => eb.or([eb('i.ticket', 'ilike', `%${f.q}%`), eb('i.description', 'ilike', `%${f.q}%`), eb('i.address', 'ilike', `%${f.q}%`)]));
    const [rows, count] = await Promise.all([
      q.leftJoin('users as u', 'u.id', 'i.owner_id').selectAll('i').select('u.display_name as owner_name').orderBy('i.created_at', 'desc').limit(f.limit).offset(f.offset).execute(),
      q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { rows, total: Number(count.n) };
  }

  find(db: Executor, s: IncidentScope, id: string): Promise<(IncidentRow & { owner_name: string | null }) | undefined> {
    return this.scoped(db, s).leftJoin('users as u', 'u.id', 'i.owner_id').selectAll('i').select('u.display_name as owner_name').where('i.id', '=', id).executeTakeFirst();
  }

  /** Row lock for a change: concurrent transitions of one incident are serialized. */
  lockForUpdate(db: Executor, tenantId: string, id: string): Promise<IncidentRow | undefined> {
    return db.selectFrom('incidents').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).forUpdate().executeTakeFirst();
  }

  findByTicket(db: Executor, ticket: string): Promise<IncidentRow | undefined> {
    return db.selectFrom('incidents').selectAll().where('ticket', '=', ticket).executeTakeFirst();
  }

  insert(db: Executor, v: Insertable<IncidentsTable>): Promise<IncidentRow> {
    return db.insertInto('incidents').values(v).returningAll().executeTakeFirstOrThrow();
  }

  update(db: Executor, tenantId: string, id: string, v: Updateable<IncidentsTable>): Promise<IncidentRow> {
    return db.updateTable('incidents').set(v).where('tenant_id', '=', tenantId).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  }

  /** Open incidents of a category in a lat/lng box since a time: duplicate candidates. */
  openNear(db: Executor, tenantId: string, category: string, box: { minLat: number; maxLat: number; minLng: number; maxLng: number }, since: Date): Promise<IncidentRow[]> {
    return db
      .selectFrom('incidents')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('category_code', '=', category)
      .where('status', 'in', ['received', 'verified', 'dispatched', 'in_progress', 'on_hold'])
      .where('created_at', '>=', since)
      .where('lat', '>=', box.minLat).where('lat', '<=', box.maxLat)
      .where('lng', '>=', box.minLng).where('lng', '<=', box.maxLng)
      .orderBy('created_at', 'desc')
      .limit(50)
      .execute();
  }

  mergedInto(db: Executor, id: string): Promise<{ id: string; ticket: string }[]> {
    return db.selectFrom('incidents').select(['id', 'ticket']).where('merged_into_id', '=', id).orderBy('created_at').execute();
  }

  /** Active incidents whose response or resolution is overdue and not yet escalated. */
  overdue(db: Executor, now: Date, limit: number): Promise<IncidentRow[]> {
    return db
      .selectFrom('incidents')
      .selectAll()
      .where('escalated_at', 'is', null)
      .where('status', 'in', ['received', 'verified', 'dispatched', 'in_progress', 'on_hold'])
      .where((eb) => eb.or([eb.and([eb('first_response_at', 'is', null), eb('response_due_at', '<', now)]), eb('resolve_due_at', '<', now)]))
      .orderBy('response_due_at')
      .limit(limit)
      .execute();
  }

  // ---- timeline ----
  insertEvent(db: Executor, v: { incidentId: string; at: Date; actorId: string | null; actorLabel: string; kind: string; from?: string | null; to?: string | null; note?: string | null; public?: boolean }) {
    return db.insertInto('incident_events').values({ incident_id: v.incidentId, at: v.at, actor_id: v.actorId, actor_label: v.actorLabel, kind: v.kind, from_status: v.from ?? null, to_status: v.to ?? null, note: v.note ?? null, public: v.public ?? false }).returningAll().executeTakeFirstOrThrow();
  }
  listEvents(db: Executor, incidentId: string, publicOnly = false) {
    let q = db.selectFrom('incident_events').selectAll().where('incident_id', '=', incidentId);
    if (publicOnly) q = q.where('public', '=', true);
    return q.orderBy('seq').execute();
  }

  // ---- SOP checklist ----
  async insertChecks(db: Executor, incidentId: string, steps: { position: number; title: string; required: boolean }[]) {
    if (!steps.length) return [];
    const rows = await db.insertInto('incident_checks').values(steps.map((s) => ({ incident_id: incidentId, position: s.position, title: s.title, required: s.required }))).returningAll().execute();
    return rows.sort((a, b) => a.position - b.position);
  }
  listChecks(db: Executor, incidentId: string) {
    return db.selectFrom('incident_checks').selectAll().where('incident_id', '=', incidentId).orderBy('position').execute();
  }
  setCheck(db: Executor, incidentId: string, checkId: string, doneAt: Date | null, doneBy: string | null) {
    return db.updateTable('incident_checks').set({ done_at: doneAt, done_by: doneBy }).where('incident_id', '=', incidentId).where('id', '=', checkId).returningAll().executeTakeFirst();
  }

  // ---- agency tasks ----
  private tasks(db: Executor) {
    return db.selectFrom('incident_tasks as t').innerJoin('organizations as o', 'o.id', 't.organization_id').selectAll('t').select('o.name as organization_name');
  }
  listTasks(db: Executor, incidentId: string): Promise<TaskRow[]> {
    return this.tasks(db).where('t.incident_id', '=', incidentId).orderBy('o.name').execute();
  }
  /** The agency workspace: open tasks first, newest first. */
  listTasksOfOrg(db: Executor, tenantId: string, organizationId: string, limit: number) {
    return this.tasks(db)
      .innerJoin('incidents as i', 'i.id', 't.incident_id')
      .select(['i.ticket', 'i.category_code', 'i.priority', 'i.address', 'i.lat', 'i.lng', 'i.description', 'i.region_code'])
      .where('t.tenant_id', '=', tenantId)
      .where('t.organization_id', '=', organizationId)
      .orderBy(sql`t.status = 'done'`)
      .orderBy('t.updated_at', 'desc')
      .limit(limit)
      .execute();
  }
  findTask(db: Executor, tenantId: string, taskId: string): Promise<TaskRow | undefined> {
    return this.tasks(db).where('t.tenant_id', '=', tenantId).where('t.id', '=', taskId).executeTakeFirst();
  }
  async insertTask(db: Executor, v: { tenantId: string; incidentId: string; organizationId: string; at: Date; note: string | null }): Promise<boolean> {
    const r = await db
      .insertInto('incident_tasks')
      .values({ tenant_id: v.tenantId, incident_id: v.incidentId, organization_id: v.organizationId, status: 'dispatched', note: v.note, created_at: v.at, updated_at: v.at })
      .onConflict((oc) => oc.columns(['incident_id', 'organization_id']).doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
  }
  updateTask(db: Executor, taskId: string, v: { status: string; note: string | null; at: Date }) {
    return db.updateTable('incident_tasks').set({ status: v.status, note: v.note, updated_at: v.at }).where('id', '=', taskId).execute();
  }

  // ---- attachments ----
  insertAttachment(db: Executor, v: Insertable<import('../../platform/db/schema-incidents.ts').IncidentAttachmentsTable>) {
    return db.insertInto('incident_attachments').values(v).returning('id').executeTakeFirstOrThrow();
  }
  listAttachments(db: Executor, incidentId: string) {
    return db
      .selectFrom('incident_attachments as a')
      .leftJoin('cameras as c', 'c.id', 'a.camera_id')
      .leftJoin('evidence_exports as e', 'e.id', 'a.export_id')
      .select(['a.id', 'a.kind', 'a.mime', 'a.size', 'a.camera_id', 'c.name as camera_name', 'a.from_at', 'a.to_at', 'a.hold', 'a.export_id', 'a.created_at'])
      // the export's own progress decides: done → ready, failed → failed, otherwise pending
      .select(sql<string | null>`case when a.export_id is null then a.export_status when e.status = 'done' then 'ready' when e.status = 'failed' then 'failed' else 'pending' end`.as('export_status'))
      .where('a.incident_id', '=', incidentId)
      .orderBy('a.created_at')
      .execute();
  }
  attachmentBytes(db: Executor, incidentId: string, id: string, variant: 'original' | 'public') {
    return db.selectFrom('incident_attachments').select(['mime', variant === 'original' ? 'original as bytes' : 'public_copy as bytes']).where('incident_id', '=', incidentId).where('id', '=', id).executeTakeFirst();
  }
}
