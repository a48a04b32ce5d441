// Smart Displays through HTTP: role × route statuses, scenes and playlists with their conflicts,
// push validation by tier, and the pairing flow (expiry, one-time token, revoke).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DB_KINDS } from '../../testing/db.ts';
import { testApp, type Session, type TestApp } from '../../testing/app.ts';
import { TenancyRepository } from '../tenancy/index.ts';
import { pairDisplay, scenePayload } from './displays.testing.ts';

const NOPE = '00000000-0000-4000-8000-000000000000';

for (const kind of DB_KINDS) {
  describe(`smart displays (console side) on ${kind}`, () => {
    let t: TestApp;
    let admin: Session;
    let op: Session;
    let boss: Session;
    let ppid: Session;
    let pub: string;
    let lead: string;
    let hidden: string;
    before(async () => {
      t = await testApp(kind);
      admin = await t.signIn({ role: 'admin' });
      op = await t.signIn({ role: 'operator' });
      boss = await t.signIn({ role: 'pimpinan' });
      ppid = await t.signIn({ role: 'ppid_officer' });
      pub = (await t.buildCamera({ visibility: 'public', name: 'Bundaran Besar' })).id;
      lead = (await t.buildCamera({ visibility: 'pimpinan', name: 'Ruang Rapat' })).id;
      hidden = (await t.buildCamera({ visibility: 'internal', name: 'Gudang Rahasia' })).id;
    });
    after(() => t.close());

    test('scenes: create 201, duplicate 409, bad layout/tile count 400, internal or unknown camera 400 without its name, roles', async () => {
      const res = await t.as(op)({ method: 'POST', url: '/api/displays/scenes', payload: scenePayload('Lobi', [pub, lead]) });
      assert.equal(res.statusCode, 201, res.body);
      const scene = res.json();
      assert.deepEqual(scene.tiles[0].cameraIds, [pub, lead]);
      assert.equal(scene.tiles[0].dwellSeconds, 20, 'default dwell');
      assert.equal((await t.as(op)({ method: 'POST', url: '/api/displays/scenes', payload: scenePayload('Lobi', [pub]) })).statusCode, 409);
      assert.equal((await t.as(op)({ method: 'POST', url: '/api/displays/scenes', payload: { ...scenePayload('Salah', [pub]), layout: 'quad' } })).statusCode, 400);
      const secret = await t.as(op)({ method: 'POST', url: '/api/displays/scenes', payload: scenePayload('Intip', [hidden]) });
      assert.equal(secret.statusCode, 400);
      assert.equal(secret.json().error.details[0].path, 'body.tiles.0.cameraIds.0');
      assert.ok(!secret.body.includes('Gudang'), 'an internal camera reads as unknown');
      assert.equal((await t.as(op)({ method: 'POST', url: '/api/displays/scenes', payload: scenePayload('Asing', [NOPE]) })).statusCode, 400);
      assert.equal((await t.as(boss)({ method: 'POST', url: '/api/displays/scenes', payload: scenePayload('Boss', [pub]) })).statusCode, 403);
      assert.equal((await t.as(boss)({ method: 'GET', url: '/api/displays/scenes' })).statusCode, 200, 'pimpinan may read');
      assert.equal((await t.as(ppid)({ method: 'GET', url: '/api/displays/scenes' })).statusCode, 403);
      assert.equal((await t.as(null)({ method: 'GET', url: '/api/displays/scenes' })).statusCode, 401);
      assert.equal((await t.as(op)({ method: 'GET', url: `/api/displays/scenes/${NOPE}` })).statusCode, 404);
      const put = await t.as(op)({ method: 'PUT', url: `/api/displays/scenes/${scene.id}`, payload: scenePayload('Lobi utama', [pub]) });
      assert.equal(put.statusCode, 200, put.body);
      assert.equal(put.json().name, 'Lobi utama');
      assert.equal((await t.as(op)({ method: 'PUT', url: `/api/displays/scenes/${NOPE}`, payload: scenePayload('X', [pub]) })).statusCode, 404);
    });

    test('playlists: unknown scene 400, scene in use 409, playlist in use 409, deletes 204 then 404', async () => {
      const scene = (await t.as(op)({ method: 'POST', url: '/api/displays/scenes', payload: scenePayload('Dipakai', [pub]) })).json();
      const bad = await t.as(op)({ method: 'POST', url: '/api/displays/playlists', payload: { name: 'Salah', items: [{ sceneId: NOPE, seconds: 10 }] } });
      assert.equal(bad.statusCode, 400);
      assert.equal(bad.json().error.details[0].path, 'body.items.0.sceneId');
      assert.equal((await t.as(op)({ method: 'POST', url: '/api/displays/playlists', payload: { name: 'Cepat', items: [{ sceneId: scene.id, seconds: 1 }] } })).statusCode, 400);
      const pl = await t.as(op)({ method: 'POST', url: '/api/displays/playlists', payload: { name: 'Harian', items: [{ sceneId: scene.id, seconds: 30, days: [1, 2, 3, 4, 5], from: '07:00', to: '16:00' }] } });
      assert.equal(pl.statusCode, 201, pl.body);
      assert.equal((await t.as(op)({ method: 'POST', url: '/api/displays/playlists', payload: { name: 'Harian', items: [{ sceneId: scene.id, seconds: 30 }] } })).statusCode, 409);
      assert.equal((await t.as(op)({ method: 'DELETE', url: `/api/displays/scenes/${scene.id}` })).statusCode, 409, 'a playlist plays it');
      const { display } = await pairDisplay(t, op, { name: 'Lobi Balai Kota', playlistId: pl.json().id });
      assert.equal((await t.as(op)({ method: 'DELETE', url: `/api/displays/playlists/${pl.json().id}` })).statusCode, 409, 'a display uses it');
      assert.equal((await t.as(op)({ method: 'PATCH', url: `/api/displays/${display.id}`, payload: { playlistId: null } })).statusCode, 200);
      assert.equal((await t.as(boss)({ method: 'DELETE', url: `/api/displays/playlists/${pl.json().id}` })).statusCode, 403);
      assert.equal((await t.as(op)({ method: 'DELETE', url: `/api/displays/playlists/${pl.json().id}` })).statusCode, 204);
      assert.equal((await t.as(op)({ method: 'DELETE', url: `/api/displays/playlists/${pl.json().id}` })).statusCode, 404);
      assert.equal((await t.as(op)({ method: 'DELETE', url: `/api/displays/scenes/${scene.id}` })).statusCode, 204);
      assert.equal((await t.as(op)({ method: 'GET', url: `/api/displays/playlists/${NOPE}` })).statusCode, 404);
    });

    test('displays: list/get/patch by role, push validated by tier, resume, revoke 204 then 404', async () => {
      const { display } = await pairDisplay(t, admin, { name: 'Lobi Publik', tier: 'public' });
      assert.equal(display.tier, 'public');
      assert.deepEqual(display.showing, { mode: 'playlist' });
      assert.equal(display.online, false);
      for (const s of [admin, op, boss]) assert.equal((await t.as(s)({ method: 'GET', url: '/api/displays' })).statusCode, 200);
      assert.equal((await t.as(ppid)({ method: 'GET', url: '/api/displays' })).statusCode, 403);
      assert.equal((await t.as(null)({ method: 'GET', url: '/api/displays' })).statusCode, 401);
      assert.equal((await t.as(boss)({ method: 'GET', url: `/api/displays/${display.id}` })).statusCode, 200);
      assert.equal((await t.as(op)({ method: 'GET', url: `/api/displays/${NOPE}` })).statusCode, 404);
      assert.equal((await t.as(boss)({ method: 'PATCH', url: `/api/displays/${display.id}`, payload: { name: 'X' } })).statusCode, 403);
      assert.equal((await t.as(op)({ method: 'PATCH', url: `/api/displays/${display.id}`, payload: { playlistId: NOPE } })).statusCode, 400);
      assert.equal((await t.as(op)({ method: 'PATCH', url: `/api/displays/${display.id}`, payload: { tier: 'internal' } })).statusCode, 400);

      const url = `/api/displays/${display.id}/push`;
      assert.equal((await t.as(boss)({ method: 'POST', url, payload: { kind: 'camera', cameraId: pub } })).statusCode, 403);
      const tooHigh = await t.as(op)({ method: 'POST', url, payload: { kind: 'camera', cameraId: lead } });
      assert.equal(tooHigh.statusCode, 400, 'a pimpinan camera never goes to a public display');
      assert.match(tooHigh.json().error.message, /pimpinan/);
      const hid = await t.as(op)({ method: 'POST', url, payload: { kind: 'cameras', cameraIds: [pub, hidden], grid: 4 } });
      assert.equal(hid.statusCode, 400);
      assert.equal(hid.json().error.details[0].path, 'body.cameraIds.1');
      assert.ok(!hid.body.includes('Gudang'));
      assert.equal((await t.as(op)({ method: 'POST', url, payload: { kind: 'scene', sceneId: NOPE } })).statusCode, 400);
      assert.equal((await t.as(op)({ method: 'POST', url: `/api/displays/${NOPE}/push`, payload: { kind: 'camera', cameraId: pub } })).statusCode, 404);
      const ok = await t.as(op)({ method: 'POST', url, payload: { kind: 'camera', cameraId: pub, seconds: 60 } });
      assert.equal(ok.statusCode, 200, ok.body);
      assert.equal(ok.json().showing.mode, 'push');
      assert.equal(Date.parse(ok.json().showing.until) - Date.parse(ok.json().showing.at), 60_000);
      // worker-free expiry: past `until` the display reads as back on its playlist
      t.clock.advance(61_000);
      assert.deepEqual((await t.as(op)({ method: 'GET', url: `/api/displays/${display.id}` })).json().showing, { mode: 'playlist' });
      await t.as(op)({ method: 'POST', url, payload: { kind: 'camera', cameraId: pub } });
      const resumed = await t.as(op)({ method: 'POST', url: `/api/displays/${display.id}/resume` });
      assert.equal(resumed.statusCode, 200);
      assert.deepEqual(resumed.json().showing, { mode: 'playlist' });
      assert.equal((await t.as(boss)({ method: 'POST', url: `/api/displays/${display.id}/resume` })).statusCode, 403);

      assert.equal((await t.as(boss)({ method: 'DELETE', url: `/api/displays/${display.id}` })).statusCode, 403);
      assert.equal((await t.as(op)({ method: 'DELETE', url: `/api/displays/${display.id}` })).statusCode, 204);
      assert.equal((await t.as(op)({ method: 'DELETE', url: `/api/displays/${display.id}` })).statusCode, 404);
      assert.equal((await t.as(op)({ method: 'GET', url: `/api/displays/${display.id}` })).json().state, 'revoked');
      const audit = await t.db.selectFrom('audit_log').select('action').where('target_id', '=', display.id).execute();
      assert.deepEqual(new Set(audit.map((a) => a.action)), new Set(['display.pair', 'display.token_issued', 'display.push', 'display.resume', 'display.revoke']));
    });

    test('another tenant sees none of it', async () => {
      const { display } = await pairDisplay(t, op, { name: 'Milik sendiri' });
      const other = await new TenancyRepository().insertTenant(t.db, { slug: `lain${Date.now()}`, name: 'Kota Lain', regionCode: '63.71' });
      const stranger = await t.signIn({ role: 'admin', tenantId: other.id });
      assert.equal((await t.as(stranger)({ method: 'GET', url: `/api/displays/${display.id}` })).statusCode, 404);
      assert.deepEqual((await t.as(stranger)({ method: 'GET', url: '/api/displays' })).json(), []);
      assert.equal((await t.as(stranger)({ method: 'POST', url: `/api/displays/${display.id}/push`, payload: { kind: 'camera', cameraId: pub } })).statusCode, 404);
    });
  });
}
