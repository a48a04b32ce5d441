import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CameraCreate, Role } from '@pantau/shared';
import { buildApp, type Services } from '../app.ts';
import { ManualClock } from '../platform/clock.ts';
import { SecretBox } from '../platform/crypto/secret-box.ts';
import { systemActor } from '../platform/authz/actor.ts';
import type { DatabaseHandle } from '../platform/db/database.ts';
import { TenancyRepository } from '../modules/tenancy/index.ts';
import { seedRegions } from '../seed/demo.ts';
import { ORGANIZATIONS } from '../seed/kalteng.ts';
import { freshDatabase, type DbKind } from './db.ts';
import type { MediaPipeline } from '../media/index.ts';
import type { DisplayViewerResolver } from '../modules/portal/index.ts';

export interface Session {
  username: string;
  password: string;
  userId: string;
  cookie: string;
  csrf: string;
}

let counter = 0;
const unique = (p: string) => `${p}${++counter}${randomBytes(2).toString('hex')}`;

/** An app on a fresh database with one tenant (Kalimantan Tengah) and its organizations; factories for users and cameras. */
export async function testApp(kind: DbKind = 'pglite', opts: { loginPerMinute?: number; media?: MediaPipeline; dataDir?: string; ffmpegPath?: string | null; displayViewer?: DisplayViewerResolver; webDist?: string; trustProxy?: false | number | string; publicUrl?: string | null } = {}) {
  const database: DatabaseHandle = await freshDatabase(kind);
  const clock = new ManualClock(new Date());
  const secrets = new SecretBox(randomBytes(32));
  // a data folder made here is removed at close; one passed in belongs to the caller
  const ownDataDir = opts.dataDir ? null : mkdtempSync(join(tmpdir(), 'pantau-test-data-'));
  const { app, services } = await buildApp({
    db: database.db,
    clock,
    secrets,
    media: opts.media ?? null,
    displayViewer: opts.displayViewer ?? null,
    options: {
      sessionHours: 12,
      secureCookies: false,
      loginMaxFailures: 5,
      loginLockMinutes: 15,
      loginPerMinute: opts.loginPerMinute ?? 1000,
      webDist: opts.webDist ?? null,
      trustProxy: opts.trustProxy ?? false,
      publicUrl: opts.publicUrl ?? null,
      mapTileUrl: null,
      mapAttribution: null,
      recordings: { dataDir: opts.dataDir ?? ownDataDir!, budgetBytes: 1e9, retentionDays: 30, ffmpegPath: opts.ffmpegPath ?? null },
    },
  });
  await seedRegions(database.db);
  const tenancy = new TenancyRepository();
  const tenant = await tenancy.insertTenant(database.db, { slug: unique('t'), name: 'Pemerintah Provinsi Kalimantan Tengah', regionCode: '62' });
  const orgs = new Map<string, string>();
  for (const o of ORGANIZATIONS) orgs.set(o.code, (await tenancy.insertOrganization(database.db, tenant.id, o)).id);
  const system = systemActor(tenant.id);

  async function buildUser(p: { role: Role; regionCodes?: string[]; org?: string | null; username?: string; password?: string; tenantId?: string }) {
    const password = p.password ?? 'kata-sandi-uji-123';
    const actor = p.tenantId ? systemActor(p.tenantId) : system;
    const user = await services.users.create(actor, {
      username: p.username ?? unique(p.role.replace('_', '')),
      displayName: `Uji ${p.role}`,
      role: p.role,
      organizationId: p.org === undefined ? null : p.org === null ? null : orgs.get(p.org)!,
      regionCodes: p.regionCodes ?? [],
      password,
      email: null,
    }, { mustChangePassword: false });
    return { user, password };
  }

  async function login(username: string, password: string): Promise<Session & { res: LightMyRequestResponse }> {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
    const cookie = res.cookies.find((c) => c.name === 'pantau_session');
    const body = res.json();
    return { res, username, password, userId: body.user?.id, cookie: cookie ? `pantau_session=${cookie.value}` : '', csrf: body.csrfToken };
  }

  /** A signed-in user of the given role. */
  async function signIn(p: Parameters<typeof buildUser>[0]): Promise<Session> {
    const { user, password } = await buildUser(p);
    const s = await login(user.username, password);
    if (s.res.statusCode !== 200) throw new Error(`login failed: ${s.res.body}`);
    return s;
  }

  /** inject() as a session: cookie plus CSRF header on writes. */
  function as(s: Session | null) {
    return (o: InjectOptions) =>
      app.inject({ ...o, headers: { ...(s ? { cookie: s.cookie, 'x-csrf-token': s.csrf } : {}), ...(o.headers ?? {}) } });
  }

  async function buildCamera(over: Partial<CameraCreate> & { org?: string } = {}) {
    const code = over.code ?? unique('CAM-');
    const { org, ...rest } = over;
    return services.cameras.create(system, {
      code,
      name: `Kamera ${code}`,
      regionCode: '62.71.01',
      address: 'Jl. Uji',
      lat: -2.21,
      lng: 113.91,
      category: 'lalu_lintas',
      visibility: 'internal',
      organizationId: org ? orgs.get(org)! : null,
      mainUrl: `rtsp://10.0.0.1/${code}`,
      ...rest,
    });
  }

  return {
    app: app as FastifyInstance,
    services: services as Services,
    db: database.db,
    clock,
    tenant,
    orgs,
    system,
    buildUser,
    login,
    signIn,
    as,
    buildCamera,
    close: async () => {
      await app.close();
      await database.close();
      if (ownDataDir) rmSync(ownDataDir, { recursive: true, force: true });
    },
  };
}
export type TestApp = Awaited<ReturnType<typeof testApp>>;
