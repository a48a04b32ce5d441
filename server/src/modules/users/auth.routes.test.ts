import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DB_KINDS } from '../../testing/db.ts';
import { testApp, type TestApp } from '../../testing/app.ts';

for (const kind of DB_KINDS) {
  describe(`auth on ${kind}`, () => {
    let t: TestApp;
    before(async () => (t = await testApp(kind)));
    after(() => t.close());

    test('login sets an httpOnly SameSite cookie and returns the user with permissions', async () => {
      const { user, password } = await t.buildUser({ role: 'operator', org: 'dishub' });
      const s = await t.login(user.username.toUpperCase(), password);
      assert.equal(s.res.statusCode, 200);
      const c = s.res.cookies.find((x) => x.name === 'pantau_session')!;
      assert.equal(c.httpOnly, true);
      assert.equal(c.sameSite, 'Strict');
      const body = s.res.json();
      assert.equal(body.user.role, 'operator');
      assert.equal(body.user.tenant.regionCode, '62');
      assert.ok(body.user.permissions.includes('camera.read'));
      assert.ok(!body.user.permissions.includes('user.write'));
      const me = await t.as(s)({ method: 'GET', url: '/api/auth/session' });
      assert.equal(me.statusCode, 200);
      assert.equal(me.json().csrfToken, s.csrf);
    });

    test('wrong password and unknown user give the same 401; both are audited', async () => {
      const { user } = await t.buildUser({ role: 'pimpinan' });
      const a = await t.login(user.username, 'salah-sekali-123');
      const b = await t.login('tidak-ada', 'salah-sekali-123');
      assert.equal(a.res.statusCode, 401);
      assert.equal(b.res.statusCode, 401);
      assert.deepEqual(a.res.json().error.code, 'invalid_credentials');
      assert.equal(a.res.json().error.message, b.res.json().error.message);
      const rows = await t.db.selectFrom('audit_log').select(['action', 'actor_label', 'details']).where('action', '=', 'auth.login_failed').execute();
      assert.ok(rows.some((r) => r.actor_label === 'tidak-ada' && (r.details as { reason: string }).reason === 'unknown_user'));
      assert.ok(rows.some((r) => r.actor_label === user.username && (r.details as { reason: string }).reason === 'bad_password'));
    });

    test('five failures lock the account; the right password is refused until the lock ends', async () => {
      const { user, password } = await t.buildUser({ role: 'operator' });
      for (let i = 0; i < 4; i++) assert.equal((await t.login(user.username, 'salah-salah-123')).res.statusCode, 401);
      const fifth = await t.login(user.username, 'salah-salah-123');
      assert.equal(fifth.res.statusCode, 423);
      assert.ok(fifth.res.json().error.details.lockedUntil);
      assert.equal((await t.login(user.username, password)).res.statusCode, 423);
      t.clock.advance(16 * 60_000);
      assert.equal((await t.login(user.username, password)).res.statusCode, 200);
    });

    test('a disabled user cannot log in and loses open sessions', async () => {
      const admin = await t.signIn({ role: 'admin' });
      const op = await t.signIn({ role: 'operator' });
      const res = await t.as(admin)({ method: 'PATCH', url: `/api/users/${op.userId}`, payload: { disabled: true } });
      assert.equal(res.statusCode, 200);
      assert.equal((await t.as(op)({ method: 'GET', url: '/api/auth/session' })).statusCode, 401);
      assert.equal((await t.login(op.username, op.password)).res.statusCode, 401);
    });

    test('writes with a session need the CSRF header', async () => {
      const admin = await t.signIn({ role: 'admin' });
      const noCsrf = await t.app.inject({ method: 'POST', url: '/api/organizations', headers: { cookie: admin.cookie }, payload: { code: 'x-org', name: 'Organisasi X', kind: 'opd' } });
      assert.equal(noCsrf.statusCode, 403);
      assert.equal(noCsrf.json().error.code, 'csrf_failed');
      const wrong = await t.app.inject({ method: 'POST', url: '/api/organizations', headers: { cookie: admin.cookie, 'x-csrf-token': 'nope' }, payload: { code: 'x-org', name: 'Organisasi X', kind: 'opd' } });
      assert.equal(wrong.statusCode, 403);
      assert.equal(await t.db.selectFrom('organizations').select('id').where('code', '=', 'x-org').executeTakeFirst(), undefined);
      const ok = await t.as(admin)({ method: 'POST', url: '/api/organizations', payload: { code: 'x-org', name: 'Organisasi X', kind: 'opd' } });
      assert.equal(ok.statusCode, 201);
    });

    test('logout ends the session', async () => {
      const s = await t.signIn({ role: 'pimpinan' });
      assert.equal((await t.as(s)({ method: 'POST', url: '/api/auth/logout' })).statusCode, 204);
      assert.equal((await t.as(s)({ method: 'GET', url: '/api/auth/session' })).statusCode, 401);
    });

    test('sessions expire', async () => {
      const s = await t.signIn({ role: 'pimpinan' });
      t.clock.advance(13 * 3_600_000);
      assert.equal((await t.as(s)({ method: 'GET', url: '/api/auth/session' })).statusCode, 401);
    });

    test('password change checks the current password and ends other sessions', async () => {
      const s1 = await t.signIn({ role: 'operator', password: 'awal-sandi-panjang' });
      const s2 = await t.login(s1.username, 'awal-sandi-panjang');
      const bad = await t.as(s1)({ method: 'POST', url: '/api/auth/password', payload: { currentPassword: 'bukan-ini-123', newPassword: 'baru-sandi-panjang' } });
      assert.equal(bad.statusCode, 400);
      const short = await t.as(s1)({ method: 'POST', url: '/api/auth/password', payload: { currentPassword: 'awal-sandi-panjang', newPassword: 'pendek' } });
      assert.equal(short.statusCode, 400);
      const ok = await t.as(s1)({ method: 'POST', url: '/api/auth/password', payload: { currentPassword: 'awal-sandi-panjang', newPassword: 'baru-sandi-panjang' } });
      assert.equal(ok.statusCode, 204);
      assert.equal((await t.as(s1)({ method: 'GET', url: '/api/auth/session' })).statusCode, 200);
      assert.equal((await t.as(s2)({ method: 'GET', url: '/api/auth/session' })).statusCode, 401);
      assert.equal((await t.login(s1.username, 'baru-sandi-panjang')).res.statusCode, 200);
      const hash = await t.db.selectFrom('users').select('password_hash').where('id', '=', s1.userId).executeTakeFirstOrThrow();
      assert.match(hash.password_hash, /^\$argon2id\$/);
    });
  });
}

describe('login rate limit per IP', () => {
  let t: TestApp;
  before(async () => (t = await testApp('pglite', { loginPerMinute: 3 })));
  after(() => t.close());
  test('the fourth attempt within a minute gets 429', async () => {
    const codes = [];
    for (let i = 0; i < 4; i++) codes.push((await t.login('siapa', 'salah-salah-123')).res.statusCode);
    assert.deepEqual(codes, [401, 401, 401, 429]);
    const last = await t.login('siapa', 'x');
    assert.equal(last.res.json().error.code, 'rate_limited');
  });
});
