import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DB_KINDS } from '../../testing/db.ts';
import { testApp, type Session, type TestApp } from '../../testing/app.ts';

for (const kind of DB_KINDS) {
  describe(`user administration and API tokens on ${kind}`, () => {
    let t: TestApp;
    let admin: Session;
    before(async () => {
      t = await testApp(kind);
      admin = await t.signIn({ role: 'admin' });
    });
    after(() => t.close());

    test('create → 201 (must change password), duplicate → 409, bad region/org → 400', async () => {
      const payload = { username: 'Petugas.BPBD', displayName: 'Petugas BPBD', role: 'agency_officer', organizationId: t.orgs.get('bpbd'), regionCodes: ['62.71'], password: 'sandi-awal-panjang' };
      const res = await t.as(admin)({ method: 'POST', url: '/api/users', payload });
      assert.equal(res.statusCode, 201, res.body);
      const u = res.json();
      assert.equal(u.username, 'petugas.bpbd');
      assert.ok(!('passwordHash' in u) && !res.body.includes('argon2'));
      const login = await t.login('petugas.bpbd', 'sandi-awal-panjang');
      assert.equal(login.res.json().user.mustChangePassword, true);
      assert.equal((await t.as(admin)({ method: 'POST', url: '/api/users', payload })).statusCode, 409);
      const badRegion = await t.as(admin)({ method: 'POST', url: '/api/users', payload: { ...payload, username: 'x1x', regionCodes: ['63.71'] } });
      assert.equal(badRegion.statusCode, 400);
      const badOrg = await t.as(admin)({ method: 'POST', url: '/api/users', payload: { ...payload, username: 'x2x', organizationId: '00000000-0000-4000-8000-000000000000' } });
      assert.equal(badOrg.statusCode, 400);
      const badRole = await t.as(admin)({ method: 'POST', url: '/api/users', payload: { ...payload, username: 'x3x', role: 'superuser' } });
      assert.equal(badRole.statusCode, 400);
    });

    test('list with search and role filter; get → 404 for unknown ids', async () => {
      await t.buildUser({ role: 'ppid_officer', username: 'ppid.kapuas' });
      const list = (await t.as(admin)({ method: 'GET', url: '/api/users?q=kapuas' })).json();
      assert.deepEqual(list.items.map((u: { username: string }) => u.username), ['ppid.kapuas']);
      const byRole = (await t.as(admin)({ method: 'GET', url: '/api/users?role=ppid_officer' })).json();
      assert.ok(byRole.items.every((u: { role: string }) => u.role === 'ppid_officer'));
      assert.equal((await t.as(admin)({ method: 'GET', url: '/api/users/00000000-0000-4000-8000-000000000000' })).statusCode, 404);
    });

    test('update: role change ends sessions, unlock clears a lockout, admins cannot demote themselves', async () => {
      const op = await t.signIn({ role: 'operator' });
      const res = await t.as(admin)({ method: 'PATCH', url: `/api/users/${op.userId}`, payload: { role: 'pimpinan' } });
      assert.equal(res.json().role, 'pimpinan');
      assert.equal((await t.as(op)({ method: 'GET', url: '/api/auth/session' })).statusCode, 401);
      for (let i = 0; i < 5; i++) await t.login(op.username, 'salah-salah-123');
      assert.equal((await t.login(op.username, op.password)).res.statusCode, 423);
      await t.as(admin)({ method: 'PATCH', url: `/api/users/${op.userId}`, payload: { unlock: true } });
      assert.equal((await t.login(op.username, op.password)).res.statusCode, 200);
      const self = await t.as(admin)({ method: 'PATCH', url: `/api/users/${admin.userId}`, payload: { role: 'operator' } });
      assert.equal(self.statusCode, 409);
      const unknownField = await t.as(admin)({ method: 'PATCH', url: `/api/users/${op.userId}`, payload: { passwordHash: 'x' } });
      assert.equal(unknownField.statusCode, 400);
      const audit = await t.db.selectFrom('audit_log').select('details').where('action', '=', 'user.update').where('target_id', '=', op.userId).execute();
      assert.ok(audit.length >= 2);
    });

    test('API tokens: shown once, hashed at rest, scoped, revocable; a token cannot mint tokens', async () => {
      const op = await t.signIn({ role: 'operator' });
      const created = await t.as(op)({ method: 'POST', url: '/api/tokens', payload: { name: 'Integrasi Dishub', scopes: ['cameras:read'], expiresInDays: 30 } });
      assert.equal(created.statusCode, 201);
      const { token, id } = created.json();
      assert.match(token, /^pnt_/);
      const row = await t.db.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      assert.notEqual(row.token_hash, token);
      assert.ok(!JSON.stringify(row).includes(token));
      assert.ok(!(await t.as(op)({ method: 'GET', url: '/api/tokens' })).body.includes(token));
      const bearer = (o: { method: 'GET' | 'POST'; url: string; payload?: unknown; tok?: string }) =>
        t.app.inject({ method: o.method, url: o.url, payload: o.payload as never, headers: { authorization: `Bearer ${o.tok ?? token}` } });
      assert.equal((await bearer({ method: 'GET', url: '/api/cameras' })).statusCode, 200);
      assert.equal((await bearer({ method: 'GET', url: '/api/users' })).statusCode, 403, 'scope and role both limit');
      const adminTok = (await t.as(admin)({ method: 'POST', url: '/api/tokens', payload: { name: 'baca', scopes: ['cameras:read'] } })).json().token;
      assert.equal((await bearer({ method: 'POST', url: '/api/organizations', payload: { code: 'tok-org', name: 'Lewat token', kind: 'opd' }, tok: adminTok })).statusCode, 403, 'read scope cannot write');
      assert.equal((await bearer({ method: 'GET', url: '/api/audit', tok: adminTok })).statusCode, 403, 'no audit scope');
      assert.equal((await bearer({ method: 'POST', url: '/api/tokens', payload: { name: 'anak', scopes: ['cameras:read'] } })).statusCode, 403);
      assert.equal((await bearer({ method: 'GET', url: '/api/cameras', tok: 'pnt_bogus' })).statusCode, 401);
      assert.equal((await t.as(op)({ method: 'DELETE', url: `/api/tokens/${id}` })).statusCode, 204);
      assert.equal((await t.as(op)({ method: 'DELETE', url: `/api/tokens/${id}` })).statusCode, 404);
      assert.equal((await bearer({ method: 'GET', url: '/api/cameras' })).statusCode, 401);
      const expiring = (await t.as(op)({ method: 'POST', url: '/api/tokens', payload: { name: 'pendek', scopes: ['cameras:read'], expiresInDays: 1 } })).json().token;
      t.clock.advance(2 * 86_400_000);
      assert.equal((await bearer({ method: 'GET', url: '/api/cameras', tok: expiring })).statusCode, 401);
    });
  });
}
