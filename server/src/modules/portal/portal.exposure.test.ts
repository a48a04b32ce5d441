import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HEAD_MARKER } from '../../platform/http/pages.ts';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { DB_KINDS } from '../../testing/db.ts';
import { testApp, type Session, type TestApp } from '../../testing/app.ts';
import { portalHead } from './index.ts';
import { fakeDisplays, SECRET, seedPortal } from './portal.testing.ts';

/** Every route of the app with its methods, read from Fastify's route tree (children continue their parent's path). */
export function routesOf(tree: string): { path: string; methods: string[] }[] {
  const out: { path: string; methods: string[] }[] = [];
  const stack: string[] = [];
  for (const line of tree.split('\n')) {
    const m = line.match(/^((?:[│ ] {3})*)[├└]── (.+?) \(([A-Z, ]+)\)$/) ?? line.match(/^((?:[│ ] {3})*)[├└]── (.+)$/);
    if (!m) continue;
    const depth = m[1]!.length / 4;
    stack.length = depth;
    const path = (stack[depth - 1] ?? '') + m[2]!;
    stack[depth] = path;
    if (m[3]) out.push({ path, methods: m[3].split(',').map((x) => x.trim()).filter((x) => x !== 'HEAD') });
  }
  return out;
}

// paths helper A's HLS routes will serve; here they may 404, and must say nothing either way
const HLS = (id: string) => [`/api/public/hls/${id}/index.m3u8`, `/api/public/hls/${id}/init.mp4`, `/api/public/hls/${id}/seg-1.m4s`, `/api/cameras/${id}/thumbnail.jpg`];
const PAGES = (id: string, ticket: string) => ['/', `/kamera/${id}`, '/lapor', '/lacak', `/lacak/${ticket}`, '/statistik'];

for (const kind of DB_KINDS) {
  describe(`portal exposure: every route reachable without a session, for every viewer tier, on ${kind}`, () => {
    let t: TestApp;
    let seed: Awaited<ReturnType<typeof seedPortal>>;
    let official: Session;
    let webDist = '';
    before(async () => {
      let tenantId = '';
      // built pages with the head marker, so page paths go through the real page handler and head
      webDist = mkdtempSync(join(tmpdir(), 'pantau-exposure-web-'));
      for (const f of ['portal.html', 'index.html', 'display.html']) writeFileSync(join(webDist, f), `<!doctype html><html><head>${HEAD_MARKER}</head><body></body></html>`);
      t = await testApp(kind, { displayViewer: fakeDisplays(() => tenantId), webDist });
      tenantId = t.tenant.id;
      seed = await seedPortal(t);
      official = await t.signIn({ role: 'pimpinan' });
    });
    after(async () => {
      await t.close();
      rmSync(webDist, { recursive: true, force: true });
    });

    test('no response reveals an internal camera or a reporter; pimpinan cameras only to officials', async () => {
      let ip = 0;
      // a fresh address per request: rate limits would otherwise hide answers behind 429s
      const call = (o: InjectOptions, cookie: string | null, s: Session | null) =>
        t.app.inject({ ...o, remoteAddress: `10.${(ip >> 16) & 255}.${(ip >> 8) & 255}.${++ip & 255}`, headers: { ...(cookie ? { cookie } : {}), ...(s ? { cookie: [s.cookie, cookie].filter(Boolean).join('; '), 'x-csrf-token': s.csrf } : {}) } });
      const routes = routesOf(t.app.printRoutes({ commonPrefix: false }));
      const ids = { internal: seed.internal.id, pimpinan: seed.pimpinan.id, pub: seed.pub.id, incident: seed.incidentId };
      const fill = (path: string, v: string) =>
        path.replace(/:ticket/g, seed.report.ticket).replace(/:[A-Za-z]+(\.:?[a-z]+)?/g, (_m, ext: string | undefined) => v + (ext ? ext.replace(':', '') : '')).replace(/\*/g, 'x');
      // reachable without a session: anything an anonymous request gets other than 401
      const requests: { method: string; url: string; withId: string | null }[] = [];
      for (const r of routes) {
        for (const method of r.methods) {
          const variants = r.path.includes(':') ? Object.values(ids) : [null];
          for (const v of variants) requests.push({ method, url: v ? fill(r.path, v) : fill(r.path, 'x'), withId: v });
        }
      }
      for (const v of Object.values(ids)) {
        for (const url of [...HLS(v), ...PAGES(v, seed.report.ticket), `/api/public/cameras?q=${encodeURIComponent(SECRET.internal.name)}`]) requests.push({ method: 'GET', url, withId: v });
      }
      const anonymous = await Promise.all(requests.map(async (q) => ({ q, res: await call({ method: q.method as 'GET', url: q.url, payload: q.method === 'GET' || q.method === 'DELETE' ? undefined : {} }, null, null) })));
      const open = anonymous.filter((a) => a.res.statusCode !== 401).map((a) => a.q);
      for (const must of [`/kamera/${ids.pub}`, '/statistik', '/api/public/cameras', '/api/public/portal', '/api/public/stats', `/api/public/cameras/${ids.pub}`, `/api/public/incidents/${seed.report.ticket}`, '/sitemap.xml']) {
        assert.ok(open.some((q) => q.url === must), `${must} is walked`);
      }

      const s = SECRET.internal;
      const always = [s.name, s.code, s.address, s.host, s.path, s.user, s.password, 'rtsp://', SECRET.reporter.name, SECRET.reporter.phone, SECRET.reporter.email];
      const viewers: { name: string; cookie: string | null; session: Session | null; official: boolean }[] = [
        { name: 'anonymous', cookie: null, session: null, official: false },
        { name: 'public display', cookie: 'pantau_display=layar-lobi-publik', session: null, official: false },
        { name: 'pimpinan display', cookie: 'pantau_display=layar-ruang-pimpinan', session: null, official: true },
        { name: 'official', cookie: null, session: official, official: true },
      ];
      const text = (res: LightMyRequestResponse) => `${JSON.stringify(res.headers)}\n${res.body}`;
      let walked = 0;
      for (const v of viewers) {
        const hidden = v.official ? [ids.internal] : [ids.internal, ids.pimpinan];
        const banned = v.official ? always : [...always, SECRET.pimpinanName];
        for (const q of open) {
          // signing out would end the walk's session; it reveals nothing either way
          if (v.session && q.url.startsWith('/api/auth/')) continue;
          const payload = q.method === 'GET' || q.method === 'DELETE' ? undefined : {};
          const res = await call({ method: q.method as 'GET', url: q.url, payload }, v.cookie, v.session);
          walked++;
          const body = text(res);
          for (const b of banned) assert.ok(!body.includes(b), `${v.name} ${q.method} ${q.url} → ${res.statusCode} reveals "${b}": ${body.slice(0, 300)}`);
          for (const id of hidden) {
            if (!body.includes(id)) continue;
            // the id the request itself carried may be echoed, but the answer must be the one an unknown id gets
            assert.equal(q.withId, id, `${v.name} ${q.method} ${q.url} names hidden camera ${id}`);
            const other = randomUUID();
            const twin = await call({ method: q.method as 'GET', url: q.url.replaceAll(id, other), payload }, v.cookie, v.session);
            const norm = (r: LightMyRequestResponse, x: string) => `${r.statusCode} ${r.body.replaceAll(x, 'ID')}`;
            assert.equal(norm(res, id), norm(twin, other), `${v.name} ${q.method} ${q.url} tells a hidden camera from an unknown one`);
          }
        }
        // page heads are rendered per request for the portal's pages
        const head = portalHead(t.services.portal);
        for (const id of Object.values(ids)) {
          for (const path of PAGES(id, seed.report.ticket)) {
            const h = (await head('portal', path, {})) ?? '';
            for (const b of [...always, SECRET.pimpinanName]) assert.ok(!h.includes(b), `head of ${path} reveals "${b}"`);
            for (const hid of [ids.internal, ids.pimpinan]) assert.ok(!h.includes(hid), `head of ${path} names ${hid}`);
          }
        }
      }
      assert.ok(walked > 200, `walked ${walked} requests`);
      const page = await call({ method: 'GET', url: `/kamera/${ids.pub}` }, null, null);
      assert.match(page.body, /<title>Bundaran Besar Utara/, 'pages are rendered with their heads');
      // and officials do get what the public does not
      const o = await call({ method: 'GET', url: `/api/public/cameras/${ids.pimpinan}` }, null, official);
      assert.equal(o.statusCode, 200);
      assert.equal(o.json().name, SECRET.pimpinanName);
    });
  });
}
