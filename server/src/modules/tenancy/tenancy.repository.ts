import type { Selectable } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { OrganizationsTable, RegionsTable, TenantsTable } from '../../platform/db/schema.ts';

export type TenantRow = Selectable<TenantsTable>;
export type RegionRow = Selectable<RegionsTable>;
export type OrganizationRow = Selectable<OrganizationsTable>;

export class TenancyRepository {
  findTenant(db: Executor, id: string): Promise<TenantRow | undefined> {
    return db.selectFrom('tenants').selectAll().where('id', '=', id).executeTakeFirst();
  }

  findTenantBySlug(db: Executor, slug: string): Promise<TenantRow | undefined> {
    return db.selectFrom('tenants').selectAll().where('slug', '=', slug).executeTakeFirst();
  }

  /**
   * The tenant a public page, form or Open311 call addresses: the one named by slug, else the first
   * created (single-tenant installs). One rule for every public entry point.
   */
  publicTenant(db: Executor, slug: string | null): Promise<{ id: string; slug: string; name: string } | undefined> {
    let q = db.selectFrom('tenants').select(['id', 'slug', 'name']);
    q = slug ? q.where('slug', '=', slug) : q.orderBy('created_at').orderBy('id');
    return q.limit(1).executeTakeFirst();
  }

  insertTenant(db: Executor, t: { slug: string; name: string; regionCode: string }): Promise<TenantRow> {
    return db.insertInto('tenants').values({ slug: t.slug, name: t.name, region_code: t.regionCode }).returningAll().executeTakeFirstOrThrow();
  }

  /** Reference data shared by all tenants; existing codes are left as they are. */
  async upsertRegions(db: Executor, regions: RegionRow[]): Promise<void> {
    if (regions.length === 0) return;
    await db.insertInto('regions').values(regions).onConflict((oc) => oc.column('code').doNothing()).execute();
  }

  /** The tenant's own region and every region below it. */
  listRegionsUnder(db: Executor, rootCode: string): Promise<RegionRow[]> {
    return db
      .selectFrom('regions')
      .selectAll()
      .where((eb) => eb.or([eb('code', '=', rootCode), eb('code', 'like', `${rootCode}.%`)]))
      .orderBy('code')
      .execute();
  }

  listOrganizations(db: Executor, tenantId: string): Promise<OrganizationRow[]> {
    return db.selectFrom('organizations').selectAll().where('tenant_id', '=', tenantId).orderBy('name').execute();
  }

  findOrganization(db: Executor, tenantId: string, id: string): Promise<OrganizationRow | undefined> {
    return db.selectFrom('organizations').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
  }

  findOrganizationByCode(db: Executor, tenantId: string, code: string): Promise<OrganizationRow | undefined> {
    return db.selectFrom('organizations').selectAll().where('tenant_id', '=', tenantId).where('code', '=', code).executeTakeFirst();
  }

  insertOrganization(db: Executor, tenantId: string, o: { code: string; name: string; kind: 'opd' | 'agency' }): Promise<OrganizationRow> {
    return db.insertInto('organizations').values({ tenant_id: tenantId, code: o.code, name: o.name, kind: o.kind }).returningAll().executeTakeFirstOrThrow();
  }
}
