import type { Executor } from '../../platform/db/database.ts';

/** The one read the stand-in access rule needs. */
export class HlsRepository {
  /**
   * A camera's visibility tier, or null when there is no such camera. By id alone: camera ids are
   * UUIDs unique across tenants, and the HLS path carries no tenant.
   */
  async visibilityOf(db: Executor, cameraId: string): Promise<'internal' | 'pimpinan' | 'public' | null> {
    const row = await db.selectFrom('cameras').select('visibility').where('id', '=', cameraId).where('enabled', '=', true).executeTakeFirst();
    return row?.visibility ?? null;
  }
}
