import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyRequest } from 'fastify';
import { DB_KINDS } from '../../testing/db.ts';
import { testApp, type Session, type TestApp } from '../../testing/app.ts';
import { portalHead, streamAccessOf } from './index.ts';
import { fakeDisplays, seedPortal } from './portal.testing.ts';

const NOWHERE = '00000000-0000-4000-8000-000000000000';

for (const kind of DB_KINDS) {
  describe(`portal: tiers, takedown, statistics, heads on ${kind}`, () => {
    let t: TestApp;
    let seed: Awaited<ReturnType<typeof seedPortal>>;
    let official: Session;
    let op: Session;
    let admin: Session;
    before(async () => {
      let tenantId = '';
      t = await testApp(kind, { displayViewer: fakeDisplays(() => tenantId) });
      tenantId = t.tenant.id;
      seed = await seedPortal(t);
      official = await t.signIn({ role: 'pimpinan' });
      op = await t.signIn({ role: 'operator' });
      admin = await t.signIn({ role: 'admin' });
    });
    after(() => t.close());

    const get = (s: Session | null, url: string, cookie?: string) => t.as(s)({ method: 'GET', url, ...(cookie ? { headers: { cookie } } : {}) });
    const ids = (res: { json(): { cameras: { id: string }[] } }) => res.json().cameras.map((c) => c.id).sort();

    test('the public sees public cameras only; pimpinan and internal ones answer like an unknown id', async () => {
      const list = await get(null, `/api/public/cameras?tenant=${t.tenant.slug}`);
      assert.equal(list.statusCode, 200, list.body);
      assert.equal(list.json().viewer, 'public');
      assert.deepEqual(ids(list), [seed.pub.id, seed.offline.id].sort());
      const pub = list.json().cameras.find((c: { id: string }) => c.id === seed.pub.id);
      assert.deepEqual(Object.keys(pub).sort(), ['category', 'hls', 'id', 'lat', 'lng', 'name', 'regionCode', 'regionName', 'status', 'tier']);
      assert.equal(pub.hls, `/api/public/hls/${seed.pub.id}/index.m3u8`);
      assert.equal(list.json().cameras.find((c: { id: string }) => c.id === seed.offline.id).hls, null, 'no playlist while offline');
      assert.equal(list.headers['cache-control'], 'private, no-cache');
      const unknown = await get(null, `/api/public/cameras/${NOWHERE}`);
      assert.equal(unknown.statusCode, 404);
      for (const id of [seed.internal.id, seed.pimpinan.id]) {
        const res = await get(null, `/api/public/cameras/${id}`);
        assert.equal(res.statusCode, 404);
        assert.equal(res.body, unknown.body);
      }
      assert.equal((await get(null, `/api/public/cameras/${seed.pub.id}`)).json().name, 'Bundaran Besar Utara');
      assert.equal((await get(null, '/api/public/cameras/bukan-uuid')).statusCode, 400);
      assert.equal((await get(null, '/api/public/cameras?tenant=tidak-ada')).statusCode, 404);
    });

    test('filters: region, category, name search (not codes or addresses)', async () => {
      assert.deepEqual(ids(await get(null, '/api/public/cameras?category=keramaian')), [seed.offline.id]);
      assert.deepEqual(ids(await get(null, '/api/public/cameras?region=62.71.02')), [seed.offline.id]);
      assert.deepEqual(ids(await get(null, '/api/public/cameras?q=bundaran')), [seed.pub.id]);
      assert.deepEqual(ids(await get(null, '/api/public/cameras?q=Jl.%20Uji')), []);
      const regions = (await get(null, '/api/public/cameras')).json().regions;
      assert.deepEqual(regions.map((r: { code: string; cameras: number }) => [r.code, r.cameras]), [['62.71', 2]]);
      assert.equal((await get(null, '/api/public/cameras?category=nope')).statusCode, 400);
    });

    test('an official (role and region scope) and a pimpinan display see the pimpinan tier; internal never', async () => {
      const list = await get(official, '/api/public/cameras');
      assert.equal(list.json().viewer, 'pimpinan');
      assert.deepEqual(ids(list), [seed.pub.id, seed.offline.id, seed.pimpinan.id].sort());
      assert.equal(list.json().cameras.find((c: { id: string }) => c.id === seed.pimpinan.id).tier, 'pimpinan');
      assert.equal((await get(official, `/api/public/cameras/${seed.pimpinan.id}`)).statusCode, 200);
      assert.equal((await get(official, `/api/public/cameras/${seed.internal.id}`)).statusCode, 404);
      assert.equal((await get(admin, `/api/public/cameras/${seed.internal.id}`)).statusCode, 404, 'not even an admin sees internal on the portal');
      const info = (await get(official, '/api/public/portal')).json();
      assert.equal(info.viewer, 'pimpinan');
      assert.equal(info.officialName, 'Uji pimpinan');
      assert.equal((await get(null, '/api/public/portal')).json().officialName, null);
      // a region-limited official does not see pimpinan cameras outside the region
      const regional = await t.signIn({ role: 'pimpinan', regionCodes: ['62.02'] });
      assert.deepEqual(ids(await get(regional, '/api/public/cameras')), [seed.pub.id, seed.offline.id].sort());
      // roles without the pimpinan tier are the public here
      const ppid = await t.signIn({ role: 'ppid_officer' });
      assert.equal((await get(ppid, '/api/public/cameras')).json().viewer, 'public');
      // displays: by the resolver's tier; an unknown token is the public
      assert.deepEqual(ids(await get(null, '/api/public/cameras', 'pantau_display=layar-ruang-pimpinan')), [seed.pub.id, seed.offline.id, seed.pimpinan.id].sort());
      assert.deepEqual(ids(await get(null, '/api/public/cameras', 'pantau_display=layar-lobi-publik')), [seed.pub.id, seed.offline.id].sort());
      assert.equal((await get(null, '/api/public/cameras', 'pantau_display=palsu')).json().viewer, 'public');
    });

    test('stream access: public cacheable for all, pimpinan private for officials, internal and unknown never', async () => {
      const access = streamAccessOf(t.services.portal);
      const req = (actor: unknown, cookies: Record<string, string> = {}) => ({ actor, cookies }) as unknown as FastifyRequest;
      const officialActor = await t.services.auth.fromSession(official.cookie.split('=')[1]!, null);
      assert.deepEqual(await access(req(null), seed.pub.id), { ok: true, cacheable: true });
      assert.deepEqual(await access(req(null), seed.pimpinan.id), { ok: false });
      assert.deepEqual(await access(req(null), seed.internal.id), { ok: false });
      assert.deepEqual(await access(req(null), NOWHERE), { ok: false });
      assert.deepEqual(await access(req(null), 'x/../../etc'), { ok: false });
      assert.deepEqual(await access(req(officialActor!.actor), seed.pimpinan.id), { ok: true, cacheable: false });
      assert.deepEqual(await access(req(officialActor!.actor), seed.internal.id), { ok: false });
      assert.deepEqual(await access(req(null, { pantau_display: 'layar-ruang-pimpinan' }), seed.pimpinan.id), { ok: true, cacheable: false });
      assert.deepEqual(await access(req(null, { pantau_display: 'layar-lobi-publik' }), seed.pimpinan.id), { ok: false });
    });

    test('takedown: 200 and audited in one go, then gone for everyone; 400, 401, 403, 404', async () => {
      const cam = await t.buildCamera({ name: 'Taman Kota', visibility: 'public' });
      const take = (s: Session | null, id: string, payload: unknown) => t.as(s)({ method: 'POST', url: `/api/portal/cameras/${id}/takedown`, payload: payload as Record<string, unknown> });
      assert.equal((await take(null, cam.id, { reason: 'privasi warga' })).statusCode, 401);
      assert.equal((await take(official, cam.id, { reason: 'privasi warga' })).statusCode, 403);
      assert.equal((await take(op, cam.id, {})).statusCode, 400);
      assert.equal((await take(op, cam.id, { reason: 'privasi warga', extra: 1 })).statusCode, 400);
      assert.equal((await take(op, NOWHERE, { reason: 'privasi warga' })).statusCode, 404);
      const regional = await t.signIn({ role: 'operator', regionCodes: ['62.02'] });
      assert.equal((await take(regional, cam.id, { reason: 'privasi warga' })).statusCode, 404, 'outside the operator region');
      assert.equal((await get(null, `/api/public/cameras/${cam.id}`)).statusCode, 200);
      const res = await take(op, cam.id, { reason: 'privasi warga' });
      assert.equal(res.statusCode, 200, res.body);
      assert.deepEqual(res.json(), { id: cam.id, visibility: 'internal' });
      assert.equal((await get(null, `/api/public/cameras/${cam.id}`)).statusCode, 404);
      assert.deepEqual(await streamAccessOf(t.services.portal)({ actor: null, cookies: {} } as unknown as FastifyRequest, cam.id), { ok: false });
      const audit = await t.db.selectFrom('audit_log').select(['action', 'details']).where('target_id', '=', cam.id).where('action', '=', 'portal.takedown').execute();
      assert.equal(audit.length, 1);
      assert.deepEqual(audit[0]!.details, { from: 'public', reason: 'privasi warga' });
      assert.equal((await take(admin, cam.id, { reason: 'sudah internal' })).statusCode, 200, 'idempotent');
    });

    test('statistics: reports by category and status, resolution per category and agency, cameras per tier', async () => {
      // one more report, verified, dispatched and resolved two hours after it was made
      const r = await t.app.inject({ method: 'POST', url: '/api/public/incidents', payload: { category: 'jalan_rusak', lat: -2.21, lng: 113.91, description: 'Jalan berlubang dekat sekolah', reporter: null } });
      const inc = await t.db.selectFrom('incidents').select(['id', 'created_at']).where('ticket', '=', r.json().ticket).executeTakeFirstOrThrow();
      await t.as(op)({ method: 'POST', url: `/api/incidents/${inc.id}/transition`, payload: { to: 'verified' } });
      const d = await t.as(op)({ method: 'POST', url: `/api/incidents/${inc.id}/dispatch`, payload: {} });
      assert.equal(d.statusCode, 200, d.body);
      await t.db.updateTable('incidents').set({ status: 'resolved', resolved_at: new Date(inc.created_at.getTime() + 2 * 3_600_000) }).where('id', '=', inc.id).execute();
      t.clock.advance(3 * 3_600_000);
      const s = (await get(null, '/api/public/stats')).json();
      assert.equal(s.reports.total, 2);
      assert.deepEqual(s.reports.byCategory, [{ category: 'jalan_rusak', label: 'Jalan rusak', count: 2 }]);
      assert.deepEqual(s.reports.byStatus.map((x: { status: string }) => x.status).sort(), ['received', 'resolved']);
      assert.deepEqual(s.resolution.byCategory, [{ category: 'jalan_rusak', label: 'Jalan rusak', resolved: 1, avgHours: 2 }]);
      assert.ok(s.resolution.byAgency.length >= 1 && s.resolution.byAgency.every((a: { avgHours: number; resolved: number }) => a.avgHours === 2 && a.resolved === 1));
      assert.deepEqual([s.cameras.total, s.cameras.online], [2, 1]);
      const o = (await get(official, '/api/public/stats')).json();
      assert.deepEqual([o.cameras.total, o.cameras.online], [3, 2]);
      assert.doesNotMatch(JSON.stringify(s), /Lubang|Jalan berlubang|Siti/);
      assert.equal((await get(null, '/api/public/stats?days=0')).statusCode, 400);
    });

    test('page heads: a public camera by name; pimpinan, internal and unknown ones generic; text escaped', async () => {
      const head = portalHead(t.services.portal);
      const pub = (await head('portal', `/kamera/${seed.pub.id}`, {}))!;
      assert.match(pub, /<title>Bundaran Besar Utara, Kota Palangka Raya|<title>Bundaran Besar Utara, /);
      assert.match(pub, /og:title/);
      assert.match(pub, /application\/ld\+json/);
      assert.match(pub, /<link rel="canonical" href="\/kamera\//);
      // with the public address configured, every link is absolute; a ticket still stays out of them
      const abs = portalHead(t.services.portal, 'https://cctv.palangkaraya.go.id');
      const a = (await abs('portal', `/kamera/${seed.pub.id}`, { lang: 'en' }))!;
      assert.match(a, new RegExp(`<link rel="canonical" href="https://cctv\\.palangkaraya\\.go\\.id/kamera/${seed.pub.id}\\?lang=en">`));
      assert.match(a, new RegExp(`<link rel="alternate" hreflang="id" href="https://cctv\\.palangkaraya\\.go\\.id/kamera/${seed.pub.id}">`));
      assert.match(a, new RegExp(`<meta property="og:url" content="https://cctv\\.palangkaraya\\.go\\.id/kamera/${seed.pub.id}\\?lang=en">`));
      assert.match((await abs('portal', '/lacak/PTU-250101-ABCDEF', {}))!, /og:url" content="https:\/\/cctv\.palangkaraya\.go\.id\/lacak"/);
      const generic = await head('portal', `/kamera/${NOWHERE}`, {});
      for (const id of [seed.internal.id, seed.pimpinan.id]) assert.equal(await head('portal', `/kamera/${id}`, {}), generic);
      assert.match((await head('portal', '/statistik', { lang: 'en' }))!, /Transparency statistics/);
      assert.match((await head('portal', '/lacak/PTU-250101-ABCDEF', {}))!, /noindex/);
      assert.doesNotMatch((await head('portal', '/lacak/PTU-250101-ABCDEF', {}))!, /PTU-250101/);
      assert.equal(await head('console', '/cameras', {}), null);
      const evil = await t.buildCamera({ name: '</script><script>alert(1)</script> & "x"', visibility: 'public' });
      const h = (await head('portal', `/kamera/${evil.id}`, {}))!;
      assert.doesNotMatch(h, /<script>alert/);
      assert.match(h, /&lt;\/script&gt;/);
    });

    test('robots.txt and sitemap.xml list public pages and public cameras only', async () => {
      const robots = await get(null, '/robots.txt');
      assert.match(robots.body, /Disallow: \/api\//);
      const map = await get(official, '/sitemap.xml');
      assert.equal(map.statusCode, 200);
      assert.match(map.body, new RegExp(`/kamera/${seed.pub.id}`));
      assert.doesNotMatch(map.body, new RegExp(`${seed.pimpinan.id}|${seed.internal.id}`));
      // absolute, from the request's own address when no public address is configured
      assert.match(map.body, /<loc>http:\/\/localhost:80\/statistik<\/loc>|<loc>http:\/\/localhost\/statistik<\/loc>/);
    });

    test('with PANTAU_PUBLIC_URL the sitemap and robots.txt use it, whatever Host the request names', async () => {
      const other = await testApp(kind, { publicUrl: 'https://cctv.palangkaraya.go.id/portal' });
      try {
        const headers = { host: 'attacker.example' };
        const map = await other.app.inject({ method: 'GET', url: '/sitemap.xml', headers });
        assert.match(map.body, /<loc>https:\/\/cctv\.palangkaraya\.go\.id\/portal\/statistik<\/loc>/);
        assert.doesNotMatch(map.body, /attacker/);
        const robots = await other.app.inject({ method: 'GET', url: '/robots.txt', headers });
        assert.match(robots.body, /Sitemap: https:\/\/cctv\.palangkaraya\.go\.id\/portal\/sitemap\.xml/);
      } finally {
        await other.close();
      }
    });
  });
}
