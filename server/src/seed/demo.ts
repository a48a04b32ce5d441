import type { Db } from '../platform/db/database.ts';
import { systemActor } from '../platform/authz/actor.ts';
import { randomPassword } from '../platform/crypto/tokens.ts';
import type { Services } from '../app.ts';
import { TenancyRepository } from '../modules/tenancy/index.ts';
import { seedPpidDemo } from '../modules/ppid/index.ts';
import { DEMO_CAMERAS, DEMO_USERS, ORGANIZATIONS, REGIONS } from './kalteng.ts';
import { seedDatabankDemo } from './databank.ts';
import { seedIncidentsDemo } from './incidents.ts';

export const DEMO_TENANT_SLUG = 'kalteng';

/** Base address of the demo cameras' RTSP streams: the built-in camera simulator. */
export const DEMO_RTSP_BASE = 'rtsp://127.0.0.1:8554';

export interface SeedResult {
  seeded: boolean;
  credentials: { username: string; role: string; password: string }[];
}

/** Regions are reference data: inserted on every start, existing codes left alone. */
export async function seedRegions(db: Db): Promise<void> {
  await new TenancyRepository().upsertRegions(db, REGIONS.map((r) => ({ code: r.code, name: r.name, level: r.level, parent_code: r.parent })));
}

/**
 * The demo tenant "Pemerintah Provinsi Kalimantan Tengah" with its agencies, a user of every role
 * (random passwords, returned once) and ~30 cameras. Does nothing when the tenant exists.
 */
export async function seedDemo(db: Db, services: Services, rtspBase = DEMO_RTSP_BASE): Promise<SeedResult> {
  const tenancy = new TenancyRepository();
  await seedRegions(db);
  if (await tenancy.findTenantBySlug(db, DEMO_TENANT_SLUG)) return { seeded: false, credentials: [] };

  const { tenant, orgIds } = await db.transaction().execute(async (tx) => {
    const tenant = await tenancy.insertTenant(tx, { slug: DEMO_TENANT_SLUG, name: 'Pemerintah Provinsi Kalimantan Tengah', regionCode: '62' });
    const orgIds = new Map<string, string>();
    for (const o of ORGANIZATIONS) orgIds.set(o.code, (await tenancy.insertOrganization(tx, tenant.id, o)).id);
    await services.audit.record(tx, systemActor(tenant.id), { action: 'tenant.create', targetType: 'tenant', targetId: tenant.id, details: { slug: tenant.slug, organizations: ORGANIZATIONS.length } });
    return { tenant, orgIds };
  });
  const system = systemActor(tenant.id);
  const credentials: SeedResult['credentials'] = [];
  for (const u of DEMO_USERS) {
    const password = randomPassword();
    await services.users.create(
      system,
      { username: u.username, displayName: u.displayName, role: u.role, organizationId: u.org ? orgIds.get(u.org)! : null, regionCodes: [...u.regions], password, email: null },
      { mustChangePassword: false },
    );
    credentials.push({ username: u.username, role: u.role, password });
  }
  for (const [i, [code, name, regionCode, address, lat, lng, category, visibility, org]] of DEMO_CAMERAS.entries()) {
    await services.cameras.create(system, {
      code, name, regionCode, address, lat, lng, category, visibility,
      organizationId: orgIds.get(org)!,
      mainUrl: `${rtspBase}/${code.toLowerCase()}/main`,
      subUrl: `${rtspBase}/${code.toLowerCase()}/sub`,
      // some demo cameras carry credentials, as real ones do; they are stored encrypted
      username: i % 3 === 0 ? 'viewer' : null,
      password: i % 3 === 0 ? randomPassword(12) : null,
      tags: [code.slice(0, 3).toLowerCase()],
      enabled: true,
    });
  }
  await seedDatabankDemo(system, orgIds, services);
  await seedPpidDemo(services.ppid, tenant.id, orgIds);
  await seedIncidentsDemo(db, services, tenant.id, orgIds);
  return { seeded: true, credentials };
}
