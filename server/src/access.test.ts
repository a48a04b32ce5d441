import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ROLES, type Role } from '@pantau/shared';
import { DB_KINDS } from './testing/db.ts';
import { testApp, type Session, type TestApp } from './testing/app.ts';

/**
 * The role × route matrix: every role calls every route; the answer must be exactly what the
 * policy tables allow (2xx when allowed, 403 when not), and 401 without a session.
 */
type Route = { name: string; method: 'GET' | 'POST' | 'PATCH' | 'DELETE'; url: (ctx: Ctx) => string; payload?: (ctx: Ctx, role: Role) => unknown; headers?: Record<string, string>; allowed: readonly Role[] };
type Ctx = { cameraId: string; userId: string; tokenId: () => Promise<string> };

const ALL = ROLES;
const ROUTES: Route[] = [
  { name: 'session', method: 'GET', url: () => '/api/auth/session', allowed: ALL },
  { name: 'regions', method: 'GET', url: () => '/api/regions', allowed: ALL },
  { name: 'organizations', method: 'GET', url: () => '/api/organizations', allowed: ALL },
  { name: 'create organization', method: 'POST', url: () => '/api/organizations', payload: (_c, r) => ({ code: `org-${r.replace('_', '-')}`, name: `Organisasi ${r}`, kind: 'opd' }), allowed: ['admin'] },
  { name: 'list cameras', method: 'GET', url: () => '/api/cameras', allowed: ALL },
  { name: 'camera markers', method: 'GET', url: () => '/api/cameras/markers', allowed: ALL },
  { name: 'export cameras', method: 'GET', url: () => '/api/cameras/export.csv', allowed: ['admin', 'operator'] },
  { name: 'get public camera', method: 'GET', url: (c) => `/api/cameras/${c.cameraId}`, allowed: ALL },
  { name: 'create camera', method: 'POST', url: () => '/api/cameras', payload: (_c, r) => ({ code: `M-${r}`, name: `Matriks ${r}`, regionCode: '62.71', lat: -2, lng: 113, category: 'lainnya', mainUrl: 'rtsp://10.0.0.1/m' }), allowed: ['admin'] },
  { name: 'update camera', method: 'PATCH', url: (c) => `/api/cameras/${c.cameraId}`, payload: () => ({ address: 'Jl. Matriks' }), allowed: ['admin'] },
  { name: 'import cameras', method: 'POST', url: () => '/api/cameras/import?dryRun=true', headers: { 'content-type': 'text/csv' }, payload: () => 'code,name,region_code,lat,lng,category,main_url\nQ-1,Kamera Q,62.71,-2,113,lainnya,rtsp://h/q', allowed: ['admin'] },
  { name: 'list users', method: 'GET', url: () => '/api/users', allowed: ['admin'] },
  { name: 'get user', method: 'GET', url: (c) => `/api/users/${c.userId}`, allowed: ['admin'] },
  { name: 'create user', method: 'POST', url: () => '/api/users', payload: (_c, r) => ({ username: `baru.${r}`, displayName: 'Baru', role: 'operator', password: 'sandi-panjang-sekali' }), allowed: ['admin'] },
  { name: 'update user', method: 'PATCH', url: (c) => `/api/users/${c.userId}`, payload: () => ({ displayName: 'Diubah' }), allowed: ['admin'] },
  { name: 'list own tokens', method: 'GET', url: () => '/api/tokens', allowed: ALL },
  { name: 'create token', method: 'POST', url: () => '/api/tokens', payload: () => ({ name: 'integrasi', scopes: ['cameras:read'] }), allowed: ALL },
  { name: 'audit log', method: 'GET', url: () => '/api/audit', allowed: ['admin'] },
];

for (const kind of DB_KINDS) {
  describe(`role × route matrix on ${kind}`, () => {
    let t: TestApp;
    let ctx: Ctx;
    const sessions = new Map<Role, Session>();
    before(async () => {
      t = await testApp(kind);
      const cam = await t.buildCamera({ code: 'PUB-1', visibility: 'public' });
      const { user } = await t.buildUser({ role: 'operator' });
      ctx = { cameraId: cam.id, userId: user.id, tokenId: async () => '' };
      for (const role of ROLES) sessions.set(role, await t.signIn({ role, org: role === 'agency_officer' ? 'dishub' : null }));
    });
    after(() => t.close());

    for (const route of ROUTES) {
      test(`${route.method} ${route.name}`, async () => {
        const anon = await t.app.inject({ method: route.method, url: route.url(ctx), headers: route.headers, payload: route.payload?.(ctx, 'admin') as never });
        assert.equal(anon.statusCode, 401, `anonymous ${route.name}: ${anon.body}`);
        for (const role of ROLES) {
          const res = await t.as(sessions.get(role)!)({ method: route.method, url: route.url(ctx), headers: route.headers, payload: route.payload?.(ctx, role) as never });
          const allowed = route.allowed.includes(role);
          if (allowed) assert.ok(res.statusCode >= 200 && res.statusCode < 300, `${role} ${route.name} → ${res.statusCode} ${res.body}`);
          else {
            assert.equal(res.statusCode, 403, `${role} ${route.name} → ${res.statusCode} ${res.body}`);
            assert.equal(res.json().error.code, 'forbidden');
          }
        }
      });
    }

    test('the console permissions list matches the matrix', async () => {
      for (const role of ROLES) {
        const me = (await t.as(sessions.get(role)!)({ method: 'GET', url: '/api/auth/session' })).json();
        assert.equal(me.user.permissions.includes('user.write'), role === 'admin');
        assert.equal(me.user.permissions.includes('camera.export'), role === 'admin' || role === 'operator');
      }
    });
  });

  describe(`camera visibility and region scope on ${kind}`, () => {
    let t: TestApp;
    before(async () => {
      t = await testApp(kind);
      await t.buildCamera({ code: 'V-INT', visibility: 'internal', regionCode: '62.71.01' });
      await t.buildCamera({ code: 'V-PIM', visibility: 'pimpinan', regionCode: '62.71.01' });
      await t.buildCamera({ code: 'V-PUB', visibility: 'public', regionCode: '62.02' });
      await t.buildCamera({ code: 'V-DISHUB', visibility: 'internal', regionCode: '62.03', org: 'dishub' });
    });
    after(() => t.close());

    const codesFor = async (s: Session) => (await t.as(s)({ method: 'GET', url: '/api/cameras' })).json().items.map((c: { code: string }) => c.code).sort();
    const EXPECTED: Record<Role, string[]> = {
      admin: ['V-DISHUB', 'V-INT', 'V-PIM', 'V-PUB'],
      operator: ['V-DISHUB', 'V-INT', 'V-PIM', 'V-PUB'],
      pimpinan: ['V-PIM', 'V-PUB'],
      agency_officer: ['V-DISHUB', 'V-PIM', 'V-PUB'],
      ppid_officer: ['V-PUB'],
      data_steward: ['V-PUB'],
    };
    for (const role of ROLES) {
      test(`${role} sees exactly its tiers, in list, detail and markers`, async () => {
        const s = await t.signIn({ role, org: role === 'agency_officer' ? 'dishub' : null });
        assert.deepEqual(await codesFor(s), EXPECTED[role]);
        const markers = (await t.as(s)({ method: 'GET', url: '/api/cameras/markers' })).json();
        assert.equal(markers.length, EXPECTED[role].length);
        const internal = await t.db.selectFrom('cameras').select('id').where('code', '=', 'V-INT').executeTakeFirstOrThrow();
        const detail = await t.as(s)({ method: 'GET', url: `/api/cameras/${internal.id}` });
        assert.equal(detail.statusCode, EXPECTED[role].includes('V-INT') ? 200 : 404);
        const list = (await t.as(s)({ method: 'GET', url: '/api/cameras' })).json();
        for (const c of list.items) assert.equal('mainUrl' in c, role === 'admin', 'only admins see stream URLs');
      });
    }

    test('a region-scoped operator sees and edits only its region', async () => {
      const s = await t.signIn({ role: 'operator', regionCodes: ['62.71'] });
      assert.deepEqual(await codesFor(s), ['V-INT', 'V-PIM']);
      const admin = await t.signIn({ role: 'admin', regionCodes: ['62.71'] });
      const outside = await t.db.selectFrom('cameras').select('id').where('code', '=', 'V-PUB').executeTakeFirstOrThrow();
      assert.equal((await t.as(admin)({ method: 'PATCH', url: `/api/cameras/${outside.id}`, payload: { name: 'Bukan wilayahku' } })).statusCode, 404);
      const create = await t.as(admin)({ method: 'POST', url: '/api/cameras', payload: { code: 'R-1', name: 'Di luar', regionCode: '62.02', lat: -2, lng: 113, category: 'lainnya', mainUrl: 'rtsp://h/r' } });
      assert.equal(create.statusCode, 400);
      assert.match(create.json().error.details[0].message, /di luar cakupan/);
    });

    test('another tenant never sees these cameras', async () => {
      const other = await t.db.insertInto('tenants').values({ slug: 'semarang', name: 'Pemerintah Kota Semarang', region_code: '33.74' }).returning('id').executeTakeFirstOrThrow();
      const s = await t.signIn({ role: 'admin', tenantId: other.id });
      assert.deepEqual(await codesFor(s), []);
      const anyCam = await t.db.selectFrom('cameras').select('id').limit(1).executeTakeFirstOrThrow();
      assert.equal((await t.as(s)({ method: 'GET', url: `/api/cameras/${anyCam.id}` })).statusCode, 404);
      const regions = (await t.as(s)({ method: 'GET', url: '/api/regions' })).json();
      assert.deepEqual(regions.map((r: { code: string }) => r.code), ['33.74']);
    });
  });
}
