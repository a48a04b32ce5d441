import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { DB_KINDS } from '../../testing/db.ts';
import { testApp, type TestApp } from '../../testing/app.ts';
import { canonicalJson, chainHash, GENESIS_HASH } from './audit.chain.ts';

test('canonical JSON sorts keys at every depth and drops undefined', () => {
  assert.equal(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: undefined } }), '{"a":{"d":[1,{"y":2,"z":1}]},"b":1}');
  const f = { tenantId: null, at: new Date(0), actorId: null, actorLabel: 'x', action: 'a', targetType: null, targetId: null, ip: null, details: { k: 1 } };
  assert.notEqual(chainHash(GENESIS_HASH, f), chainHash(GENESIS_HASH, { ...f, details: { k: 2 } }));
  assert.equal(chainHash(GENESIS_HASH, f), chainHash(GENESIS_HASH, { ...f, details: { k: 1 } }));
});

for (const kind of DB_KINDS) {
  describe(`audit chain on ${kind}`, () => {
    let t: TestApp;
    before(async () => (t = await testApp(kind)));
    after(() => t.close());

    test('the database refuses UPDATE, DELETE and TRUNCATE', async () => {
      await t.signIn({ role: 'admin' });
      await assert.rejects(sql`update audit_log set action = 'x'`.execute(t.db), /append-only/);
      await assert.rejects(sql`delete from audit_log`.execute(t.db), /append-only/);
      await assert.rejects(sql`truncate audit_log`.execute(t.db), /append-only/);
    });

    test('concurrent writers still form one unbroken chain', async () => {
      await Promise.all(Array.from({ length: 12 }, (_, i) => t.buildCamera({ code: `AUD-${i}` })));
      const v = await t.services.audit.verify();
      assert.equal(v.ok, true, JSON.stringify(v.firstBad));
      assert.ok(v.rows >= 12);
    });

    test('the audit API filters by action and target and pages newest first', async () => {
      const admin = await t.signIn({ role: 'admin' });
      const res = (await t.as(admin)({ method: 'GET', url: '/api/audit?action=camera.&limit=5' })).json();
      assert.equal(res.items.length, 5);
      assert.ok(res.total >= 12);
      assert.ok(res.items.every((i: { action: string }) => i.action.startsWith('camera.')));
      assert.ok(Number(res.items[0].id) > Number(res.items[4].id));
      const future = (await t.as(admin)({ method: 'GET', url: `/api/audit?from=${encodeURIComponent('2999-01-01T00:00:00+07:00')}` })).json();
      assert.equal(future.total, 0);
      assert.equal((await t.as(admin)({ method: 'GET', url: '/api/audit?from=yesterday' })).statusCode, 400);
    });

    test('verification names the first altered or removed row', async () => {
      // superuser only: switch the guard off to play the attacker
      await sql`alter table audit_log disable trigger audit_log_no_update`.execute(t.db);
      const victim = await t.db.selectFrom('audit_log').select('id').orderBy('id').offset(3).limit(1).executeTakeFirstOrThrow();
      await sql`update audit_log set details = '{"code":"palsu"}' where id = ${victim.id}`.execute(t.db);
      let v = await t.services.audit.verify();
      assert.equal(v.ok, false);
      assert.equal(v.firstBad!.id, Number(victim.id));
      assert.match(v.firstBad!.reason, /altered/);
      await sql`delete from audit_log where id = ${victim.id}`.execute(t.db);
      v = await t.services.audit.verify();
      assert.equal(v.ok, false);
      assert.match(v.firstBad!.reason, /removed/);
      await sql`alter table audit_log enable trigger audit_log_no_update`.execute(t.db);
    });
  });
}
