import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ROLES, type Role } from '@pantau/shared';
import { DB_KINDS } from '../../testing/db.ts';
import { testApp, type Session, type TestApp } from '../../testing/app.ts';

/**
 * Role × route matrix of the data bank and the development dashboard: every role calls every
 * console route; the answer is exactly what the policy and the OPD rules allow (2xx or 403), and
 * 401 without a session. Users have no OPD except the agency officer (Dishub): a data bank writer
 * without an OPD is refused (only admin, as walidata, creates for Dishub; agency officers do not
 * write datasets), while the Dishub officer enters its own OPD's budget.
 */
type Route = { name: string; method: 'GET' | 'POST' | 'PUT'; url: string; payload?: (role: Role) => unknown; allowed: readonly Role[] };
const READERS: Role[] = ['admin', 'operator', 'pimpinan', 'data_steward', 'agency_officer'];
const WRITERS: Role[] = ['admin', 'operator', 'data_steward', 'agency_officer'];

for (const kind of DB_KINDS) {
  describe(`data bank and dashboard role × route matrix on ${kind}`, () => {
    let t: TestApp;
    const sessions = new Map<Role, Session>();
    let routes: Route[] = [];
    before(async () => {
      t = await testApp(kind);
      await t.services.opendata.setWalidata(t.system, t.orgs.get('diskominfo')!);
      for (const role of ROLES) sessions.set(role, await t.signIn({ role, org: role === 'agency_officer' ? 'dishub' : null }));
      const dishub = t.orgs.get('dishub')!;
      routes = [
        { name: 'data bank role', method: 'GET', url: '/api/opendata/role', allowed: ROLES },
        { name: 'console catalog', method: 'GET', url: '/api/opendata/datasets', allowed: ROLES },
        { name: 'groups', method: 'GET', url: '/api/opendata/groups', allowed: ROLES },
        { name: 'set walidata', method: 'PUT', url: '/api/opendata/walidata', payload: () => ({ organizationId: t.orgs.get('diskominfo') }), allowed: ['admin'] },
        { name: 'create group', method: 'POST', url: '/api/opendata/groups', payload: (r) => ({ name: `grup-${r.replace('_', '-')}`, title: 'Grup' }), allowed: ['admin'] },
        { name: 'create dataset for Dishub', method: 'POST', url: '/api/opendata/datasets', payload: (r) => ({ name: `lalu-lintas-${r.replace('_', '-')}`, title: 'Volume lalu lintas', organizationId: dishub, regionCode: '62.71' }), allowed: ['admin'] },
        { name: 'overview', method: 'GET', url: '/api/dashboard/overview?year=2025', allowed: READERS },
        { name: 'trend', method: 'GET', url: '/api/dashboard/trend', allowed: READERS },
        { name: 'service indicators', method: 'GET', url: '/api/dashboard/service-indicators', allowed: READERS },
        { name: 'budgets', method: 'GET', url: '/api/dashboard/budgets?year=2025', allowed: READERS },
        { name: 'save Dishub budget', method: 'PUT', url: '/api/dashboard/budgets', payload: () => ({ organizationId: dishub, year: 2025, quarter: 1, programCode: '2.15.02', programName: 'LLAJ', pagu: 100, realization: 10, physicalPct: 12, targetFinancialPct: 12, targetPhysicalPct: 15 }), allowed: ['admin', 'agency_officer'] },
        { name: 'import template', method: 'GET', url: '/api/dashboard/budgets/template.csv', allowed: WRITERS },
      ];
    });
    after(() => t.close());

    test('every role on every route', async () => {
      for (const route of routes) {
        const anon = await t.app.inject({ method: route.method, url: route.url, payload: route.payload?.('admin') as never });
        assert.equal(anon.statusCode, 401, `anonymous ${route.name}: ${anon.body}`);
        for (const role of ROLES) {
          const res = await t.as(sessions.get(role)!)({ method: route.method, url: route.url, payload: route.payload?.(role) as never });
          if (route.allowed.includes(role)) assert.ok(res.statusCode >= 200 && res.statusCode < 300, `${role} ${route.name} → ${res.statusCode} ${res.body}`);
          else assert.deepEqual([res.statusCode, res.json().error.code], [403, 'forbidden'], `${role} ${route.name} → ${res.statusCode} ${res.body}`);
        }
      }
    });
  });
}
