import type { WallLayout, WallLayoutInput, WallTour, WallTourInput } from '@pantau/shared';
import type { Db } from '../../platform/db/database.ts';
import type { Actor } from '../../platform/authz/actor.ts';
import type { Policy } from '../../platform/authz/policy.ts';
import { conflict, DomainError, notFound } from '../../platform/http/errors.ts';
import type { AuditWriter } from '../audit/index.ts';
import type { CamerasService } from '../cameras/index.ts';
import { WallsRepository, type LayoutRow, type TourRow } from './walls.repository.ts';

const presentLayout = (r: LayoutRow): WallLayout => ({ id: r.id, name: r.name, grid: r.grid, cells: r.cells, createdAt: r.created_at.toISOString(), updatedAt: r.updated_at.toISOString() });
const presentTour = (r: TourRow): WallTour => ({ id: r.id, name: r.name, dwellSeconds: r.dwell_seconds, layoutIds: r.layout_ids, createdAt: r.created_at.toISOString(), updatedAt: r.updated_at.toISOString() });

/** A user's own video wall layouts and tours. */
export class WallsService {
  private readonly repo = new WallsRepository();
  constructor(
    private readonly db: Db,
    private readonly policy: Policy,
    private readonly audit: AuditWriter,
    private readonly cameras: CamerasService,
  ) {}

  async listLayouts(actor: Actor): Promise<WallLayout[]> {
    this.policy.authorize(actor, 'wall.manage');
    return (await this.repo.listLayouts(this.db, actor.tenantId, this.userOf(actor))).map(presentLayout);
  }

  async createLayout(actor: Actor, input: WallLayoutInput): Promise<WallLayout> {
    this.policy.authorize(actor, 'wall.manage');
    const userId = this.userOf(actor);
    await this.checkCameras(actor, input.cells);
    return this.db.transaction().execute(async (tx) => {
      if (await this.repo.layoutNameTaken(tx, userId, input.name)) throw conflict(`Tata letak "${input.name}" sudah ada`, [{ path: 'body.name', message: 'sudah dipakai' }]);
      const row = await this.repo.insertLayout(tx, { tenantId: actor.tenantId, userId, ...input });
      await this.audit.record(tx, actor, { action: 'wall.layout.create', targetType: 'wall_layout', targetId: row.id, details: { name: row.name, grid: row.grid } });
      return presentLayout(row);
    });
  }

  async updateLayout(actor: Actor, id: string, input: Partial<WallLayoutInput>): Promise<WallLayout> {
    this.policy.authorize(actor, 'wall.manage');
    const userId = this.userOf(actor);
    if (input.cells) await this.checkCameras(actor, input.cells);
    return this.db.transaction().execute(async (tx) => {
      if (input.name && (await this.repo.layoutNameTaken(tx, userId, input.name, id))) throw conflict(`Tata letak "${input.name}" sudah ada`, [{ path: 'body.name', message: 'sudah dipakai' }]);
      const row = await this.repo.updateLayout(tx, actor.tenantId, userId, id, input);
      if (!row) throw notFound('Tata letak');
      await this.audit.record(tx, actor, { action: 'wall.layout.update', targetType: 'wall_layout', targetId: id, details: { name: row.name, grid: row.grid } });
      return presentLayout(row);
    });
  }

  async deleteLayout(actor: Actor, id: string): Promise<void> {
    this.policy.authorize(actor, 'wall.manage');
    await this.db.transaction().execute(async (tx) => {
      if (!(await this.repo.deleteLayout(tx, actor.tenantId, this.userOf(actor), id))) throw notFound('Tata letak');
      await this.audit.record(tx, actor, { action: 'wall.layout.delete', targetType: 'wall_layout', targetId: id });
    });
  }

  async listTours(actor: Actor): Promise<WallTour[]> {
    this.policy.authorize(actor, 'wall.manage');
    return (await this.repo.listTours(this.db, actor.tenantId, this.userOf(actor))).map(presentTour);
  }

  async createTour(actor: Actor, input: WallTourInput): Promise<WallTour> {
    this.policy.authorize(actor, 'wall.manage');
    const userId = this.userOf(actor);
    await this.checkLayouts(actor, input.layoutIds);
    return this.db.transaction().execute(async (tx) => {
      if (await this.repo.tourNameTaken(tx, userId, input.name)) throw conflict(`Tur "${input.name}" sudah ada`, [{ path: 'body.name', message: 'sudah dipakai' }]);
      const row = await this.repo.insertTour(tx, { tenantId: actor.tenantId, userId, ...input });
      await this.audit.record(tx, actor, { action: 'wall.tour.create', targetType: 'wall_tour', targetId: row.id, details: { name: row.name } });
      return presentTour(row);
    });
  }

  async updateTour(actor: Actor, id: string, input: Partial<WallTourInput>): Promise<WallTour> {
    this.policy.authorize(actor, 'wall.manage');
    const userId = this.userOf(actor);
    if (input.layoutIds) await this.checkLayouts(actor, input.layoutIds);
    return this.db.transaction().execute(async (tx) => {
      if (input.name && (await this.repo.tourNameTaken(tx, userId, input.name, id))) throw conflict(`Tur "${input.name}" sudah ada`);
      const row = await this.repo.updateTour(tx, actor.tenantId, userId, id, input);
      if (!row) throw notFound('Tur');
      await this.audit.record(tx, actor, { action: 'wall.tour.update', targetType: 'wall_tour', targetId: id, details: { name: row.name } });
      return presentTour(row);
    });
  }

  async deleteTour(actor: Actor, id: string): Promise<void> {
    this.policy.authorize(actor, 'wall.manage');
    await this.db.transaction().execute(async (tx) => {
      if (!(await this.repo.deleteTour(tx, actor.tenantId, this.userOf(actor), id))) throw notFound('Tur');
      await this.audit.record(tx, actor, { action: 'wall.tour.delete', targetType: 'wall_tour', targetId: id });
    });
  }

  private userOf(actor: Actor): string {
    if (!actor.userId) throw new DomainError('forbidden', 'Tata letak dinding video milik pengguna');
    return actor.userId;
  }

  /** A layout may hold only cameras the user can see; a hidden id reads as unknown. */
  private async checkCameras(actor: Actor, cells: (string | null)[]): Promise<void> {
    const visible = new Set((await this.cameras.markers(actor, {})).map((m) => m.id));
    const bad = cells.flatMap((c, i) => (c && !visible.has(c) ? [{ path: `body.cells.${i}`, message: 'kamera tidak dikenal' }] : []));
    if (bad.length) throw new DomainError('validation_failed', 'Masukan tidak valid', bad);
  }

  private async checkLayouts(actor: Actor, ids: string[]): Promise<void> {
    const own = new Set((await this.repo.listLayouts(this.db, actor.tenantId, this.userOf(actor))).map((l) => l.id));
    const bad = ids.flatMap((id, i) => (own.has(id) ? [] : [{ path: `body.layoutIds.${i}`, message: 'tata letak tidak dikenal' }]));
    if (bad.length) throw new DomainError('validation_failed', 'Masukan tidak valid', bad);
  }
}
