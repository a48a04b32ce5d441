import { sql, type ExpressionBuilder, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { CameraQuery } from '@pantau/shared';
import type { Executor } from '../../platform/db/database.ts';
import type { CamerasTable, Database } from '../../platform/db/schema.ts';
import type { CameraScope } from './cameras.policy.ts';

export type CameraRow = Selectable<CamerasTable>;
export type NewCameraRow = Insertable<CamerasTable>;
export type CameraPatch = Updateable<CamerasTable>;
export type CameraFilter = Omit<CameraQuery, 'limit' | 'offset'>;

const escapeLike = (s: string) => s.replace(/[%_\\]/g, '\\$&');

// any constant, distinct from the audit log's
const CLAIM_LOCK = 7_210_002;

/** The visibility and region scope as one WHERE clause, so no read can forget it. */
function inScope(scope: CameraScope) {
  return (eb: ExpressionBuilder<Database, 'cameras'>) => {
    const parts = [eb('cameras.tenant_id', '=', scope.tenantId)];
    if (scope.regionCodes.length) {
      parts.push(eb.or(scope.regionCodes.flatMap((r) => [eb('cameras.region_code', '=', r), eb('cameras.region_code', 'like', `${escapeLike(r)}.%`)])));
    }
    if (scope.tiers) {
      const tier = eb('cameras.visibility', 'in', [...scope.tiers]);
      parts.push(scope.ownOrganizationId ? eb.or([tier, eb('cameras.organization_id', '=', scope.ownOrganizationId)]) : tier);
    }
    return eb.and(parts);
  };
}

function matching(f: CameraFilter) {
  return (eb: ExpressionBuilder<Database, 'cameras'>) => {
    const parts = [];
    if (f.q) {
      const like = `%${escapeLike(f.q)}%`;
      parts.push(eb.or([eb('cameras.name', 'ilike', like), eb('cameras.code', 'ilike', like), eb('cameras.address', 'ilike', like)]));
    }
    if (f.regionCode) parts.push(eb.or([eb('cameras.region_code', '=', f.regionCode), eb('cameras.region_code', 'like', `${escapeLike(f.regionCode)}.%`)]));
    if (f.category) parts.push(eb('cameras.category', '=', f.category));
    if (f.status) parts.push(f.status === 'disabled' ? eb('cameras.enabled', '=', false) : eb.and([eb('cameras.status', '=', f.status), eb('cameras.enabled', '=', true)]));
    if (f.visibility) parts.push(eb('cameras.visibility', '=', f.visibility));
    if (f.organizationId) parts.push(eb('cameras.organization_id', '=', f.organizationId));
    return eb.and(parts);
  };
}

export class CamerasRepository {
  async listInScope(db: Executor, scope: CameraScope, f: CameraFilter, page: { limit: number; offset: number }): Promise<{ rows: CameraRow[]; total: number }> {
    const q = db.selectFrom('cameras').where(inScope(scope)).where(matching(f));
    const [rows, count] = await Promise.all([
      q.selectAll().orderBy('cameras.name').orderBy('cameras.id').limit(page.limit).offset(page.offset).execute(),
      q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { rows, total: Number(count.n) };
  }

  markersInScope(db: Executor, scope: CameraScope, f: CameraFilter) {
    return db
      .selectFrom('cameras')
      .where(inScope(scope))
      .where(matching(f))
      .select(['id', 'name', 'lat', 'lng', 'category', 'status', 'visibility', 'enabled'])
      .orderBy('id')
      .execute();
  }

  /** Every camera in scope, in pages, for CSV export without loading 10,000 rows at once. */
  async *streamInScope(db: Executor, scope: CameraScope, pageSize = 1000): AsyncGenerator<CameraRow> {
    let after: string | null = null;
    for (;;) {
      let q = db.selectFrom('cameras').selectAll().where(inScope(scope)).orderBy('code').limit(pageSize);
      if (after !== null) q = q.where('code', '>', after);
      const rows = await q.execute();
      if (rows.length === 0) return;
      yield* rows;
      after = rows[rows.length - 1]!.code;
    }
  }

  findInScope(db: Executor, scope: CameraScope, id: string): Promise<CameraRow | undefined> {
    return db.selectFrom('cameras').selectAll().where(inScope(scope)).where('id', '=', id).executeTakeFirst();
  }

  /** How many of `ids` (distinct) are in scope: one read for any number of cameras. */
  async countInScope(db: Executor, scope: CameraScope, ids: readonly string[]): Promise<number> {
    if (ids.length === 0) return 0;
    const r = await db.selectFrom('cameras').select((eb) => eb.fn.countAll<string>().as('n')).where(inScope(scope)).where('id', 'in', [...new Set(ids)]).executeTakeFirstOrThrow();
    return Number(r.n);
  }

  async codeTaken(db: Executor, tenantId: string, code: string, exceptId?: string): Promise<boolean> {
    let q = db.selectFrom('cameras').select('id').where('tenant_id', '=', tenantId).where('code', '=', code);
    if (exceptId) q = q.where('id', '!=', exceptId);
    return !!(await q.executeTakeFirst());
  }

  /** Id, code, region and credentials of the tenant's cameras with these codes (for import upserts). */
  findByCodes(db: Executor, tenantId: string, codes: string[]) {
    if (codes.length === 0) return Promise.resolve([]);
    return db.selectFrom('cameras').select(['id', 'code', 'region_code', 'credentials_enc']).where('tenant_id', '=', tenantId).where('code', 'in', codes).execute();
  }

  insert(db: Executor, row: NewCameraRow): Promise<CameraRow> {
    return db.insertInto('cameras').values(row).returningAll().executeTakeFirstOrThrow();
  }

  async insertMany(db: Executor, rows: NewCameraRow[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 500) await db.insertInto('cameras').values(rows.slice(i, i + 500)).execute();
  }

  update(db: Executor, tenantId: string, id: string, patch: CameraPatch): Promise<CameraRow | undefined> {
    return db.updateTable('cameras').set({ ...patch, updated_at: new Date() }).where('tenant_id', '=', tenantId).where('id', '=', id).returningAll().executeTakeFirst();
  }

  async delete(db: Executor, tenantId: string, id: string): Promise<boolean> {
    const r = await db.deleteFrom('cameras').where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }

  /** Cheap change detector for the media host's sync loop. */
  async changeStamp(db: Executor): Promise<string> {
    const r = await db
      .selectFrom('cameras')
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('updated_at').as('latest')])
      .executeTakeFirstOrThrow();
    return `${Number(r.n)}:${r.latest ? new Date(r.latest as Date).getTime() : 0}`;
  }

  /** Health from the media pipeline; leaves updated_at alone so it is not mistaken for an edit. */
  async updateStatusById(db: Executor, id: string, s: { status: string; reason: string | null; lastFrameAt: Date | null }): Promise<void> {
    await db.updateTable('cameras').set({ status: s.status, status_reason: s.reason, last_frame_at: s.lastFrameAt }).where('id', '=', id).execute();
  }

  /** A media process announces itself; its cameras stay its own while the lease lasts. */
  async heartbeatNode(db: Executor, node: string, leaseMs: number, capacity: number | null): Promise<void> {
    await sql`
      insert into media_nodes (name, lease_until, capacity) values (${node}, now() + ${leaseMs} * interval '1 millisecond', ${capacity})
      on conflict (name) do update set lease_until = excluded.lease_until, capacity = excluded.capacity`.execute(db);
  }

  /**
   * Gives `node` the cameras it should pull: the ones it holds, then unassigned ones, then those of
   * nodes whose lease ran out, up to its capacity. Row locks (skip locked) keep two nodes claiming at
   * once from taking the same camera. Returns the ids it now holds.
   */
  async claimForNode(db: Executor, node: string, capacity: number | null): Promise<string[]> {
    // Claims run one at a time (a few per second at most). Row locks alone are not enough: under
    // read committed, a claim that started before another committed re-checks a re-locked row with its
    // old snapshot, where the other node's fresh lease row does not exist yet, and would take it too.
    await sql`select pg_advisory_xact_lock(${CLAIM_LOCK})`.execute(db);
    await db.updateTable('cameras').set({ media_node: null }).where('media_node', '=', node).where('enabled', '=', false).execute();
    const { rows } = await sql<{ id: string }>`
      select c.id from cameras c
      where c.enabled
        and (c.media_node is null or c.media_node = ${node}
             or not exists (select 1 from media_nodes n where n.name = c.media_node and n.lease_until > now()))
      order by (c.media_node is not distinct from ${node}) desc, c.id
      limit ${capacity ?? 2_147_483_647}
      for update of c skip locked`.execute(db);
    const ids = rows.map((r) => r.id);
    if (ids.length) await db.updateTable('cameras').set({ media_node: node }).where('id', 'in', ids).where((eb) => eb.or([eb('media_node', 'is', null), eb('media_node', '!=', node)])).execute();
    // over capacity (it was lowered): hand the rest back
    let release = db.updateTable('cameras').set({ media_node: null }).where('media_node', '=', node);
    if (ids.length) release = release.where('id', 'not in', ids);
    await release.execute();
    return ids;
  }

  /** Sources of the given cameras (credentials still sealed). */
  sourcesByIds(db: Executor, ids: string[]) {
    if (ids.length === 0) return Promise.resolve([]);
    return db.selectFrom('cameras').select(['id', 'main_url', 'sub_url', 'credentials_enc']).where('id', 'in', ids).orderBy('id').execute();
  }

  /** A stopping media process hands its cameras back at once instead of waiting for its lease to run out. */
  async releaseNode(db: Executor, node: string): Promise<void> {
    await db.updateTable('cameras').set({ media_node: null }).where('media_node', '=', node).execute();
    await db.deleteFrom('media_nodes').where('name', '=', node).execute();
  }
}

