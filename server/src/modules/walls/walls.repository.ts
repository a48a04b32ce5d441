import type { Selectable } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { WallLayoutsTable, WallToursTable } from '../../platform/db/schema.ts';

export type LayoutRow = Selectable<WallLayoutsTable>;
export type TourRow = Selectable<WallToursTable>;

/** Layouts and tours belong to one user of one tenant; every method takes both. */
export class WallsRepository {
  listLayouts(db: Executor, tenantId: string, userId: string): Promise<LayoutRow[]> {
    return db.selectFrom('wall_layouts').selectAll().where('tenant_id', '=', tenantId).where('user_id', '=', userId).orderBy('name').execute();
  }

  findLayout(db: Executor, tenantId: string, userId: string, id: string): Promise<LayoutRow | undefined> {
    return db.selectFrom('wall_layouts').selectAll().where('tenant_id', '=', tenantId).where('user_id', '=', userId).where('id', '=', id).executeTakeFirst();
  }

  async layoutNameTaken(db: Executor, userId: string, name: string, exceptId?: string): Promise<boolean> {
    let q = db.selectFrom('wall_layouts').select('id').where('user_id', '=', userId).where('name', '=', name);
    if (exceptId) q = q.where('id', '!=', exceptId);
    return !!(await q.executeTakeFirst());
  }

  insertLayout(db: Executor, v: { tenantId: string; userId: string; name: string; grid: number; cells: (string | null)[] }): Promise<LayoutRow> {
    return db.insertInto('wall_layouts').values({ tenant_id: v.tenantId, user_id: v.userId, name: v.name, grid: v.grid, cells: JSON.stringify(v.cells) }).returningAll().executeTakeFirstOrThrow();
  }

  updateLayout(db: Executor, tenantId: string, userId: string, id: string, v: { name?: string; grid?: number; cells?: (string | null)[] }): Promise<LayoutRow | undefined> {
    return db
      .updateTable('wall_layouts')
      .set({ ...(v.name !== undefined ? { name: v.name } : {}), ...(v.grid !== undefined ? { grid: v.grid } : {}), ...(v.cells !== undefined ? { cells: JSON.stringify(v.cells) } : {}), updated_at: new Date() })
      .where('tenant_id', '=', tenantId)
      .where('user_id', '=', userId)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
  }

  async deleteLayout(db: Executor, tenantId: string, userId: string, id: string): Promise<boolean> {
    const r = await db.deleteFrom('wall_layouts').where('tenant_id', '=', tenantId).where('user_id', '=', userId).where('id', '=', id).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }

  listTours(db: Executor, tenantId: string, userId: string): Promise<TourRow[]> {
    return db.selectFrom('wall_tours').selectAll().where('tenant_id', '=', tenantId).where('user_id', '=', userId).orderBy('name').execute();
  }

  async tourNameTaken(db: Executor, userId: string, name: string, exceptId?: string): Promise<boolean> {
    let q = db.selectFrom('wall_tours').select('id').where('user_id', '=', userId).where('name', '=', name);
    if (exceptId) q = q.where('id', '!=', exceptId);
    return !!(await q.executeTakeFirst());
  }

  insertTour(db: Executor, v: { tenantId: string; userId: string; name: string; dwellSeconds: number; layoutIds: string[] }): Promise<TourRow> {
    return db.insertInto('wall_tours').values({ tenant_id: v.tenantId, user_id: v.userId, name: v.name, dwell_seconds: v.dwellSeconds, layout_ids: JSON.stringify(v.layoutIds) }).returningAll().executeTakeFirstOrThrow();
  }

  updateTour(db: Executor, tenantId: string, userId: string, id: string, v: { name?: string; dwellSeconds?: number; layoutIds?: string[] }): Promise<TourRow | undefined> {
    return db
      .updateTable('wall_tours')
      .set({ ...(v.name !== undefined ? { name: v.name } : {}), ...(v.dwellSeconds !== undefined ? { dwell_seconds: v.dwellSeconds } : {}), ...(v.layoutIds !== undefined ? { layout_ids: JSON.stringify(v.layoutIds) } : {}), updated_at: new Date() })
      .where('tenant_id', '=', tenantId)
      .where('user_id', '=', userId)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
  }

  async deleteTour(db: Executor, tenantId: string, userId: string, id: string): Promise<boolean> {
    const r = await db.deleteFrom('wall_tours').where('tenant_id', '=', tenantId).where('user_id', '=', userId).where('id', '=', id).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }
}
