import type { Organization, OrganizationInput, Region, Tenant } from '@pantau/shared';
import type { Db } from '../../platform/db/database.ts';
import type { Actor } from '../../platform/authz/actor.ts';
import type { Policy } from '../../platform/authz/policy.ts';
import { conflict, notFound } from '../../platform/http/errors.ts';
import type { AuditWriter } from '../audit/index.ts';
import { TenancyRepository, type OrganizationRow, type RegionRow, type TenantRow } from './tenancy.repository.ts';

export const presentTenant = (t: TenantRow): Tenant => ({ id: t.id, slug: t.slug, name: t.name, regionCode: t.region_code });
export const presentRegion = (r: RegionRow): Region => ({ code: r.code, name: r.name, level: r.level, parentCode: r.parent_code });
export const presentOrganization = (o: OrganizationRow): Organization => ({ id: o.id, code: o.code, name: o.name, kind: o.kind });

/** Tenants (governments), their Kemendagri regions and their organizations (OPD and partner agencies). */
export class TenancyService {
  private readonly repo = new TenancyRepository();
  constructor(
    private readonly db: Db,
    private readonly policy: Policy,
    private readonly audit: AuditWriter,
  ) {}

  async getTenant(tenantId: string): Promise<Tenant> {
    const t = await this.repo.findTenant(this.db, tenantId);
    if (!t) throw notFound('Pemerintah daerah');
    return presentTenant(t);
  }

  async listRegions(actor: Actor): Promise<Region[]> {
    this.policy.authorize(actor, 'region.read');
    const tenant = await this.getTenant(actor.tenantId);
    return (await this.repo.listRegionsUnder(this.db, tenant.regionCode)).map(presentRegion);
  }

  /** Region codes valid for this tenant, for other modules' validation. */
  async regionCodesOf(tenantId: string): Promise<Set<string>> {
    const tenant = await this.getTenant(tenantId);
    return new Set((await this.repo.listRegionsUnder(this.db, tenant.regionCode)).map((r) => r.code));
  }

  async listOrganizations(actor: Actor): Promise<Organization[]> {
    this.policy.authorize(actor, 'organization.read');
    return (await this.repo.listOrganizations(this.db, actor.tenantId)).map(presentOrganization);
  }

  /** Organizations of the tenant by id and by code, for other modules' validation (no authorization: internal). */
  async organizationsOf(tenantId: string): Promise<Organization[]> {
    return (await this.repo.listOrganizations(this.db, tenantId)).map(presentOrganization);
  }

  async createOrganization(actor: Actor, input: OrganizationInput): Promise<Organization> {
    this.policy.authorize(actor, 'organization.write');
    return this.db.transaction().execute(async (tx) => {
      if (await this.repo.findOrganizationByCode(tx, actor.tenantId, input.code)) throw conflict(`Kode organisasi ${input.code} sudah dipakai`);
      const o = await this.repo.insertOrganization(tx, actor.tenantId, input);
      await this.audit.record(tx, actor, { action: 'organization.create', targetType: 'organization', targetId: o.id, details: { code: o.code, name: o.name, kind: o.kind } });
      return presentOrganization(o);
    });
  }
}
