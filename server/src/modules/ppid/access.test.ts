import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Role } from '@pantau/shared';
import { DB_KINDS } from '../../testing/db.ts';
import { testApp, type Session, type TestApp } from '../../testing/app.ts';
import { fileRequest, idOf, requestInput, setClock } from './ppid.testing.ts';

for (const kind of DB_KINDS) {
  describe(`PPID access on ${kind}`, () => {
    let t: TestApp;
    const as: Partial<Record<Role, Session>> = {};
    let reqId: string;
    let itemId: string;
    let exemptId: string;
    before(async () => {
      t = await testApp(kind);
      setClock(t, '2026-01-06T09:00:00');
      for (const role of ['admin', 'operator', 'pimpinan', 'agency_officer', 'data_steward'] as Role[]) as[role] = await t.signIn({ role, org: role === 'agency_officer' ? 'dishub' : undefined });
      as.ppid_officer = await t.signIn({ role: 'ppid_officer', org: 'diskominfo' });
      reqId = await idOf(t, (await fileRequest(t)).registrationNumber);
      const item = await t.as(as.ppid_officer)({ method: 'POST', url: '/api/ppid/registry', payload: { title: 'Rencana Strategis Dinkes', category: 'berkala', organizationId: t.orgs.get('dinkes'), period: '2026', published: true } });
      itemId = item.json().id;
      const exempt = await t.as(as.ppid_officer)({ method: 'POST', url: '/api/ppid/registry', payload: { title: 'Rekam medis', category: 'dikecualikan', organizationId: t.orgs.get('dinkes'), period: '-', legalBasis: 'Pasal 17 huruf h' } });
      exemptId = exempt.json().id;
    });
    after(() => t.close());

    const READERS: Role[] = ['admin', 'pimpinan', 'ppid_officer'];
    const HANDLERS: Role[] = ['admin', 'ppid_officer'];
    /** method, url, body for a role (unique per role where the write must not collide), roles allowed. */
    const matrix: ['GET' | 'POST' | 'PATCH', () => string, ((r: Role) => object) | null, Role[]][] = [
      ['GET', () => '/api/ppid/requests', null, READERS],
      ['GET', () => `/api/ppid/requests/${reqId}`, null, READERS],
      ['GET', () => '/api/ppid/registry', null, READERS],
      ['GET', () => '/api/ppid/reports/2026', null, READERS],
      ['GET', () => '/api/ppid/reports/2026/csv', null, READERS],
      ['GET', () => '/api/ppid/calendar/2026', null, READERS],
      ['POST', () => '/api/ppid/registry', (r) => ({ title: `Informasi ${r}`, category: 'setiap_saat', organizationId: t.orgs.get('dinkes'), period: '2026' }), HANDLERS],
      ['PATCH', () => `/api/ppid/registry/${itemId}`, (r) => ({ summary: `oleh ${r}` }), HANDLERS],
      ['POST', () => '/api/ppid/calendar/days', (r) => ({ date: '2026-12-31', kind: 'cuti_bersama', label: `uji ${r}` }), HANDLERS],
    ];
    test('role × route: 2xx for the allowed roles, 403 for the others, 401 without a session', async () => {
      for (const [method, url, body, allowed] of matrix) {
        assert.equal((await t.app.inject({ method, url: url(), payload: body?.('admin') })).statusCode, 401, url());
        for (const [role, s] of Object.entries(as) as [Role, Session][]) {
          const res = await t.as(s)({ method, url: url(), payload: body?.(role) });
          if (allowed.includes(role)) assert.ok(res.statusCode >= 200 && res.statusCode < 300, `${role} ${method} ${url()} → ${res.statusCode} ${res.body}`);
          else assert.equal(res.statusCode, 403, `${role} ${method} ${url()}`);
        }
      }
      const respond = { kind: 'granted', text: 'Terlampir' };
      assert.equal((await t.as(as.pimpinan!)({ method: 'POST', url: `/api/ppid/requests/${reqId}/respond`, payload: respond })).statusCode, 403, 'atasan reads, does not answer');
      assert.equal((await t.as(as.operator!)({ method: 'GET', url: `/api/ppid/requests/${reqId}` })).statusCode, 403);
      assert.equal((await t.as(as.ppid_officer!)({ method: 'GET', url: '/api/ppid/requests/00000000-0000-4000-8000-000000000000' })).statusCode, 404);
      assert.equal((await t.as(as.ppid_officer!)({ method: 'POST', url: `/api/ppid/requests/${reqId}/respond`, payload: { kind: 'nope', text: 'x' } })).statusCode, 400);
      assert.equal((await t.as(as.ppid_officer!)({ method: 'POST', url: `/api/ppid/requests/${reqId}/route`, payload: { organizationId: '00000000-0000-4000-8000-000000000000' } })).statusCode, 400);
    });

    test('a PPID Pelaksana sees only its OPD: requests and registry writes', async () => {
      const pel = await t.signIn({ role: 'ppid_officer', org: 'dishub' });
      assert.equal((await t.as(pel)({ method: 'GET', url: '/api/ppid/requests' })).json().total, 0);
      assert.equal((await t.as(pel)({ method: 'GET', url: `/api/ppid/requests/${reqId}` })).statusCode, 404);
      assert.equal((await t.as(pel)({ method: 'PATCH', url: `/api/ppid/registry/${itemId}`, payload: { title: 'Ubah' } })).statusCode, 403);
    });

    test('the public sees only published, non-exempt items and no personal data anywhere', async () => {
      const pub = await t.app.inject({ method: 'GET', url: '/api/public/ppid/registry?q=Rencana' });
      assert.equal(pub.statusCode, 200);
      assert.deepEqual(pub.json().items.map((i: { id: string }) => i.id), [itemId]);
      const all = (await t.app.inject({ method: 'GET', url: '/api/public/ppid/registry' })).json();
      assert.ok(!all.items.some((i: { id: string }) => i.id === exemptId));
      const publish = await t.as(as.ppid_officer!)({ method: 'PATCH', url: `/api/ppid/registry/${exemptId}`, payload: { published: true } });
      assert.equal(publish.statusCode, 400, 'exempt information cannot be published');
      const noBasis = await t.as(as.ppid_officer!)({ method: 'POST', url: '/api/ppid/registry', payload: { title: 'X', category: 'dikecualikan', organizationId: t.orgs.get('dinkes'), period: '-' } });
      assert.equal(noBasis.statusCode, 400);
      const guess = await t.app.inject({ method: 'POST', url: '/api/public/ppid/track', payload: { registrationNumber: 'PPID-2026-000001', trackingCode: 'aaaaaaaaaaaa' } });
      assert.equal(guess.statusCode, 404, 'the registration number alone opens nothing');
      const nik = await t.app.inject({ method: 'POST', url: '/api/public/ppid/requests', payload: requestInput({ idNumber: '123' }) });
      assert.equal(nik.statusCode, 400);
      const extra = await t.app.inject({ method: 'POST', url: '/api/public/ppid/requests', payload: { ...requestInput(), status: 'granted' } });
      assert.equal(extra.statusCode, 400, 'no unknown fields');
      const huge = await t.app.inject({ method: 'POST', url: '/api/public/ppid/requests', payload: requestInput({ information: 'x'.repeat(40_000) }) });
      assert.equal(huge.statusCode, 413);
    });

    test('registry documents are public only while their item is published', async () => {
      const pdf = Buffer.from('%PDF-1.7\n');
      const up = await t.as(as.ppid_officer!)({ method: 'POST', url: `/api/ppid/registry/${itemId}/documents?filename=renstra.pdf`, payload: pdf, headers: { 'content-type': 'application/pdf' } });
      assert.equal(up.statusCode, 201, up.body);
      const url = `/api/public/ppid/registry/documents/${up.json().id}`;
      assert.equal((await t.app.inject({ method: 'GET', url })).statusCode, 200);
      await t.as(as.ppid_officer!)({ method: 'PATCH', url: `/api/ppid/registry/${itemId}`, payload: { published: false } });
      assert.equal((await t.app.inject({ method: 'GET', url })).statusCode, 404);
      assert.equal((await t.as(as.pimpinan!)({ method: 'GET', url: `/api/ppid/documents/${up.json().id}` })).statusCode, 200, 'officers still read it');
      await t.as(as.ppid_officer!)({ method: 'PATCH', url: `/api/ppid/registry/${itemId}`, payload: { published: true } });
    });

    test('public filing is rate-limited per IP', async () => {
      const codes: number[] = [];
      for (let i = 0; i < 8; i++) codes.push((await t.app.inject({ method: 'POST', url: '/api/public/ppid/requests', payload: requestInput(), remoteAddress: '10.9.9.9' })).statusCode);
      assert.ok(codes.includes(201));
      assert.equal(codes.at(-1), 429);
    });

    test('calendar edits: add a decree day, it moves new deadlines; delete 204 then 404', async () => {
      const put = await t.as(as.ppid_officer!)({ method: 'POST', url: '/api/ppid/calendar/days', payload: { date: '2026-01-07', kind: 'cuti_bersama', label: 'Uji SKB' } });
      assert.equal(put.statusCode, 204);
      const cal = (await t.as(as.ppid_officer!)({ method: 'GET', url: '/api/ppid/calendar/2026' })).json();
      assert.ok(cal.some((d: { date: string; source: string }) => d.date === '2026-01-07' && d.source === 'tenant'));
      assert.ok(cal.some((d: { date: string; source: string }) => d.date === '2026-03-23' && d.source === 'decree'));
      setClock(t, '2026-01-06T09:00:00');
      assert.equal((await fileRequest(t)).dueOn, '2026-01-22', 'without the edit: 21 Jan');
      assert.equal((await t.as(as.pimpinan!)({ method: 'POST', url: '/api/ppid/calendar/days', payload: { date: '2026-01-08', kind: 'holiday', label: 'x' } })).statusCode, 403);
      assert.equal((await t.as(as.ppid_officer!)({ method: 'DELETE', url: '/api/ppid/calendar/days/2026-01-07' })).statusCode, 204);
      assert.equal((await t.as(as.ppid_officer!)({ method: 'DELETE', url: '/api/ppid/calendar/days/2026-01-07' })).statusCode, 404);
    });
  });
}
