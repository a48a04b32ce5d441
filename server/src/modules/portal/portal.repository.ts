import { sql, type ExpressionBuilder } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { Database } from '../../platform/db/schema.ts';

const escapeLike = (s: string) => s.replace(/[%_\\]/g, '\\$&');

/**
 * What a portal viewer may see of the camera registry: `public` cameras of the tenant, plus
 * `pimpinan` ones within `pimpinanRegions` (empty list: the whole tenant) when the viewer is an
 * official. `internal` is never in this clause, whoever asks.
 */
export interface PortalScope {
  tenantId: string;
  pimpinan: { regionCodes: string[] } | null;
}

/** The columns a citizen may know; code, address, URLs, credentials and owner are never selected. */
const PUBLIC_COLUMNS = ['cameras.id', 'cameras.name', 'cameras.region_code', 'cameras.category', 'cameras.lat', 'cameras.lng', 'cameras.status', 'cameras.enabled', 'cameras.visibility'] as const;

function inRegions(eb: ExpressionBuilder<Database, 'cameras'>, codes: string[]) {
  return eb.or(codes.flatMap((r) => [eb('cameras.region_code', '=', r), eb('cameras.region_code', 'like', `${escapeLike(r)}.%`)]));
}

function visibleTo(s: PortalScope) {
  return (eb: ExpressionBuilder<Database, 'cameras'>) => {
    const tiers = [eb('cameras.visibility', '=', 'public')];
    if (s.pimpinan) {
      const official = eb('cameras.visibility', '=', 'pimpinan');
      tiers.push(s.pimpinan.regionCodes.length ? eb.and([official, inRegions(eb, s.pimpinan.regionCodes)]) : official);
    }
    return eb.and([eb('cameras.tenant_id', '=', s.tenantId), eb.or(tiers)]);
  };
}

export type PortalCameraRow = Awaited<ReturnType<PortalRepository['list']>>[number];

/** The portal's reads and its one write (takedown) on the camera registry. */
export class PortalRepository {
  list(db: Executor, s: PortalScope, f: { region?: string; category?: string; q?: string }) {
    let q = db
      .selectFrom('cameras')
      .leftJoin('regions', 'regions.code', 'cameras.region_code')
      .where(visibleTo(s))
      .select([...PUBLIC_COLUMNS, 'regions.name as region_name']);
    if (f.region) q = q.where((eb) => inRegions(eb, [f.region!]));
    if (f.category) q = q.where('cameras.category', '=', f.category);
    // names only: searching codes or addresses would let the public probe them
    if (f.q) q = q.where('cameras.name', 'ilike', `%${escapeLike(f.q)}%`);
    return q.orderBy('cameras.name').orderBy('cameras.id').limit(5000).execute();
  }

  find(db: Executor, s: PortalScope, id: string) {
    return db
      .selectFrom('cameras')
      .leftJoin('regions', 'regions.code', 'cameras.region_code')
      .where(visibleTo(s))
      .where('cameras.id', '=', id)
      .select([...PUBLIC_COLUMNS, 'regions.name as region_name'])
      .executeTakeFirst();
  }

  /** Tenant, visibility and region of any camera, for stream access decisions (never shown). */
  accessFacts(db: Executor, id: string) {
    return db.selectFrom('cameras').select(['tenant_id', 'visibility', 'region_code', 'enabled']).where('id', '=', id).executeTakeFirst();
  }

  /** Locks the camera row within the actor's tenant (the caller checks the region scope). */
  lockCamera(db: Executor, tenantId: string, id: string) {
    return db.selectFrom('cameras').select(['id', 'visibility', 'region_code', 'name']).where('tenant_id', '=', tenantId).where('id', '=', id).forUpdate().executeTakeFirst();
  }

  async setVisibility(db: Executor, tenantId: string, id: string, visibility: 'internal'): Promise<void> {
    await db.updateTable('cameras').set({ visibility, updated_at: sql<Date>`now()` }).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
  }

  tenantById(db: Executor, id: string) {
    return db.selectFrom('tenants').select(['id', 'slug', 'name']).where('id', '=', id).executeTakeFirst();
  }

  /** Region names of codes (for the filter list). */
  regionNames(db: Executor, codes: string[]) {
    if (!codes.length) return Promise.resolve([]);
    return db.selectFrom('regions').select(['code', 'name']).where('code', 'in', codes).execute();
  }
}

/** A signed-in official's display name, for the portal's "mode pejabat" badge. */
export function displayNameOf(db: Executor, userId: string) {
  return db.selectFrom('users').select('display_name').where('id', '=', userId).executeTakeFirst();
}
