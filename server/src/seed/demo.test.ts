import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { buildServices } from '../app.ts';
import { freshDatabase } from '../testing/db.ts';
import { ManualClock } from '../platform/clock.ts';
import { SecretBox } from '../platform/crypto/secret-box.ts';
import { seedDemo } from './demo.ts';
import { DEMO_CAMERAS, DEMO_USERS } from './kalteng.ts';

test('the demo seed creates the Kalimantan Tengah tenant once, and every demo password works', async () => {
  const h = await freshDatabase('pglite');
  try {
    const services = buildServices({ db: h.db, clock: new ManualClock(), secrets: new SecretBox(randomBytes(32)), options: { sessionHours: 1, loginMaxFailures: 5, loginLockMinutes: 15 } });
    const first = await seedDemo(h.db, services);
    assert.equal(first.seeded, true);
    assert.equal(first.credentials.length, DEMO_USERS.length);
    assert.deepEqual(new Set(first.credentials.map((c) => c.role)), new Set(['admin', 'operator', 'pimpinan', 'agency_officer', 'ppid_officer', 'data_steward']));
    const second = await seedDemo(h.db, services);
    assert.deepEqual(second, { seeded: false, credentials: [] });
    const cams = await h.db.selectFrom('cameras').select(['code', 'region_code', 'lat', 'lng', 'visibility']).execute();
    assert.equal(cams.length, DEMO_CAMERAS.length);
    assert.ok(cams.length >= 30);
    // every camera lies inside Kalimantan Tengah's bounding box (shared/geo README)
    for (const c of cams) assert.ok(c.lng > 110.7 && c.lng < 115.9 && c.lat > -3.6 && c.lat < 0.8, c.code);
    for (const place of ['62.71', '62.01', '62.05', '62.02', '62.03']) assert.ok(cams.some((c) => c.region_code.startsWith(place)), place);
    assert.deepEqual(new Set(cams.map((c) => c.visibility)), new Set(['internal', 'pimpinan', 'public']));
    const regions = await h.db.selectFrom('regions').select('code').where('code', 'like', '62.%').where('level', 'in', ['kabupaten', 'kota']).execute();
    assert.equal(regions.length, 14);
    const orgs = await h.db.selectFrom('organizations').select('code').execute();
    assert.ok(['diskominfo', 'dishub', 'satpol-pp', 'bpbd', 'damkar', 'dinkes', 'polres-satlantas', 'pupr'].every((c) => orgs.some((o) => o.code === c)));
    for (const c of first.credentials) {
      const r = await services.auth.login(c.username, c.password, null, null);
      assert.equal(r.response.user.role, c.role);
    }
    assert.equal((await services.audit.verify()).ok, true);
  } finally {
    await h.close();
  }
});
