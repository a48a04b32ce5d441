/**
 * Live HLS in Chromium against the real server and an independent RTSP server (GStreamer):
 * (a) hls.js, a player we did not write, plays our LL-HLS playlist and its decoded pixels move;
 * (b) our own client (web/src/lib/hls, bundled here with Vite) plays it too, and reports `gone`
 * within seconds when the camera is taken off the portal. The test pages are served by
 * `page.route` on the server's origin, so nothing of the portal's UI is needed.
 * Fails on unexpected console output.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { hlsPlaylistPath } from '@pantau/shared';
import { apiLogin, meanAbsDiff, onCleanup, openPage, ROOT, runCleanups, samplePicture, startRtspServer, startServer, withEvidence } from './support.ts';

after(runCleanups);

/** Bundles the browser client (index.ts, with React) as one ES module, as an app would ship it. */
async function bundleClient(): Promise<string> {
  const { build } = await import('vite');
  const outDir = mkdtempSync(join(tmpdir(), 'pantau-hls-client-'));
  onCleanup(() => rmSync(outDir, { recursive: true, force: true }));
  await build({
    configFile: false,
    logLevel: 'silent',
    root: join(ROOT, 'web'),
    define: { 'process.env.NODE_ENV': '"production"' },
    build: { outDir, emptyOutDir: true, minify: true, lib: { entry: join(ROOT, 'web/src/lib/hls/index.ts'), formats: ['es'], fileName: () => 'client.js' } },
  });
  return readFileSync(join(outDir, 'client.js'), 'utf8');
}

/** Makes a demo camera public and points it at the RTSP server; waits until it is online. */
async function publicCamera(base: string, password: string, rtspUrl: string) {
  const s = await apiLogin(base, 'admin', password);
  const headers = { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json' };
  const list = (await (await fetch(`${base}/api/cameras?limit=1`, { headers })).json()) as { items: { id: string }[] };
  const id = list.items[0]!.id;
  const patch = (body: object) => fetch(`${base}/api/cameras/${id}`, { method: 'PATCH', headers, body: JSON.stringify(body) });
  assert.equal((await patch({ mainUrl: rtspUrl, subUrl: rtspUrl, visibility: 'public' })).status, 200);
  const deadline = Date.now() + 45_000;
  while ((await (await fetch(`${base}${hlsPlaylistPath(id)}`)).text()).startsWith('#EXTM3U') === false) {
    assert.ok(Date.now() < deadline, 'the playlist did not appear within 45 s');
    await new Promise((r) => setTimeout(r, 500));
  }
  return {
    id,
    update: async (body: object) => assert.equal((await patch(body)).status, 200),
    takeDown: async () => assert.equal((await patch({ visibility: 'internal' })).status, 200),
  };
}

/** Real moving pictures in the <video>: not uniform, and different 500 ms later. */
async function assertMoving(page: Page, label: string): Promise<void> {
  await page.waitForFunction(() => {
    const v = document.querySelector('video');
    return !!v && v.videoWidth > 0 && v.currentTime > 0.5;
  });
  const a = await samplePicture(page, 'video');
  await page.waitForTimeout(500);
  const b = await samplePicture(page, 'video');
  assert.ok(a.lumaVariance > 100, `${label}: the picture is not uniform`);
  const moved = meanAbsDiff(a.grid, b.grid);
  assert.ok(moved > 0.5, `${label}: the picture changes within 500 ms (${moved.toFixed(2)})`);
  console.log(`${label}: ${b.width}×${b.height}, change over 500 ms ${moved.toFixed(2)}`);
}

test('hls: hls.js and our own client both play the live playlist; takedown stops ours', { timeout: 300_000 }, async () => {
  const [{ base, password }, rtsp, client] = await Promise.all([startServer(), startRtspServer(), bundleClient()]);
  console.log(`client bundle (index.ts with React): ${(gzipSync(client).length / 1024).toFixed(1)} KB gzipped`);
  const cam = await publicCamera(base, password, rtsp.url);
  const playlist = hlsPlaylistPath(cam.id);
  const { page, problems } = await openPage();
  const html = (body: string) => `<!doctype html><html lang="id"><head><meta charset="utf-8"><title>uji HLS</title></head><body><video muted autoplay playsinline style="width:320px"></video>${body}</body></html>`;
  await page.route(`${base}/__hls/**`, async (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === '/__hls/hlsjs.html')
      return route.fulfill({
        contentType: 'text/html',
        body: html(`<script src="/__hls/hls.min.js"></script><script>
          const v = document.querySelector('video');
          const h = new Hls({ lowLatencyMode: true });
          h.on(Hls.Events.ERROR, (_e, d) => { if (d.fatal) console.error('hls.js fatal', d.type, d.details); });
          h.loadSource(${JSON.stringify(playlist)});
          h.attachMedia(v);
        </script>`),
      });
    if (path === '/__hls/hls.min.js') return route.fulfill({ contentType: 'text/javascript', body: readFileSync(join(ROOT, 'node_modules/hls.js/dist/hls.min.js'), 'utf8') });
    if (path === '/__hls/client.js') return route.fulfill({ contentType: 'text/javascript', body: client });
    if (path === '/__hls/ours.html')
      return route.fulfill({
        contentType: 'text/html',
        body: html(`<script type="module">
          import { playHls } from '/__hls/client.js';
          window.states = [];
          window.stop = playHls(document.querySelector('video'), ${JSON.stringify(playlist)}, (s) => window.states.push(s.kind));
        </script>`),
      });
    return route.fulfill({ status: 404, body: '' });
  });

  await withEvidence(page, 'hls-hlsjs', problems, async () => {
    await page.goto(`${base}/__hls/hlsjs.html`);
    await assertMoving(page, 'hls.js');
    assert.deepEqual(problems, []);
  });

  await withEvidence(page, 'hls-ours', problems, async () => {
    const t0 = Date.now();
    await page.goto(`${base}/__hls/ours.html`);
    await page.waitForFunction(() => (window as unknown as { states: string[] }).states.includes('playing'));
    console.log(`our client: playing ${Date.now() - t0} ms after navigation`);
    await assertMoving(page, 'our client');
    // latency behind the live edge of what is buffered: about the playlist's hold-back
    const lag = await page.evaluate(() => {
      const v = document.querySelector('video')!;
      return v.buffered.end(v.buffered.length - 1) - v.currentTime;
    });
    console.log(`our client: playhead ${lag.toFixed(2)} s behind the newest buffered picture`);
    assert.ok(lag < 4, `the playhead stays near the live edge (${lag.toFixed(2)} s)`);
    assert.deepEqual(problems, []);

    // the camera drops (its address now leads nowhere) and returns: offline, then playing again
    const state = () => page.evaluate(() => (window as unknown as { states: string[] }).states.at(-1));
    await cam.update({ mainUrl: 'rtsp://127.0.0.1:9/nowhere', subUrl: null });
    await page.waitForFunction(() => (window as unknown as { states: string[] }).states.at(-1) === 'offline', undefined, { timeout: 45_000 });
    const t2 = Date.now();
    await cam.update({ mainUrl: rtsp.url, subUrl: rtsp.url });
    await page.waitForFunction(() => (window as unknown as { states: string[] }).states.at(-1) === 'playing', undefined, { timeout: 60_000 });
    console.log(`our client: playing again ${Date.now() - t2} ms after the camera returned (${await state()})`);
    await assertMoving(page, 'our client after the outage');

    // before the takedown only the outage's playlist answers may have been logged
    assert.deepEqual(problems.filter((p) => !/status of (400|503) .*index\.m3u8/.test(p)), []);
    const beforeTakedown = problems.length;
    await cam.takeDown();
    const t1 = Date.now();
    await page.waitForFunction(() => (window as unknown as { states: string[] }).states.includes('gone'), undefined, { timeout: 10_000 });
    const stoppedMs = Date.now() - t1;
    console.log(`our client: gone ${stoppedMs} ms after the takedown`);
    assert.ok(stoppedMs < 5000, `viewers stop within seconds (${stoppedMs} ms)`);
    // the browser itself logs the 404s that told the client (playlist, or a part asked for just then)
    const unexpected = problems.slice(beforeTakedown).filter((p) => !/status of 404 .*\/api\/public\/hls\//.test(p));
    assert.deepEqual(unexpected, []);
    const states = await page.evaluate(() => (window as unknown as { states: string[] }).states);
    assert.deepEqual(states.slice(0, 2), ['connecting', 'playing']);
    assert.equal(states.at(-1), 'gone');
  });
});
