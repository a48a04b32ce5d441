import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ROLES, type Role } from '@pantau/shared';
import { DB_KINDS } from '../../testing/db.ts';
import { testApp, type Session, type TestApp } from '../../testing/app.ts';
import { seedIncidentDefaults } from './incidents.defaults.ts';

/**
 * Role × route matrix for incidents: every role calls every route; 2xx exactly where the policy
 * allows, 403 elsewhere, 401 without a session. The agency officer belongs to Dishub, which has a
 * task on the incident (so "read" is in its scope).
 */
type Ctx = { incidentId: string; taskId: string; checkId: string; cameraId: string; dishubId: string };
type Route = { name: string; method: 'GET' | 'POST' | 'PATCH' | 'PUT'; url: (c: Ctx) => string; payload?: (c: Ctx, r: Role) => unknown; allowed: readonly Role[] };
const READ: Role[] = ['admin', 'operator', 'pimpinan', 'agency_officer'];
const MANAGE: Role[] = ['admin', 'operator'];
const AT = { lat: -2.2096, lng: 113.9137 };

const ROUTES: Route[] = [
  { name: 'board', method: 'GET', url: () => '/api/incidents', allowed: READ },
  { name: 'create', method: 'POST', url: () => '/api/incidents', payload: () => ({ category: 'kemacetan', ...AT, description: 'Matriks' }), allowed: MANAGE },
  { name: 'detail', method: 'GET', url: (c) => `/api/incidents/${c.incidentId}`, allowed: READ },
  { name: 'update', method: 'PATCH', url: (c) => `/api/incidents/${c.incidentId}`, payload: () => ({ address: 'Jl. Matriks' }), allowed: MANAGE },
  { name: 'duplicates', method: 'GET', url: () => `/api/incidents/duplicates?category=kemacetan&lat=${AT.lat}&lng=${AT.lng}`, allowed: READ },
  { name: 'comment', method: 'POST', url: (c) => `/api/incidents/${c.incidentId}/comments`, payload: () => ({ note: 'catatan' }), allowed: MANAGE },
  { name: 'sop check', method: 'PUT', url: (c) => `/api/incidents/${c.incidentId}/checklist/${c.checkId}`, payload: () => ({ done: true }), allowed: MANAGE },
  { name: 'claim', method: 'POST', url: (c) => `/api/incidents/${c.incidentId}/claim`, allowed: ['operator'] /* admin claimed already in an earlier round: 409 */ },
  { name: 'nearby cameras', method: 'GET', url: (c) => `/api/incidents/${c.incidentId}/cameras`, allowed: READ },
  { name: 'attach recording', method: 'POST', url: (c) => `/api/incidents/${c.incidentId}/recordings`, payload: (c) => ({ cameraId: c.cameraId }), allowed: MANAGE },
  { name: 'agency tasks', method: 'GET', url: () => '/api/incidents/tasks', allowed: ['admin', 'operator', 'agency_officer'] },
  { name: 'notifications', method: 'GET', url: () => '/api/incidents/notifications', allowed: READ },
  { name: 'categories', method: 'GET', url: () => '/api/incidents/categories', allowed: READ },
  { name: 'save category', method: 'PUT', url: () => '/api/incidents/categories', payload: () => ({ code: 'longsor', name: 'Tanah longsor', defaultPriority: 'high' }), allowed: ['admin'] },
  { name: 'sop', method: 'GET', url: () => '/api/incidents/sop/kemacetan', allowed: READ },
  { name: 'save sop', method: 'PUT', url: () => '/api/incidents/sop/sampah', payload: () => ({ steps: [{ title: 'Verifikasi', required: true }] }), allowed: ['admin'] },
  { name: 'routing', method: 'GET', url: () => '/api/incidents/routing', allowed: READ },
  { name: 'sla', method: 'GET', url: () => '/api/incidents/sla', allowed: READ },
  { name: 'save sla', method: 'PUT', url: () => '/api/incidents/sla', payload: () => ({ category: null, priority: 'low', responseMinutes: 600, resolveMinutes: 6000 }), allowed: ['admin'] },
  { name: 'stats', method: 'GET', url: () => '/api/incidents/stats', allowed: ['admin', 'operator', 'pimpinan'] },
  { name: 'stats csv', method: 'GET', url: () => '/api/incidents/stats.csv', allowed: ['admin', 'operator', 'pimpinan'] },
];

for (const kind of DB_KINDS) {
  describe(`incidents role × route matrix on ${kind}`, () => {
    let t: TestApp;
    let ctx: Ctx;
    const sessions = new Map<Role, Session>();
    before(async () => {
      t = await testApp(kind);
      await seedIncidentDefaults(t.db, t.tenant.id, t.orgs);
      for (const role of ROLES) sessions.set(role, await t.signIn({ role, org: role === 'agency_officer' ? 'dishub' : null }));
      const op = sessions.get('operator')!;
      const inc = (await t.as(op)({ method: 'POST', url: '/api/incidents', payload: { category: 'kemacetan', ...AT, description: 'Matriks' } })).json();
      await t.as(op)({ method: 'POST', url: `/api/incidents/${inc.id}/transition`, payload: { to: 'verified' } });
      const d = (await t.as(op)({ method: 'POST', url: `/api/incidents/${inc.id}/dispatch`, payload: {} })).json();
      const cam = await t.buildCamera({ visibility: 'public', lat: AT.lat, lng: AT.lng });
      ctx = { incidentId: inc.id, taskId: d.tasks[0].id, checkId: inc.checklist[0].id, cameraId: cam.id, dishubId: t.orgs.get('dishub')! };
      // the admin owns it first, so the operator's claim in the matrix is a real change
      await t.as(sessions.get('admin')!)({ method: 'POST', url: `/api/incidents/${inc.id}/claim` });
    });
    after(() => t.close());

    for (const route of ROUTES) {
      test(`${route.method} ${route.name}`, async () => {
        const anon = await t.app.inject({ method: route.method, url: route.url(ctx), payload: route.payload?.(ctx, 'admin') as never });
        assert.equal(anon.statusCode, 401, `anonymous ${route.name}: ${anon.body}`);
        for (const role of ROLES) {
          if (route.name === 'claim' && role === 'admin') continue;
          const res = await t.as(sessions.get(role)!)({ method: route.method, url: route.url(ctx), payload: route.payload?.(ctx, role) as never });
          if (route.allowed.includes(role)) assert.ok(res.statusCode >= 200 && res.statusCode < 300, `${role} ${route.name} → ${res.statusCode} ${res.body}`);
          else assert.equal(res.statusCode, 403, `${role} ${route.name} → ${res.statusCode} ${res.body}`);
        }
      });
    }

    test('the agency officer never sees reporter data or another agency', async () => {
      const officer = sessions.get('agency_officer')!;
      const d = (await t.as(officer)({ method: 'GET', url: `/api/incidents/${ctx.incidentId}` })).json();
      assert.equal(d.reporter, null);
      assert.ok(d.tasks.every((x: { organizationId: string }) => x.organizationId === ctx.dishubId));
      assert.ok(!d.events.some((e: { kind: string }) => e.kind === 'comment'), 'internal comments hidden');
      const other = await t.signIn({ role: 'agency_officer', org: 'bpbd' });
      assert.equal((await t.as(other)({ method: 'GET', url: `/api/incidents/${ctx.incidentId}` })).statusCode, 404);
      assert.equal((await t.as(other)({ method: 'PATCH', url: `/api/incidents/tasks/${ctx.taskId}`, payload: { status: 'en_route' } })).statusCode, 404);
      assert.deepEqual((await t.as(other)({ method: 'GET', url: `/api/incidents/tasks?organizationId=${ctx.dishubId}` })).json(), [], 'cannot ask for another agency');
    });
  });
}
