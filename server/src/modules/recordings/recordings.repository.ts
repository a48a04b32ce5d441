/**
 * SQL of bookmarks, evidence holds, evidence exports and the storage summary. Every read of tenant
 * data takes the tenant.
 */
import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { ManifestFile } from './manifest.ts';

export interface BookmarkRow {
  id: string;
  camera_id: string;
  camera_name: string;
  start_time: Date;
  end_time: Date | null;
  note: string;
  created_by: string;
  created_by_name: string;
  created_at: Date;
}

export interface HoldRow {
  id: string;
  camera_id: string;
  camera_name: string | null;
  start_time: Date;
  end_time: Date;
  reason: string;
  case_number: string | null;
  created_by_name: string | null;
  created_at: Date;
  released_at: Date | null;
  released_by_name: string | null;
  release_reason: string | null;
}

/** A file of a finished export, as its manifest lists it. */
export type ExportFileRecord = ManifestFile;

export interface ExportRow {
  id: string;
  tenant_id: string;
  camera_ids: string[];
  from_time: Date;
  to_time: Date;
  reason: string;
  case_number: string | null;
  status: 'queued' | 'running' | 'done' | 'failed';
  progress: number;
  error: string | null;
  files: ExportFileRecord[];
  gaps: { cameraId: string; start: string; end: string; reason: string | null }[];
  hold_ids: string[];
  created_by: string;
  created_by_name: string;
  created_at: Date;
  finished_at: Date | null;
}

export interface StorageRow {
  camera_id: string;
  name: string;
  code: string;
  region_code: string;
  retention_days: number | null;
  bytes: number;
  recordings: number;
  oldest: Date | null;
  held_bytes: number;
}

export class RecordingsRepository {
  // ── bookmarks ──
  async insertBookmark(db: Executor, v: { tenantId: string; cameraId: string; start: Date; end: Date | null; note: string; userId: string }): Promise<string> {
    const r = await db.insertInto('bookmarks').values({ tenant_id: v.tenantId, camera_id: v.cameraId, start_time: v.start, end_time: v.end, note: v.note, created_by: v.userId }).returning('id').executeTakeFirstOrThrow();
    return r.id;
  }

  private bookmarks(db: Executor, tenantId: string) {
    return db
      .selectFrom('bookmarks as b')
      .innerJoin('cameras as c', 'c.id', 'b.camera_id')
      .innerJoin('users as u', 'u.id', 'b.created_by')
      .where('b.tenant_id', '=', tenantId);
  }

  async getBookmark(db: Executor, tenantId: string, id: string): Promise<BookmarkRow | undefined> {
    return this.bookmarks(db, tenantId)
      .select(['b.id', 'b.camera_id', 'c.name as camera_name', 'b.start_time', 'b.end_time', 'b.note', 'b.created_by', 'u.username as created_by_name', 'b.created_at'])
      .where('b.id', '=', id)
      .executeTakeFirst();
  }

  /** Bookmarks of the given cameras (the actor's visible ones), newest first, optionally in a range or matching text. */
  async listBookmarks(db: Executor, tenantId: string, f: { cameraIds: string[]; from?: Date; to?: Date; q?: string; limit: number; offset: number }): Promise<{ items: BookmarkRow[]; total: number }> {
    if (f.cameraIds.length === 0) return { items: [], total: 0 };
    let q = this.bookmarks(db, tenantId).where('b.camera_id', 'in', f.cameraIds);
    if (f.from) q = q.where((eb) => eb.or([eb('b.end_time', '>', f.from!), eb.and([eb('b.end_time', 'is', null), eb('b.start_time', '>=', f.from!)])]));
    if (f.to) q = q.where('b.start_time', '<', f.to);
    if (f.q) q = q.where((eb) => eb.or([eb('b.note', 'ilike', `%${escapeLike(f.q!)}%`), eb('c.name', 'ilike', `%${escapeLike(f.q!)}%`)]));
    const [items, total] = await Promise.all([
      q.select(['b.id', 'b.camera_id', 'c.name as camera_name', 'b.start_time', 'b.end_time', 'b.note', 'b.created_by', 'u.username as created_by_name', 'b.created_at']).orderBy('b.start_time', 'desc').limit(f.limit).offset(f.offset).execute(),
      q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(total.n) };
  }

  async deleteBookmark(db: Executor, tenantId: string, id: string): Promise<boolean> {
    const r = await db.deleteFrom('bookmarks').where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }

  // ── evidence holds ──
  async insertHold(db: Executor, v: { tenantId: string; cameraId: string; start: Date; end: Date; reason: string; caseNumber: string | null; exportId: string | null; userId: string | null }): Promise<string> {
    const r = await db
      .insertInto('evidence_holds')
      .values({ tenant_id: v.tenantId, camera_id: v.cameraId, start_time: v.start, end_time: v.end, reason: v.reason, case_number: v.caseNumber, export_id: v.exportId, created_by: v.userId })
      .returning('id')
      .executeTakeFirstOrThrow();
    return r.id;
  }

  private holds(db: Executor, tenantId: string) {
    return db
      .selectFrom('evidence_holds as h')
      .leftJoin('cameras as c', 'c.id', 'h.camera_id')
      .leftJoin('users as u', 'u.id', 'h.created_by')
      .leftJoin('users as r', 'r.id', 'h.released_by')
      .where('h.tenant_id', '=', tenantId)
      .select(['h.id', 'h.camera_id', 'c.name as camera_name', 'h.start_time', 'h.end_time', 'h.reason', 'h.case_number', 'u.username as created_by_name', 'h.created_at', 'h.released_at', 'r.username as released_by_name', 'h.release_reason']);
  }

  async getHold(db: Executor, tenantId: string, id: string): Promise<HoldRow | undefined> {
    return this.holds(db, tenantId).where('h.id', '=', id).executeTakeFirst();
  }

  async listHolds(db: Executor, tenantId: string, f: { cameraIds: string[]; active?: boolean; from?: Date; to?: Date }): Promise<HoldRow[]> {
    if (f.cameraIds.length === 0) return [];
    let q = this.holds(db, tenantId).where('h.camera_id', 'in', f.cameraIds);
    if (f.active === true) q = q.where('h.released_at', 'is', null);
    if (f.active === false) q = q.where('h.released_at', 'is not', null);
    if (f.from) q = q.where('h.end_time', '>', f.from);
    if (f.to) q = q.where('h.start_time', '<', f.to);
    return q.orderBy('h.created_at', 'desc').limit(1000).execute();
  }

  async releaseHold(db: Executor, tenantId: string, id: string, userId: string | null, reason: string, at: Date): Promise<boolean> {
    const r = await db
      .updateTable('evidence_holds')
      .set({ released_at: at, released_by: userId, release_reason: reason })
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id)
      .where('released_at', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  // ── exports ──
  async insertExport(db: Executor, v: { tenantId: string; cameraIds: string[]; from: Date; to: Date; reason: string; caseNumber: string | null; userId: string }): Promise<string> {
    const r = await db
      .insertInto('evidence_exports')
      .values({ tenant_id: v.tenantId, camera_ids: v.cameraIds, from_time: v.from, to_time: v.to, reason: v.reason, case_number: v.caseNumber, created_by: v.userId })
      .returning('id')
      .executeTakeFirstOrThrow();
    return r.id;
  }

  private exports(db: Executor) {
    return db
      .selectFrom('evidence_exports as e')
      .innerJoin('users as u', 'u.id', 'e.created_by')
      .select(['e.id', 'e.tenant_id', 'e.camera_ids', 'e.from_time', 'e.to_time', 'e.reason', 'e.case_number', 'e.status', 'e.progress', 'e.error', 'e.files', 'e.gaps', 'e.hold_ids', 'e.created_by', 'u.username as created_by_name', 'e.created_at', 'e.finished_at']);
  }

  async getExport(db: Executor, tenantId: string, id: string): Promise<ExportRow | undefined> {
    return (await this.exports(db).where('e.tenant_id', '=', tenantId).where('e.id', '=', id).executeTakeFirst()) as ExportRow | undefined;
  }

  async listExports(db: Executor, tenantId: string, f: { userId: string | null; limit: number; offset: number }): Promise<{ items: ExportRow[]; total: number }> {
    let q = this.exports(db).where('e.tenant_id', '=', tenantId);
    if (f.userId) q = q.where('e.created_by', '=', f.userId);
    let c = db.selectFrom('evidence_exports').where('tenant_id', '=', tenantId);
    if (f.userId) c = c.where('created_by', '=', f.userId);
    const [items, total] = await Promise.all([q.orderBy('e.created_at', 'desc').limit(f.limit).offset(f.offset).execute(), c.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()]);
    return { items: items as ExportRow[], total: Number(total.n) };
  }

  async setExportProgress(db: Executor, id: string, progress: number): Promise<void> {
    await db.updateTable('evidence_exports').set({ status: 'running', progress }).where('id', '=', id).where('status', 'in', ['queued', 'running']).execute();
  }

  async setExportHolds(db: Executor, id: string, holdIds: string[]): Promise<void> {
    await db.updateTable('evidence_exports').set({ hold_ids: holdIds }).where('id', '=', id).execute();
  }

  async finishExport(db: Executor, id: string, v: { files: ExportFileRecord[]; gaps: ExportRow['gaps']; at: Date }): Promise<void> {
    await db.updateTable('evidence_exports').set({ status: 'done', progress: 1, files: JSON.stringify(v.files), gaps: JSON.stringify(v.gaps), finished_at: v.at }).where('id', '=', id).execute();
  }

  async failExport(db: Executor, id: string, error: string, at: Date): Promise<void> {
    await db.updateTable('evidence_exports').set({ status: 'failed', error, finished_at: at }).where('id', '=', id).execute();
  }

  /** Exports a stopped process left unfinished (all tenants: called at start). */
  async failUnfinished(db: Executor, at: Date): Promise<string[]> {
    const rows = await db.updateTable('evidence_exports').set({ status: 'failed', error: 'interrupted', finished_at: at }).where('status', 'in', ['queued', 'running']).returning('id').execute();
    return rows.map((r) => r.id);
  }

  /** Code and name of the tenant's cameras with these ids (export file names and manifest). */
  async cameraLabels(db: Executor, tenantId: string, ids: string[]): Promise<{ id: string; code: string; name: string }[]> {
    if (ids.length === 0) return [];
    return db.selectFrom('cameras').select(['id', 'code', 'name']).where('tenant_id', '=', tenantId).where('id', 'in', ids).execute();
  }

  // ── signing key ──
  async signingKey(db: Executor, purpose: string) {
    return db.selectFrom('signing_keys').selectAll().where('purpose', '=', purpose).executeTakeFirst();
  }

  /** Stores a key unless one exists already (two processes may race: the first wins). */
  async insertSigningKey(db: Executor, v: { purpose: string; publicKey: string; privateKeyEnc: string }): Promise<void> {
    await db.insertInto('signing_keys').values({ purpose: v.purpose, public_key: v.publicKey, private_key_enc: v.privateKeyEnc }).onConflict((oc) => oc.column('purpose').doNothing()).execute();
  }

  // ── storage ──
  /** Per visible camera: bytes and recordings (trigger-kept totals), oldest recording, bytes under active holds. */
  async storage(db: Executor, tenantId: string, cameraIds: string[]): Promise<StorageRow[]> {
    if (cameraIds.length === 0) return [];
    const rows = await db
      .selectFrom('cameras as c')
      .leftJoin('recording_totals as t', 't.camera_id', 'c.id')
      .where('c.tenant_id', '=', tenantId)
      .where('c.id', 'in', cameraIds)
      .select([
        'c.id as camera_id',
        'c.name',
        'c.code',
        'c.region_code',
        'c.retention_days',
        sql<number>`coalesce(t.bytes, 0)`.as('bytes'),
        sql<number>`coalesce(t.recordings, 0)`.as('recordings'),
        // one index probe per camera
        sql<Date | null>`(select min(r.start_time) from recordings r where r.camera_id = c.id and r.stream = 'main')`.as('oldest'),
        // only recordings under a hold are visited (a recording lasts at most ~2 minutes)
        sql<number>`(select coalesce(sum(r.bytes), 0) from recordings r where r.id in (
          select r2.id from evidence_holds h join recordings r2 on r2.camera_id = h.camera_id
            and r2.start_time > h.start_time - interval '3 minutes' and r2.start_time < h.end_time and r2.end_time > h.start_time
          where h.camera_id = c.id and h.released_at is null))`.as('held_bytes'),
      ])
      .orderBy('c.name')
      .execute();
    return rows.map((r) => ({ ...r, bytes: Number(r.bytes), recordings: Number(r.recordings), held_bytes: Number(r.held_bytes), oldest: r.oldest === null ? null : new Date(r.oldest) }));
  }

  async setRetention(db: Executor, tenantId: string, cameraId: string, days: number | null): Promise<boolean> {
    const r = await db.updateTable('cameras').set({ retention_days: days }).where('tenant_id', '=', tenantId).where('id', '=', cameraId).executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  async regionNames(db: Executor, codes: string[]): Promise<Map<string, string>> {
    if (codes.length === 0) return new Map();
    const rows = await db.selectFrom('regions').select(['code', 'name']).where('code', 'in', codes).execute();
    return new Map(rows.map((r) => [r.code, r.name]));
  }
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
