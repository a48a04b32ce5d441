/**
 * Bookmarks (an operator marks a moment with a note) and evidence holds (a range retention must
 * keep until an administrator releases it). Both are scoped to the cameras the actor may see.
 */
import type { Bookmark, BookmarkInput, Hold, HoldInput } from '@pantau/shared';
import { bookmarkInputSchema, holdInputSchema } from '@pantau/shared';
import type { Db, Executor } from '../../platform/db/database.ts';
import type { Actor } from '../../platform/authz/actor.ts';
import type { Policy } from '../../platform/authz/policy.ts';
import { conflict, forbidden, notFound } from '../../platform/http/errors.ts';
import type { AuditWriter } from '../audit/index.ts';
import type { CamerasService } from '../cameras/index.ts';
import { RecordingsRepository, type BookmarkRow, type HoldRow } from './recordings.repository.ts';

const iso = (d: Date | null): string | null => (d === null ? null : d.toISOString());

export const presentBookmark = (r: BookmarkRow): Bookmark => ({
  id: r.id,
  cameraId: r.camera_id,
  cameraName: r.camera_name,
  start: r.start_time.toISOString(),
  end: iso(r.end_time),
  note: r.note,
  createdBy: r.created_by_name,
  createdAt: r.created_at.toISOString(),
});

export const presentHold = (r: HoldRow): Hold => ({
  id: r.id,
  cameraId: r.camera_id,
  cameraName: r.camera_name ?? '(kamera dihapus)',
  start: r.start_time.toISOString(),
  end: r.end_time.toISOString(),
  reason: r.reason,
  caseNumber: r.case_number,
  createdBy: r.created_by_name ?? 'sistem',
  createdAt: r.created_at.toISOString(),
  releasedAt: iso(r.released_at),
  releasedBy: r.released_by_name,
  releaseReason: r.release_reason,
});

export class EvidenceService {
  private readonly repo = new RecordingsRepository();
  constructor(
    private readonly db: Db,
    private readonly policy: Policy,
    private readonly audit: AuditWriter,
    private readonly cameras: CamerasService,
    private readonly now: () => Date,
  ) {}

  /** Ids of every camera the actor may see (bookmarks and holds are listed only for those). */
  private async visibleIds(actor: Actor, cameraId?: string): Promise<string[]> {
    if (cameraId) {
      await this.cameras.get(actor, cameraId);
      return [cameraId];
    }
    return (await this.cameras.markers(actor, {})).map((m) => m.id);
  }

  async listBookmarks(actor: Actor, f: { cameraId?: string; from?: string; to?: string; q?: string; limit: number; offset: number }): Promise<{ items: Bookmark[]; total: number }> {
    this.policy.authorize(actor, 'recording.view');
    const ids = await this.visibleIds(actor, f.cameraId);
    const r = await this.repo.listBookmarks(this.db, actor.tenantId, { cameraIds: ids, from: f.from ? new Date(f.from) : undefined, to: f.to ? new Date(f.to) : undefined, q: f.q, limit: f.limit, offset: f.offset });
    return { items: r.items.map(presentBookmark), total: r.total };
  }

  /** For the timeline: the camera is already checked by the caller. */
  async bookmarksOf(actor: Actor, cameraId: string, fromMs: number, toMs: number): Promise<Bookmark[]> {
    const r = await this.repo.listBookmarks(this.db, actor.tenantId, { cameraIds: [cameraId], from: new Date(fromMs), to: new Date(toMs), limit: 500, offset: 0 });
    return r.items.map(presentBookmark);
  }

  async holdsOf(actor: Actor, cameraId: string, fromMs: number, toMs: number): Promise<Hold[]> {
    return (await this.repo.listHolds(this.db, actor.tenantId, { cameraIds: [cameraId], active: true, from: new Date(fromMs), to: new Date(toMs) })).map(presentHold);
  }

  async createBookmark(actor: Actor, input: BookmarkInput): Promise<Bookmark> {
    this.policy.authorize(actor, 'bookmark.write');
    const v = bookmarkInputSchema.parse(input);
    await this.cameras.get(actor, v.cameraId);
    return this.db.transaction().execute(async (tx) => {
      const id = await this.repo.insertBookmark(tx, { tenantId: actor.tenantId, cameraId: v.cameraId, start: new Date(v.start), end: v.end ? new Date(v.end) : null, note: v.note, userId: this.userOf(actor) });
      await this.audit.record(tx, actor, { action: 'bookmark.create', targetType: 'camera', targetId: v.cameraId, details: { bookmarkId: id, start: v.start, end: v.end } });
      return presentBookmark((await this.repo.getBookmark(tx, actor.tenantId, id))!);
    });
  }

  /** The author or an administrator deletes a bookmark. */
  async deleteBookmark(actor: Actor, id: string): Promise<void> {
    this.policy.authorize(actor, 'bookmark.write');
    const row = await this.repo.getBookmark(this.db, actor.tenantId, id);
    if (!row) throw notFound('Penanda');
    await this.cameras.get(actor, row.camera_id);
    if (row.created_by !== actor.userId && actor.role !== 'admin') throw forbidden('Hanya pembuat penanda atau administrator yang dapat menghapusnya');
    await this.db.transaction().execute(async (tx) => {
      if (!(await this.repo.deleteBookmark(tx, actor.tenantId, id))) throw notFound('Penanda');
      await this.audit.record(tx, actor, { action: 'bookmark.delete', targetType: 'camera', targetId: row.camera_id, details: { bookmarkId: id } });
    });
  }

  async listHolds(actor: Actor, f: { cameraId?: string; active?: boolean }): Promise<Hold[]> {
    this.policy.authorize(actor, 'recording.view');
    const ids = await this.visibleIds(actor, f.cameraId);
    return (await this.repo.listHolds(this.db, actor.tenantId, { cameraIds: ids, active: f.active })).map(presentHold);
  }

  async createHold(actor: Actor, input: HoldInput): Promise<Hold> {
    this.policy.authorize(actor, 'evidence.hold');
    const v = holdInputSchema.parse(input);
    await this.cameras.get(actor, v.cameraId);
    return this.db.transaction().execute(async (tx) => {
      const id = await this.insertHold(tx, actor, { cameraId: v.cameraId, start: new Date(v.start), end: new Date(v.end), reason: v.reason, caseNumber: v.caseNumber, exportId: null });
      return presentHold((await this.repo.getHold(tx, actor.tenantId, id))!);
    });
  }

  /** Inserts and audits a hold inside the caller's transaction (exports hold their range too). */
  async insertHold(tx: Executor, actor: Actor, v: { cameraId: string; start: Date; end: Date; reason: string; caseNumber: string | null; exportId: string | null }): Promise<string> {
    const id = await this.repo.insertHold(tx, { tenantId: actor.tenantId, userId: actor.userId, ...v });
    await this.audit.record(tx, actor, { action: 'evidence.hold', targetType: 'camera', targetId: v.cameraId, details: { holdId: id, start: v.start.toISOString(), end: v.end.toISOString(), reason: v.reason, caseNumber: v.caseNumber, exportId: v.exportId } });
    return id;
  }

  async releaseHold(actor: Actor, id: string, reason: string): Promise<Hold> {
    this.policy.authorize(actor, 'evidence.release');
    const row = await this.repo.getHold(this.db, actor.tenantId, id);
    if (!row) throw notFound('Penahanan barang bukti');
    return this.db.transaction().execute(async (tx) => {
      if (!(await this.repo.releaseHold(tx, actor.tenantId, id, actor.userId, reason, this.now()))) throw conflict('Penahanan ini sudah dilepas');
      await this.audit.record(tx, actor, { action: 'evidence.release', targetType: 'camera', targetId: row.camera_id, details: { holdId: id, reason } });
      return presentHold((await this.repo.getHold(tx, actor.tenantId, id))!);
    });
  }

  private userOf(actor: Actor): string {
    if (!actor.userId) throw forbidden('Tindakan ini memerlukan pengguna');
    return actor.userId;
  }
}
