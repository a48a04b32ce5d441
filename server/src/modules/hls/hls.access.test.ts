// The stand-in access rule on a real database (PGlite, and PostgreSQL when configured), and the
// one-second memory in front of any rule.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DB_KINDS } from '../../testing/db.ts';
import { testApp, type TestApp } from '../../testing/app.ts';
import { cachedAccess, publicCameraAccess, type HlsRequestLike } from './hls.access.ts';

const anonymous: HlsRequestLike = { cookies: {}, headers: {} };

for (const kind of DB_KINDS) {
  describe(`HLS access (${kind})`, () => {
    let t: TestApp;
    before(async () => {
      t = await testApp(kind);
    });
    after(() => t?.close());

    test('only enabled public cameras may be watched, and their answers are cacheable', async () => {
      const access = publicCameraAccess(t.db);
      const pub = await t.buildCamera({ visibility: 'public' });
      const pim = await t.buildCamera({ visibility: 'pimpinan' });
      const int = await t.buildCamera({ visibility: 'internal' });
      const off = await t.buildCamera({ visibility: 'public' });
      await t.services.cameras.update(t.system, off.id, { enabled: false });
      assert.deepEqual(await access(anonymous, pub.id), { ok: true, cacheable: true });
      for (const c of [pim, int, off]) assert.deepEqual(await access(anonymous, c.id), { ok: false });
      assert.deepEqual(await access(anonymous, '00000000-0000-4000-8000-000000000000'), { ok: false });
    });
  });
}

test('answers are kept per camera and credentials for the TTL; a failed lookup is not kept', async () => {
  let now = 0;
  let calls = 0;
  let fail = true;
  const access = cachedAccess(async () => {
    calls++;
    if (fail) throw new Error('database down');
    return { ok: true, cacheable: true };
  }, { ttlMs: 1000, now: () => now });
  await assert.rejects(access(anonymous, 'a'));
  fail = false;
  assert.deepEqual(await access(anonymous, 'a'), { ok: true, cacheable: true });
  await access(anonymous, 'a');
  assert.equal(calls, 2, 'the failure was asked again, the success kept');
  await access({ cookies: { pantau_session: 's1' }, headers: {} }, 'a');
  await access({ cookies: {}, headers: { authorization: 'Bearer x' } }, 'a');
  await access(anonymous, 'b');
  assert.equal(calls, 5, 'other credentials or another camera: their own answers');
  now = 1000;
  await access(anonymous, 'a');
  assert.equal(calls, 6, 'asked again after the TTL');
});
