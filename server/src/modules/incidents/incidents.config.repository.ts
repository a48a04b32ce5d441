import type { Executor } from '../../platform/db/database.ts';

/** Per-tenant configuration of incidents: categories, SLA rules, SOP steps, routing rules. */
export class IncidentConfigRepository {
  listCategories(db: Executor, tenantId: string) {
    return db.selectFrom('incident_categories').selectAll().where('tenant_id', '=', tenantId).orderBy('name').execute();
  }
  findCategory(db: Executor, tenantId: string, code: string) {
    return db.selectFrom('incident_categories').selectAll().where('tenant_id', '=', tenantId).where('code', '=', code).executeTakeFirst();
  }
  upsertCategory(db: Executor, tenantId: string, v: { code: string; name: string; defaultPriority: string; active: boolean }) {
    return db
      .insertInto('incident_categories')
      .values({ tenant_id: tenantId, code: v.code, name: v.name, default_priority: v.defaultPriority, active: v.active })
      .onConflict((oc) => oc.columns(['tenant_id', 'code']).doUpdateSet({ name: v.name, default_priority: v.defaultPriority, active: v.active }))
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  listSla(db: Executor, tenantId: string) {
    return db.selectFrom('incident_sla_rules').selectAll().where('tenant_id', '=', tenantId).orderBy('category_code').orderBy('priority').execute();
  }
  /** The category's own rule, else the tenant's default for the priority. */
  async slaFor(db: Executor, tenantId: string, category: string, priority: string) {
    const rows = await db
      .selectFrom('incident_sla_rules')
      .select(['category_code', 'response_minutes', 'resolve_minutes'])
      .where('tenant_id', '=', tenantId)
      .where('priority', '=', priority)
      .where((eb) => eb.or([eb('category_code', '=', category), eb('category_code', 'is', null)]))
      .execute();
    return rows.find((r) => r.category_code === category) ?? rows[0];
  }
  async upsertSla(db: Executor, tenantId: string, v: { category: string | null; priority: string; responseMinutes: number; resolveMinutes: number }) {
    let del = db.deleteFrom('incident_sla_rules').where('tenant_id', '=', tenantId).where('priority', '=', v.priority);
    del = v.category === null ? del.where('category_code', 'is', null) : del.where('category_code', '=', v.category);
    await del.execute();
    await db.insertInto('incident_sla_rules').values({ tenant_id: tenantId, category_code: v.category, priority: v.priority, response_minutes: v.responseMinutes, resolve_minutes: v.resolveMinutes }).execute();
  }

  listSop(db: Executor, tenantId: string, category: string) {
    return db.selectFrom('incident_sop_steps').selectAll().where('tenant_id', '=', tenantId).where('category_code', '=', category).orderBy('position').execute();
  }
  async replaceSop(db: Executor, tenantId: string, category: string, steps: { title: string; required: boolean }[]) {
    await db.deleteFrom('incident_sop_steps').where('tenant_id', '=', tenantId).where('category_code', '=', category).execute();
    if (steps.length) {
      await db.insertInto('incident_sop_steps').values(steps.map((s, i) => ({ tenant_id: tenantId, category_code: category, position: i + 1, title: s.title, required: s.required }))).execute();
    }
  }

  listRouting(db: Executor, tenantId: string) {
    return db
      .selectFrom('incident_routing_rules as r')
      .innerJoin('organizations as o', 'o.id', 'r.organization_id')
      .select(['r.id', 'r.category_code', 'r.region_code', 'r.organization_id', 'o.name as organization_name'])
      .where('r.tenant_id', '=', tenantId)
      .orderBy('r.category_code')
      .orderBy('o.name')
      .execute();
  }
  /** Agencies for a category at a region: rules for the region or any region above it, or for everywhere. */
  async agenciesFor(db: Executor, tenantId: string, category: string, regionCode: string | null): Promise<string[]> {
    const rows = await db.selectFrom('incident_routing_rules').select(['organization_id', 'region_code']).where('tenant_id', '=', tenantId).where('category_code', '=', category).execute();
    const applies = (r: string | null) => r === null || (regionCode !== null && (regionCode === r || regionCode.startsWith(r + '.')));
    return [...new Set(rows.filter((r) => applies(r.region_code)).map((r) => r.organization_id))];
  }
  insertRouting(db: Executor, tenantId: string, v: { category: string; regionCode: string | null; organizationId: string }) {
    return db
      .insertInto('incident_routing_rules')
      .values({ tenant_id: tenantId, category_code: v.category, region_code: v.regionCode, organization_id: v.organizationId })
      .onConflict((oc) => oc.doNothing())
      .returning('id')
      .executeTakeFirst();
  }
  async deleteRouting(db: Executor, tenantId: string, id: string): Promise<boolean> {
    const r = await db.deleteFrom('incident_routing_rules').where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }

  findEndpoint(db: Executor, organizationId: string) {
    return db.selectFrom('agency_endpoints').selectAll().where('organization_id', '=', organizationId).executeTakeFirst();
  }
  upsertEndpoint(db: Executor, tenantId: string, v: { organizationId: string; email: string | null; webhookUrl: string | null; secretEnc: string | null }) {
    return db
      .insertInto('agency_endpoints')
      .values({ organization_id: v.organizationId, tenant_id: tenantId, email: v.email, webhook_url: v.webhookUrl, webhook_secret_enc: v.secretEnc })
      .onConflict((oc) => oc.column('organization_id').doUpdateSet({ email: v.email, webhook_url: v.webhookUrl, webhook_secret_enc: v.secretEnc }))
      .execute();
  }
}
