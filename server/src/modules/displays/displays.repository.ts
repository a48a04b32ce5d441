import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { DisplayTables } from '../../platform/db/schema-displays.ts';

export type DisplayRow = Selectable<DisplayTables['displays']>;
export type DisplayPatch = Updateable<DisplayTables['displays']>;
export type SceneRow = Selectable<DisplayTables['display_scenes']>;
export type PlaylistRow = Selectable<DisplayTables['display_playlists']>;
export type PairingRow = Selectable<DisplayTables['display_pairings']>;

/** SQL of the displays module; every read of tenant data takes the tenant. */
export class DisplaysRepository {
  // ---- pairings (no tenant yet: the screen does not know whose it will be)
  async deleteStalePairings(db: Executor, before: Date): Promise<void> {
    await db.deleteFrom('display_pairings').where('expires_at', '<', before).where('display_id', 'is', null).execute();
  }

  insertPairing(db: Executor, v: { code: string; secretHash: string; expiresAt: Date }): Promise<PairingRow> {
    return db.insertInto('display_pairings').values({ code: v.code, secret_hash: v.secretHash, expires_at: v.expiresAt }).returningAll().executeTakeFirstOrThrow();
  }

  async codeInUse(db: Executor, code: string): Promise<boolean> {
    return !!(await db.selectFrom('display_pairings').select('id').where('code', '=', code).executeTakeFirst());
  }

  findPairing(db: Executor, id: string): Promise<PairingRow | undefined> {
    return db.selectFrom('display_pairings').selectAll().where('id', '=', id).executeTakeFirst();
  }

  findPairingByCodeForUpdate(db: Executor, code: string): Promise<PairingRow | undefined> {
    return db.selectFrom('display_pairings').selectAll().where('code', '=', code).forUpdate().executeTakeFirst();
  }

  async attachPairing(db: Executor, id: string, displayId: string): Promise<void> {
    await db.updateTable('display_pairings').set({ display_id: displayId }).where('id', '=', id).execute();
  }

  /** Marks the token as handed out; false if it already was (a second poll gets nothing). */
  async claimToken(db: Executor, id: string): Promise<boolean> {
    const r = await db.updateTable('display_pairings').set({ token_issued: true }).where('id', '=', id).where('token_issued', '=', false).executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  // ---- displays
  listDisplays(db: Executor, tenantId: string): Promise<DisplayRow[]> {
    return db.selectFrom('displays').selectAll().where('tenant_id', '=', tenantId).orderBy('name').orderBy('id').execute();
  }

  findDisplay(db: Executor, tenantId: string, id: string): Promise<DisplayRow | undefined> {
    return db.selectFrom('displays').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
  }

  /** The active display holding this token hash, whatever its tenant (the token names it). */
  findActiveByTokenHash(db: Executor, hash: string): Promise<DisplayRow | undefined> {
    return db.selectFrom('displays').selectAll().where('token_hash', '=', hash).where('state', '=', 'active').executeTakeFirst();
  }

  /** An active display by id alone: the kiosk side knows its display, not a tenant from a session. */
  findActiveById(db: Executor, id: string): Promise<DisplayRow | undefined> {
    return db.selectFrom('displays').selectAll().where('id', '=', id).where('state', '=', 'active').executeTakeFirst();
  }

  insertDisplay(db: Executor, v: Insertable<DisplayTables['displays']>): Promise<DisplayRow> {
    return db.insertInto('displays').values(v).returningAll().executeTakeFirstOrThrow();
  }

  updateDisplay(db: Executor, tenantId: string, id: string, patch: DisplayPatch): Promise<DisplayRow | undefined> {
    return db.updateTable('displays').set({ ...patch, updated_at: new Date() }).where('tenant_id', '=', tenantId).where('id', '=', id).returningAll().executeTakeFirst();
  }

  async setToken(db: Executor, id: string, hash: string): Promise<void> {
    await db.updateTable('displays').set({ token_hash: hash }).where('id', '=', id).execute();
  }

  async touchLastSeen(db: Executor, id: string, at: Date): Promise<void> {
    await db.updateTable('displays').set({ last_seen_at: at }).where('id', '=', id).execute();
  }

  async playlistInUse(db: Executor, tenantId: string, playlistId: string): Promise<boolean> {
    return !!(await db.selectFrom('displays').select('id').where('tenant_id', '=', tenantId).where('playlist_id', '=', playlistId).where('state', '=', 'active').executeTakeFirst());
  }

  // ---- scenes
  listScenes(db: Executor, tenantId: string): Promise<SceneRow[]> {
    return db.selectFrom('display_scenes').selectAll().where('tenant_id', '=', tenantId).orderBy('name').execute();
  }

  findScene(db: Executor, tenantId: string, id: string): Promise<SceneRow | undefined> {
    return db.selectFrom('display_scenes').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
  }

  async findScenes(db: Executor, tenantId: string, ids: string[]): Promise<SceneRow[]> {
    if (ids.length === 0) return [];
    return db.selectFrom('display_scenes').selectAll().where('tenant_id', '=', tenantId).where('id', 'in', ids).execute();
  }

  async sceneNameTaken(db: Executor, tenantId: string, name: string, exceptId?: string): Promise<boolean> {
    let q = db.selectFrom('display_scenes').select('id').where('tenant_id', '=', tenantId).where('name', '=', name);
    if (exceptId) q = q.where('id', '!=', exceptId);
    return !!(await q.executeTakeFirst());
  }

  insertScene(db: Executor, v: { tenantId: string; name: string; layout: string; tiles: unknown[]; ticker: string[] }): Promise<SceneRow> {
    return db.insertInto('display_scenes').values({ tenant_id: v.tenantId, name: v.name, layout: v.layout, tiles: JSON.stringify(v.tiles), ticker: JSON.stringify(v.ticker) }).returningAll().executeTakeFirstOrThrow();
  }

  updateScene(db: Executor, tenantId: string, id: string, v: { name: string; layout: string; tiles: unknown[]; ticker: string[] }): Promise<SceneRow | undefined> {
    return db
      .updateTable('display_scenes')
      .set({ name: v.name, layout: v.layout, tiles: JSON.stringify(v.tiles), ticker: JSON.stringify(v.ticker), updated_at: new Date() })
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
  }

  async deleteScene(db: Executor, tenantId: string, id: string): Promise<boolean> {
    const r = await db.deleteFrom('display_scenes').where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }

  /** Whether any playlist of the tenant plays this scene (jsonb containment on the items array). */
  async sceneInUse(db: Executor, tenantId: string, sceneId: string): Promise<boolean> {
    const probe = JSON.stringify([{ sceneId }]);
    return !!(await db.selectFrom('display_playlists').select('id').where('tenant_id', '=', tenantId).where(sql<boolean>`items @> ${probe}::jsonb`).executeTakeFirst());
  }

  // ---- playlists
  listPlaylists(db: Executor, tenantId: string): Promise<PlaylistRow[]> {
    return db.selectFrom('display_playlists').selectAll().where('tenant_id', '=', tenantId).orderBy('name').execute();
  }

  findPlaylist(db: Executor, tenantId: string, id: string): Promise<PlaylistRow | undefined> {
    return db.selectFrom('display_playlists').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
  }

  async playlistNameTaken(db: Executor, tenantId: string, name: string, exceptId?: string): Promise<boolean> {
    let q = db.selectFrom('display_playlists').select('id').where('tenant_id', '=', tenantId).where('name', '=', name);
    if (exceptId) q = q.where('id', '!=', exceptId);
    return !!(await q.executeTakeFirst());
  }

  insertPlaylist(db: Executor, v: { tenantId: string; name: string; items: unknown[] }): Promise<PlaylistRow> {
    return db.insertInto('display_playlists').values({ tenant_id: v.tenantId, name: v.name, items: JSON.stringify(v.items) }).returningAll().executeTakeFirstOrThrow();
  }

  updatePlaylist(db: Executor, tenantId: string, id: string, v: { name: string; items: unknown[] }): Promise<PlaylistRow | undefined> {
    return db.updateTable('display_playlists').set({ name: v.name, items: JSON.stringify(v.items), updated_at: new Date() }).where('tenant_id', '=', tenantId).where('id', '=', id).returningAll().executeTakeFirst();
  }

  async deletePlaylist(db: Executor, tenantId: string, id: string): Promise<boolean> {
    const r = await db.deleteFrom('display_playlists').where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }

  async tenantRegion(db: Executor, tenantId: string): Promise<string | null> {
    return (await db.selectFrom('tenants').select('region_code').where('id', '=', tenantId).executeTakeFirst())?.region_code ?? null;
  }

  // ---- what displays show from other modules' tables (read-only, like recordings' camera labels)
  async camerasByIds(db: Executor, tenantId: string, ids: string[]): Promise<{ id: string; name: string; visibility: string; enabled: boolean }[]> {
    if (ids.length === 0) return [];
    return db.selectFrom('cameras').select(['id', 'name', 'visibility', 'enabled']).where('tenant_id', '=', tenantId).where('id', 'in', ids).execute();
  }

  /** Open incidents for the map tile: position, category label and status only. */
  openIncidents(db: Executor, tenantId: string, statuses: readonly string[], limit: number) {
    return db
      .selectFrom('incidents as i')
      .leftJoin('incident_categories as c', (j) => j.onRef('c.tenant_id', '=', 'i.tenant_id').onRef('c.code', '=', 'i.category_code'))
      .select(['i.lat', 'i.lng', 'i.status', 'i.category_code', 'c.name as category_name'])
      .where('i.tenant_id', '=', tenantId)
      .where('i.status', 'in', [...statuses])
      .orderBy('i.created_at', 'desc')
      .limit(limit)
      .execute();
  }
}
