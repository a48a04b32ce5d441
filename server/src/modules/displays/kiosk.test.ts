// The kiosk's side: pairing (waiting, expiry, one-time token), state resolved for the display's
// tier, map points, 401 after revoke, and the WebSocket (state on connect, a push within 2 s,
// `revoked` then close 4401, Origin checked).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import WebSocket from 'ws';
import { DISPLAY_COOKIE, DISPLAY_WS_PATH, PAIRING_CODE_PATTERN, hlsPlaylistPath, type KioskMessage } from '@pantau/shared';
import { DB_KINDS } from '../../testing/db.ts';
import { testApp, type Session, type TestApp } from '../../testing/app.ts';
import { seedIncidentDefaults } from '../incidents/index.ts';
import { pairDisplay, scenePayload } from './displays.testing.ts';

function connect(base: string, cookie: string | null, origin = base): Promise<{ ws: WebSocket; got: (KioskMessage & { at: number })[]; closed: { code: number } | null }> {
  return new Promise((resolve) => {
    const out = { ws: null as unknown as WebSocket, got: [] as (KioskMessage & { at: number })[], closed: null as { code: number } | null };
    out.ws = new WebSocket(`${base.replace('http', 'ws')}${DISPLAY_WS_PATH}`, { headers: { ...(cookie ? { cookie } : {}), origin } });
    out.ws.on('message', (d) => out.got.push({ ...JSON.parse(d.toString()), at: Date.now() }));
    out.ws.on('close', (code) => {
      out.closed = { code };
      resolve(out);
    });
    out.ws.on('open', () => resolve(out));
  });
}

/** The close code of a socket the server refuses (it may open first: the check awaits the database). */
async function refused(base: string, cookie: string | null, origin?: string): Promise<number | undefined> {
  const c = await connect(base, cookie, origin);
  await until(() => c.closed !== null);
  return c.closed?.code;
}

const until = async (fn: () => boolean, ms = 5_000) => {
  const t0 = Date.now();
  while (!fn()) {
    if (Date.now() - t0 > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
};

for (const kind of DB_KINDS) {
  describe(`smart displays (kiosk side) on ${kind}`, () => {
    let t: TestApp;
    let op: Session;
    let pub: string;
    let lead: string;
    let hidden: string;
    let base: string;
    before(async () => {
      t = await testApp(kind);
      await seedIncidentDefaults(t.db, t.tenant.id, t.orgs);
      op = await t.signIn({ role: 'operator' });
      pub = (await t.buildCamera({ visibility: 'public', name: 'Bundaran Besar' })).id;
      lead = (await t.buildCamera({ visibility: 'pimpinan', name: 'Ruang Rapat' })).id;
      hidden = (await t.buildCamera({ visibility: 'internal', name: 'Gudang Rahasia' })).id;
      base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    });
    after(() => t.close());

    test('pairing: code format, waiting, wrong secret, expiry after 15 minutes, 404/409 on approve, token handed out once', async () => {
      const start = (await t.app.inject({ method: 'POST', url: '/api/display/pair' })).json();
      assert.match(start.code, PAIRING_CODE_PATTERN);
      assert.equal(Date.parse(start.expiresAt) - t.clock.now().getTime(), 15 * 60_000);
      const poll = (secret = start.secret) => t.app.inject({ method: 'POST', url: '/api/display/pair/status', payload: { pairingId: start.pairingId, secret } });
      assert.deepEqual((await poll()).json(), { state: 'waiting' });
      assert.deepEqual((await poll('x'.repeat(32))).json(), { state: 'expired' }, 'a wrong secret learns nothing');
      const row = await t.db.selectFrom('display_pairings').select(['secret_hash']).where('id', '=', start.pairingId).executeTakeFirstOrThrow();
      assert.notEqual(row.secret_hash, start.secret, 'the secret is stored hashed');
      const approve = (code: string) => t.as(op)({ method: 'POST', url: '/api/displays/pair/approve', payload: { code, name: 'Lobi' } });
      assert.equal((await approve('AAAA-BBBB')).statusCode, 404);
      assert.equal((await approve('nope')).statusCode, 400);
      assert.equal((await t.as(null)({ method: 'POST', url: '/api/displays/pair/approve', payload: { code: start.code, name: 'Lobi' } })).statusCode, 401);

      t.clock.advance(15 * 60_000 + 1);
      assert.deepEqual((await poll()).json(), { state: 'expired' });
      assert.equal((await approve(start.code)).statusCode, 404, 'an expired code cannot be approved');

      const fresh = (await t.app.inject({ method: 'POST', url: '/api/display/pair' })).json();
      const ok = await approve(fresh.code.toLowerCase());
      assert.equal(ok.statusCode, 201, 'codes are case-insensitive');
      assert.equal((await approve(fresh.code)).statusCode, 409, 'a code is used once');
      const first = await t.app.inject({ method: 'POST', url: '/api/display/pair/status', payload: { pairingId: fresh.pairingId, secret: fresh.secret } });
      assert.deepEqual(first.json(), { state: 'approved' });
      const cookie = first.cookies.find((c) => c.name === DISPLAY_COOKIE)!;
      assert.equal(cookie.httpOnly, true);
      assert.equal(cookie.sameSite, 'Lax');
      assert.equal(cookie.path, '/');
      assert.ok(Number(cookie.maxAge) > 365 * 24 * 3600);
      const again = await t.app.inject({ method: 'POST', url: '/api/display/pair/status', payload: { pairingId: fresh.pairingId, secret: fresh.secret } });
      assert.deepEqual(again.json(), { state: 'expired' }, 'the token is handed out exactly once');
      assert.equal(again.cookies.length, 0);
      const d = await t.db.selectFrom('displays').select('token_hash').where('id', '=', ok.json().id).executeTakeFirstOrThrow();
      assert.notEqual(d.token_hash, cookie.value, 'the token is stored hashed');
      const state = await t.app.inject({ method: 'GET', url: '/api/display/state', headers: { cookie: `${DISPLAY_COOKIE}=${cookie.value}` } });
      assert.equal(state.statusCode, 200);
      assert.equal(state.json().display.name, 'Lobi');
      assert.equal((await t.app.inject({ method: 'GET', url: '/api/display/state' })).statusCode, 401);
      assert.equal((await t.app.inject({ method: 'GET', url: '/api/display/state', headers: { cookie: `${DISPLAY_COOKIE}=bogus` } })).statusCode, 401);
    });

    test('state per tier: internal never; pimpinan only for pimpinan displays; a camera made internal later disappears', async () => {
      const scene = (await t.as(op)({ method: 'POST', url: '/api/displays/scenes', payload: scenePayload('Semua', [pub, lead]) })).json();
      const pl = (await t.as(op)({ method: 'POST', url: '/api/displays/playlists', payload: { name: 'Satu', items: [{ sceneId: scene.id, seconds: 10, days: [0, 6], from: '22:00', to: '06:00' }] } })).json();
      const lobby = await pairDisplay(t, op, { name: 'Lobi', tier: 'public', playlistId: pl.id });
      const wall = await pairDisplay(t, op, { name: 'Dinding', tier: 'pimpinan', playlistId: pl.id });
      const stateOf = async (cookie: string) => (await t.app.inject({ method: 'GET', url: '/api/display/state', headers: { cookie } })).json();
      const camsOf = (s: { playlist: { scene: { tiles: { cameras?: { id: string }[] }[] } }[] }) => s.playlist[0]!.scene.tiles[0]!.cameras!.map((c) => c.id);
      const ls = await stateOf(lobby.cookie);
      assert.deepEqual(camsOf(ls), [pub]);
      assert.equal(ls.playlist[0].scene.tiles[0].cameras[0].hls, hlsPlaylistPath(pub));
      assert.deepEqual(ls.playlist[0].days, [0, 6]);
      assert.equal(ls.playlist[0].from, '22:00');
      assert.equal(ls.timeZone, 'Asia/Jakarta');
      assert.deepEqual(camsOf(await stateOf(wall.cookie)), [pub, lead]);
      await t.services.cameras.update(t.system, lead, { visibility: 'internal' });
      const after = await t.app.inject({ method: 'GET', url: '/api/display/state', headers: { cookie: wall.cookie } });
      assert.deepEqual(camsOf(after.json()), [pub]);
      assert.ok(!after.body.includes('Ruang Rapat') && !after.body.includes('Gudang'), 'no internal camera name anywhere in the state');
      await t.services.cameras.update(t.system, lead, { visibility: 'pimpinan' });
      // a pushed pimpinan camera shows on the pimpinan wall; made internal, the wall returns to its playlist
      await t.as(op)({ method: 'POST', url: `/api/displays/${wall.display.id}/push`, payload: { kind: 'camera', cameraId: lead } });
      assert.equal((await stateOf(wall.cookie)).override.scene.tiles[0].cameras[0].id, lead);
      await t.services.cameras.update(t.system, lead, { visibility: 'internal' });
      assert.equal((await stateOf(wall.cookie)).override, null);
      await t.services.cameras.update(t.system, lead, { visibility: 'pimpinan' });
      void hidden;
    });

    test('incident map: open incidents only, category and status, rounded for public displays', async () => {
      const fire = { category: 'kebakaran', lat: -2.209649, lng: 113.913712, address: 'Jl. Rahasia 7', description: 'Asap tebal dari ruko milik Pak Budi', reporter: { name: 'Budi', phone: '0812 3456 7890', email: null, anonymous: false } };
      const created = await t.as(op)({ method: 'POST', url: '/api/incidents', payload: fire });
      assert.equal(created.statusCode, 201, created.body);
      const lobby = await pairDisplay(t, op, { name: 'Peta publik', tier: 'public' });
      const wall = await pairDisplay(t, op, { name: 'Peta pimpinan', tier: 'pimpinan' });
      const pts = await t.app.inject({ method: 'GET', url: '/api/display/incidents', headers: { cookie: lobby.cookie } });
      assert.equal(pts.statusCode, 200);
      assert.deepEqual(Object.keys(pts.json()[0]).sort(), ['category', 'lat', 'lng', 'status']);
      assert.deepEqual([pts.json()[0].lat, pts.json()[0].lng], [-2.21, 113.914]);
      assert.ok(!/Budi|Rahasia|0812/.test(pts.body));
      assert.equal((await t.app.inject({ method: 'GET', url: '/api/display/incidents', headers: { cookie: wall.cookie } })).json()[0].lat, -2.209649);
      assert.equal((await t.app.inject({ method: 'GET', url: '/api/display/incidents' })).statusCode, 401);
    });

    test('WebSocket: state on connect, a push within 2 s, online in the console, revoked → message, close 4401, HTTP 401', async () => {
      const { display, cookie } = await pairDisplay(t, op, { name: 'Lobi WS', tier: 'public' });
      assert.equal(await refused(base, null), 4401);
      assert.equal(await refused(base, `${DISPLAY_COOKIE}=bogus`), 4401);
      assert.equal(await refused(base, cookie, 'http://evil.example'), 4403);
      const k = await connect(base, cookie);
      await until(() => k.got.length >= 1);
      assert.equal(k.got[0]!.type, 'state');
      assert.equal((await t.as(op)({ method: 'GET', url: `/api/displays/${display.id}` })).json().online, true);
      const t0 = Date.now();
      const res = await t.as(op)({ method: 'POST', url: `/api/displays/${display.id}/push`, payload: { kind: 'camera', cameraId: pub, seconds: 30 } });
      assert.equal(res.statusCode, 200);
      await until(() => k.got.some((m) => m.type === 'state' && m.state.override !== null), 2_000);
      const pushed = k.got.find((m) => m.type === 'state' && m.state.override !== null)!;
      console.log(`push → kiosk state: ${pushed.at - t0} ms`);
      assert.ok(pushed.at - t0 < 2_000);
      assert.ok(pushed.type === 'state' && pushed.state.override?.scene.tiles[0]?.kind === 'cameras');
      const seen = await t.db.selectFrom('displays').select('last_seen_at').where('id', '=', display.id).executeTakeFirstOrThrow();
      assert.ok(seen.last_seen_at, 'last seen is recorded');

      assert.equal((await t.as(op)({ method: 'DELETE', url: `/api/displays/${display.id}` })).statusCode, 204);
      await until(() => k.closed !== null);
      assert.equal(k.closed?.code, 4401);
      assert.ok(k.got.some((m) => m.type === 'revoked'));
      assert.equal((await t.app.inject({ method: 'GET', url: '/api/display/state', headers: { cookie } })).statusCode, 401);
      assert.equal((await t.as(op)({ method: 'GET', url: `/api/displays/${display.id}` })).json().online, false);
      assert.equal(await t.services.displays.viewerOfToken(cookie.split('=')[1]), null);
    });

    test('WebSocket: editing a scene of the playlist, or the display itself, sends the new state', async () => {
      const scene = (await t.as(op)({ method: 'POST', url: '/api/displays/scenes', payload: scenePayload('Diubah', [pub]) })).json();
      const pl = (await t.as(op)({ method: 'POST', url: '/api/displays/playlists', payload: { name: 'Diubah', items: [{ sceneId: scene.id, seconds: 10 }] } })).json();
      const { display, cookie } = await pairDisplay(t, op, { name: 'Lobi edit', tier: 'public', playlistId: pl.id });
      const k = await connect(base, cookie);
      await until(() => k.got.length >= 1);
      await t.as(op)({ method: 'PUT', url: `/api/displays/scenes/${scene.id}`, payload: { ...scenePayload('Diubah', [pub]), ticker: ['Teks baru'] } });
      await until(() => k.got.some((m) => m.type === 'state' && m.state.playlist[0]?.scene.ticker[0] === 'Teks baru'), 2_000);
      await t.as(op)({ method: 'PATCH', url: `/api/displays/${display.id}`, payload: { name: 'Lobi lantai 2' } });
      await until(() => k.got.some((m) => m.type === 'state' && m.state.display.name === 'Lobi lantai 2'), 2_000);
      k.ws.close();
    });

    test('pairing requests are rate-limited per IP', async () => {
      const codes = await Promise.all(Array.from({ length: 25 }, () => t.app.inject({ method: 'POST', url: '/api/display/pair', remoteAddress: '10.9.8.7' })));
      assert.ok(codes.some((r) => r.statusCode === 429), 'more than 20 a minute from one address are refused');
      assert.equal((await t.app.inject({ method: 'POST', url: '/api/display/pair', remoteAddress: '10.9.8.6' })).statusCode, 200, 'another address is not');
    });

    test('viewerOfToken: tenant, tier and display of an active token', async () => {
      const { display, token } = await pairDisplay(t, op, { name: 'Dinding', tier: 'pimpinan' });
      assert.deepEqual(await t.services.displays.viewerOfToken(token), { tenantId: t.tenant.id, tier: 'pimpinan', displayId: display.id });
      assert.equal(await t.services.displays.viewerOfToken('nope'), null);
      assert.equal(await t.services.displays.viewerOfToken(null), null);
    });
  });
}
