import { playlistInputSchema, sceneInputSchema, type Playlist, type PlaylistInput, type Scene, type SceneInput } from '@pantau/shared';
import type { Db } from '../../platform/db/database.ts';
import type { Actor } from '../../platform/authz/actor.ts';
import type { Policy } from '../../platform/authz/policy.ts';
import { conflict, DomainError, notFound } from '../../platform/http/errors.ts';
import type { AuditWriter } from '../audit/index.ts';
import { DisplaysRepository } from './displays.repository.ts';
import type { DisplayHub } from './displays.hub.ts';
import { presentPlaylist, presentScene } from './displays.present.ts';
import { checkCameras } from './displays.checks.ts';

/** Scenes (tiles in a layout) and playlists (scenes on a schedule), shared by the tenant's displays. */
export class DisplayContentService {
  private readonly repo = new DisplaysRepository();
  constructor(
    private readonly db: Db,
    private readonly policy: Policy,
    private readonly audit: AuditWriter,
    private readonly hub: DisplayHub,
  ) {}

  async listScenes(actor: Actor): Promise<Scene[]> {
    this.policy.authorize(actor, 'display.read');
    return (await this.repo.listScenes(this.db, actor.tenantId)).map(presentScene);
  }

  async getScene(actor: Actor, id: string): Promise<Scene> {
    this.policy.authorize(actor, 'display.read');
    const r = await this.repo.findScene(this.db, actor.tenantId, id);
    if (!r) throw notFound('Adegan');
    return presentScene(r);
  }

  /** Creates (id null) or replaces a scene. */
  async saveScene(actor: Actor, id: string | null, raw: SceneInput): Promise<Scene> {
    this.policy.authorize(actor, 'display.manage');
    const input = sceneInputSchema.parse(raw);
    // camera ids with their tile position, so an error points at the right field
    const refs = input.tiles.flatMap((t, ti) => (t.kind === 'cameras' ? t.cameraIds.map((c, ci) => ({ c, path: `body.tiles.${ti}.cameraIds.${ci}` })) : []));
    await checkCameras(this.db, this.repo, actor.tenantId, refs.map((r) => r.c), (i) => refs[i]!.path);
    const row = await this.db.transaction().execute(async (tx) => {
      if (await this.repo.sceneNameTaken(tx, actor.tenantId, input.name, id ?? undefined)) throw conflict(`Adegan "${input.name}" sudah ada`, [{ path: 'body.name', message: 'sudah dipakai' }]);
      const r = id ? await this.repo.updateScene(tx, actor.tenantId, id, input) : await this.repo.insertScene(tx, { tenantId: actor.tenantId, ...input });
      if (!r) throw notFound('Adegan');
      await this.audit.record(tx, actor, { action: id ? 'display.scene.update' : 'display.scene.create', targetType: 'display_scene', targetId: r.id, details: { name: r.name, layout: r.layout } });
      return r;
    });
    if (id) this.hub.emit({ tenantId: actor.tenantId, displayIds: null });
    return presentScene(row);
  }

  async deleteScene(actor: Actor, id: string): Promise<void> {
    this.policy.authorize(actor, 'display.manage');
    await this.db.transaction().execute(async (tx) => {
      if (!(await this.repo.findScene(tx, actor.tenantId, id))) throw notFound('Adegan');
      if (await this.repo.sceneInUse(tx, actor.tenantId, id)) throw conflict('Adegan masih dipakai dalam daftar putar');
      await this.repo.deleteScene(tx, actor.tenantId, id);
      await this.audit.record(tx, actor, { action: 'display.scene.delete', targetType: 'display_scene', targetId: id });
    });
    // a display that was pushed this scene returns to its playlist
    this.hub.emit({ tenantId: actor.tenantId, displayIds: null });
  }

  async listPlaylists(actor: Actor): Promise<Playlist[]> {
    this.policy.authorize(actor, 'display.read');
    return (await this.repo.listPlaylists(this.db, actor.tenantId)).map(presentPlaylist);
  }

  async getPlaylist(actor: Actor, id: string): Promise<Playlist> {
    this.policy.authorize(actor, 'display.read');
    const r = await this.repo.findPlaylist(this.db, actor.tenantId, id);
    if (!r) throw notFound('Daftar putar');
    return presentPlaylist(r);
  }

  /** Creates (id null) or replaces a playlist; every scene must be the tenant's. */
  async savePlaylist(actor: Actor, id: string | null, raw: PlaylistInput): Promise<Playlist> {
    this.policy.authorize(actor, 'display.manage');
    const input = playlistInputSchema.parse(raw);
    const known = new Set((await this.repo.findScenes(this.db, actor.tenantId, [...new Set(input.items.map((i) => i.sceneId))])).map((s) => s.id));
    const bad = input.items.flatMap((it, i) => (known.has(it.sceneId) ? [] : [{ path: `body.items.${i}.sceneId`, message: 'adegan tidak dikenal' }]));
    if (bad.length) throw new DomainError('validation_failed', 'Masukan tidak valid', bad);
    const row = await this.db.transaction().execute(async (tx) => {
      if (await this.repo.playlistNameTaken(tx, actor.tenantId, input.name, id ?? undefined)) throw conflict(`Daftar putar "${input.name}" sudah ada`, [{ path: 'body.name', message: 'sudah dipakai' }]);
      const r = id ? await this.repo.updatePlaylist(tx, actor.tenantId, id, input) : await this.repo.insertPlaylist(tx, { tenantId: actor.tenantId, ...input });
      if (!r) throw notFound('Daftar putar');
      await this.audit.record(tx, actor, { action: id ? 'display.playlist.update' : 'display.playlist.create', targetType: 'display_playlist', targetId: r.id, details: { name: r.name, items: input.items.length } });
      return r;
    });
    if (id) this.hub.emit({ tenantId: actor.tenantId, displayIds: null });
    return presentPlaylist(row);
  }

  async deletePlaylist(actor: Actor, id: string): Promise<void> {
    this.policy.authorize(actor, 'display.manage');
    await this.db.transaction().execute(async (tx) => {
      if (!(await this.repo.findPlaylist(tx, actor.tenantId, id))) throw notFound('Daftar putar');
      if (await this.repo.playlistInUse(tx, actor.tenantId, id)) throw conflict('Daftar putar masih dipakai oleh layar');
      await this.repo.deletePlaylist(tx, actor.tenantId, id);
      await this.audit.record(tx, actor, { action: 'display.playlist.delete', targetType: 'display_playlist', targetId: id });
    });
  }
}
