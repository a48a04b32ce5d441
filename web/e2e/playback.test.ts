/**
 * End-to-end test of recorded video against the real server and an independent RTSP server
 * (GStreamer): two cameras record; the playback page plays both recordings on one clock (proven
 * by decoded pixels that change over time and by each tile's drift from the clock), seeks by a
 * click on the timeline, saves a bookmark from the keyboard, and exports five seconds of both
 * cameras as evidence, following the job until its download links appear.
 * Assumes web/dist is built (`npm run build -w web`). Fails on unexpected console output.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { Page } from 'playwright-core';
import { apiLogin, assertBuilt, meanAbsDiff, openPage, runCleanups, samplePicture as sample, startRtspServer, startServer, withEvidence } from './support.ts';

after(runCleanups);

/** Whether the server will find ffmpeg (it looks on PATH unless PANTAU_FFMPEG says where). */
function hasFfmpeg(): boolean {
  const dirs = (process.env.PATH ?? '').split(delimiter);
  return !!process.env.PANTAU_FFMPEG || dirs.some((d) => d && existsSync(join(d, 'ffmpeg')));
}

/** Seconds of recording the test waits for before opening the page. */
const RECORDED_S = 15;
const VIDEO = '[data-testid="playback-tile"] [data-testid="playback-video"]';

type Session = { cookie: string; csrf: string };

async function getJson<T>(base: string, s: Session, path: string): Promise<T> {
  const res = await fetch(`${base}${path}`, { headers: { cookie: s.cookie } });
  assert.equal(res.status, 200, `GET ${path}: ${res.status} ${await res.clone().text()}`);
  return (await res.json()) as T;
}

/** Points the first `n` demo cameras at the RTSP server (main and sub stream), so they go online and record. */
async function recordCameras(base: string, s: Session, rtspUrl: string, n: number): Promise<{ id: string; name: string }[]> {
  const list = await getJson<{ items: { id: string; name: string }[] }>(base, s, `/api/cameras?limit=${n}`);
  assert.equal(list.items.length, n, `the demo data has ${n} cameras`);
  for (const cam of list.items) {
    const res = await fetch(`${base}/api/cameras/${cam.id}`, {
      method: 'PATCH',
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json' },
      body: JSON.stringify({ mainUrl: rtspUrl, subUrl: rtspUrl }),
    });
    assert.equal(res.status, 200, `PATCH camera: ${res.status} ${await res.text()}`);
  }
  return list.items;
}

interface Span {
  start: string;
  end: string;
}

/** Polls the timeline API until one recorded span is at least `seconds` long; returns it. */
async function waitForRecording(base: string, s: Session, cameraId: string, seconds: number): Promise<{ start: number; end: number }> {
  const deadline = Date.now() + 120_000;
  let last = '';
  for (;;) {
    const from = new Date(Date.now() - 10 * 60_000).toISOString();
    const to = new Date(Date.now() + 60_000).toISOString();
    const res = await fetch(`${base}/api/cameras/${cameraId}/timeline?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`, { headers: { cookie: s.cookie } });
    last = `${res.status} ${await res.clone().text()}`.slice(0, 400);
    if (res.ok) {
      const tl = (await res.json()) as { recorded: Span[] };
      const long = tl.recorded.map((r) => ({ start: Date.parse(r.start), end: Date.parse(r.end) })).find((r) => r.end - r.start >= seconds * 1000);
      if (long) return long;
    }
    if (Date.now() >= deadline) {
      // say whether the camera never came online or came online and was not recorded
      const cam = await fetch(`${base}/api/cameras/${cameraId}`, { headers: { cookie: s.cookie } });
      const status = cam.ok ? JSON.stringify((({ status, statusReason, lastFrameAt }) => ({ status, statusReason, lastFrameAt }))(await cam.json())) : `${cam.status}`;
      const metrics = await (await fetch(`${base}/metrics`)).text().catch(() => '');
      const recorder = metrics.split('\n').filter((l) => /^pantau_(recorder|media)_\w+ /.test(l)).join('; ');
      assert.fail(`no ${seconds} s of recording within 120 s (last timeline answer: ${last}; camera ${status}; ${recorder})`);
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
}


/** The master clock shown on the page (epoch ms). */
async function clockOf(page: Page): Promise<number> {
  return Date.parse((await page.getByTestId('playback-clock').getAttribute('data-t')) ?? '');
}

/** Waits until every tile presents the clock's instant. */
async function waitAllReady(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const tiles = [...document.querySelectorAll('[data-testid="playback-tile"]')];
    return tiles.length > 0 && tiles.every((t) => t.getAttribute('data-state') === 'ready');
  });
}

/** Clicks the timeline at instant `t` (the track says which range it shows). */
async function clickTimelineAt(page: Page, t: number): Promise<void> {
  const track = page.getByTestId('timeline-track');
  const from = Date.parse((await track.getAttribute('data-from'))!);
  const to = Date.parse((await track.getAttribute('data-to'))!);
  assert.ok(t > from && t < to, `instant inside the visible timeline (${new Date(t).toISOString()} in ${new Date(from).toISOString()}–${new Date(to).toISOString()})`);
  const box = (await track.boundingBox())!;
  await page.mouse.click(box.x + ((t - from) / (to - from)) * box.width, box.y + box.height - 8);
}

test('playback: recorded video plays in sync, seeks on the timeline, bookmarks, exports and holds evidence; storage', { timeout: 420_000 }, async () => {
  assertBuilt();
  const [{ base, password }, rtsp] = await Promise.all([startServer(), startRtspServer()]);
  const s = await apiLogin(base, 'admin', password);
  // Two cameras, so the grid (2×2) has to keep two recordings on one clock.
  const cameras = await recordCameras(base, s, rtsp.url, 2);
  const spans = await Promise.all(cameras.map((c) => waitForRecording(base, s, c.id, RECORDED_S)));
  // The stretch both cameras recorded.
  const rec = { start: Math.max(...spans.map((r) => r.start)), end: Math.min(...spans.map((r) => r.end)) };
  assert.ok(rec.end - rec.start > 10_000, `both cameras recorded the same 10 s (${JSON.stringify(spans)})`);
  console.log(`recorded together ${((rec.end - rec.start) / 1000).toFixed(1)} s from ${new Date(rec.start).toISOString()}`);

  const { context, page, problems } = await openPage();
  await withEvidence(page, 'playback', problems, async () => {
    // Whole seconds: the URL carries the instant without a dot (see playbackPath).
    const start = Math.ceil((rec.start + 2000) / 1000) * 1000;
    await page.goto(`${base}/putar-ulang?cameras=${cameras.map((c) => c.id).join(',')}&t=${new Date(start).toISOString().replace('.000Z', 'Z')}`);
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill(password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('playback-grid').waitFor();
    assert.equal(await page.getByTestId('playback-tile').count(), 2, 'one tile per camera');
    assert.equal(await page.getByTestId('playback-grid').getAttribute('data-cols'), '2', 'two cameras make a 2×2 grid');
    assert.ok(Math.abs((await clockOf(page)) - start) < 100, 'the clock starts at ?t=');

    // Paused at the start: the tile shows the exact frame.
    await waitAllReady(page);
    const paused = await sample(page, VIDEO);
    assert.ok(paused.lumaVariance > 100, `a real picture while paused (luma ${paused.meanLuma.toFixed(1)}±${Math.sqrt(paused.lumaVariance).toFixed(1)})`);

    // Space plays; the picture moves and the clock runs.
    await page.keyboard.press('Space');
    await page.waitForSelector('[data-testid="playback-play"][data-playing="true"]');
    await page.waitForTimeout(1500);
    const a = await sample(page, VIDEO);
    await page.waitForTimeout(600);
    const b = await sample(page, VIDEO);
    const moved = meanAbsDiff(a.grid, b.grid);
    console.log(`playing: luma ${b.meanLuma.toFixed(1)}±${Math.sqrt(b.lumaVariance).toFixed(1)}, change over 600 ms ${moved.toFixed(2)}`);
    assert.ok(b.lumaVariance > 100, 'not a uniform picture while playing');
    assert.ok(moved > 0.5, `the picture changes while playing (mean luma difference ${moved.toFixed(2)})`);
    const ran = (await clockOf(page)) - start;
    assert.ok(ran > 1000 && ran < 6000, `the clock ran (${ran} ms)`);
    // Both tiles play, each within the re-align tolerance (0.3 s) of the master clock.
    for (let i = 0; i < 4; i++) {
      const tiles = await page.locator(VIDEO).evaluateAll((els) => els.map((e) => ({ paused: (e as HTMLVideoElement).paused, drift: Number((e as HTMLVideoElement).dataset.driftMs) })));
      assert.equal(tiles.length, 2);
      for (const t of tiles) {
        assert.equal(t.paused, false, 'every tile plays');
        assert.ok(Number.isFinite(t.drift) && Math.abs(t.drift) <= 350, `tile within 350 ms of the clock (drift ${t.drift} ms)`);
      }
      await page.waitForTimeout(300);
    }
    const second = await sample(page, `[data-testid="playback-tile"][data-camera-id="${cameras[1]!.id}"] [data-testid="playback-video"]`);
    assert.ok(second.lumaVariance > 100, 'the second tile shows a picture too');

    // Pause, zoom the timeline to one minute, and seek by clicking it.
    await page.keyboard.press('Space');
    await page.waitForSelector('[data-testid="playback-play"][data-playing="false"]');
    for (let i = 0; i < 4; i++) await page.keyboard.press('+');
    const target = rec.start + 6000;
    await clickTimelineAt(page, target);
    await page.waitForFunction((want) => Math.abs(Date.parse(document.querySelector('[data-testid="playback-clock"]')!.getAttribute('data-t')!) - want) < 400, target);
    await waitAllReady(page);
    const seeked = await sample(page, VIDEO);
    assert.ok(meanAbsDiff(seeked.grid, b.grid) > 0.5, 'the seek shows another picture');

    // Hovering the timeline shows the keyframe there (when the server has ffmpeg for thumbnails).
    if (hasFfmpeg()) {
      const track = (await page.getByTestId('timeline-track').boundingBox())!;
      await page.mouse.move(track.x + track.width / 2 + 40, track.y + track.height - 8, { steps: 4 });
      await page.locator('[data-testid="timeline-hover"] img').waitFor({ timeout: 15_000 });
      await page.mouse.move(track.x + track.width / 2 + 40, track.y - 60);
    }

    // A link to this view: the cameras and the clock's instant (to the second, without a dot for the server's SPA fallback).
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
    await page.getByTestId('playback-copy-link').click();
    await page.getByText('Tautan disalin.').waitFor();
    const link = new URL(await page.evaluate(() => navigator.clipboard.readText()));
    assert.equal(link.pathname, '/putar-ulang');
    assert.equal(link.searchParams.get('cameras'), cameras.map((c) => c.id).join(','));
    assert.ok(Math.abs(Date.parse(link.searchParams.get('t')!) - target) < 1000, `the link carries the instant (${link.searchParams.get('t')})`);

    // In point here, out point 5 s later (seek by the timeline again), bookmark the range with B.
    await page.keyboard.press('i');
    await clickTimelineAt(page, target + 5000);
    await page.waitForFunction((want) => Math.abs(Date.parse(document.querySelector('[data-testid="playback-clock"]')!.getAttribute('data-t')!) - want) < 400, target + 5000);
    await page.keyboard.press('o');
    await page.keyboard.press('b');
    const note = `Uji e2e: kendaraan berhenti ${Date.now()}`;
    await page.getByTestId('bookmark-note').fill(note);
    await page.getByRole('dialog').locator('button[type="submit"]').click();
    await page.locator('[data-testid="bookmark-item"]', { hasText: note }).waitFor();

    // Export the in/out range (5 s) with a reason; follow the job to its downloads.
    await page.getByTestId('playback-export').click();
    await page.getByTestId('export-reason').fill('Permintaan Polres: pemeriksaan kejadian');
    await page.getByTestId('export-case').fill('LP/123/XI/2026');
    await page.getByRole('dialog').locator('button[type="submit"]').click();
    await page.getByTestId('export-progress').waitFor();
    await page.waitForSelector('[data-testid="export-status"][data-status="done"]', { timeout: 120_000 });
    await page.getByTestId('export-downloads').waitFor();
    const fileLinks = await page.getByTestId('export-file').evaluateAll((els) => els.map((e) => (e as HTMLAnchorElement).href));
    assert.ok(fileLinks.length >= 2, `a file per camera (${fileLinks.length})`);
    for (const id of ['export-manifest', 'export-signature', 'export-zip']) assert.equal(await page.getByTestId(id).count(), 1, `${id} link`);
    // The links work for the signed-in user.
    for (const href of [fileLinks[0]!, await page.getByTestId('export-manifest').getAttribute('href')]) {
      const res = await page.request.get(new URL(href!, base).toString());
      assert.equal(res.status(), 200, `download ${href}: ${res.status()}`);
    }
    // The export covers the in/out range: five seconds.
    const exports = await getJson<{ items: { from: string; to: string; cameraIds: string[]; reason: string }[] }>(base, s, '/api/exports?limit=1');
    const exp = exports.items[0]!;
    assert.ok(Math.abs(Date.parse(exp.to) - Date.parse(exp.from) - 5000) < 100, `a 5 s export (${exp.from}–${exp.to})`);
    assert.deepEqual([...exp.cameraIds].sort(), cameras.map((c) => c.id).sort(), 'the grid cameras were pre-selected');
    await page.getByTestId('export-close').click();

    // Hold the same range as evidence, then release it (admin) with a reason.
    await page.getByTestId('playback-hold').click();
    await page.getByTestId('hold-reason').fill('Barang bukti kecelakaan lalu lintas');
    await page.getByRole('dialog').locator('button[type="submit"]').click();
    await page.getByTestId('tab-holds').click();
    const held = page.locator('[data-testid="hold-item"]', { hasText: 'Barang bukti kecelakaan lalu lintas' });
    await held.waitFor();
    await held.getByTestId('hold-release').click();
    await page.getByRole('dialog').locator('textarea').fill('Perkara selesai');
    await page.getByRole('dialog').locator('button[type="submit"]').click();
    await held.waitFor({ state: 'detached' });

    // Near the live edge: playback runs on past the end known when the page loaded, as the recorder writes more.
    const edge = (await waitForRecording(base, s, cameras[0]!.id, RECORDED_S)).end;
    const from = Math.floor((edge - 3000) / 1000) * 1000;
    await page.goto(`${base}/putar-ulang?cameras=${cameras[0]!.id}&t=${new Date(from).toISOString().replace('.000Z', 'Z')}`);
    await waitAllReady(page);
    await page.keyboard.press('Space');
    await page.waitForFunction(
      (want) => Date.parse(document.querySelector('[data-testid="playback-clock"]')!.getAttribute('data-t')!) > want,
      edge + 8000,
      { timeout: 30_000 },
    );
    assert.equal(await page.getByTestId('playback-play').getAttribute('data-playing'), 'true', 'still playing past the old end');
    assert.equal(await page.getByTestId('playback-tile').getAttribute('data-state'), 'ready', 'and showing video');
    await page.keyboard.press('Space');

    // Storage: the recording cameras use space; an admin sets one camera's retention.
    await page.getByTestId('nav-storage').click();
    const row = page.locator(`[data-testid="storage-camera-row"][data-camera-id="${cameras[0]!.id}"]`);
    await row.waitFor();
    await row.getByTestId('retention-edit').click();
    await row.getByTestId('retention-input').fill('14');
    await row.getByTestId('retention-input').press('Enter');
    await row.getByTestId('retention-edit').waitFor();
    const storage = await getJson<{ cameras: { cameraId: string; bytes: number; retentionDays: number | null }[] }>(base, s, '/api/storage');
    const mine = storage.cameras.find((c) => c.cameraId === cameras[0]!.id)!;
    assert.equal(mine.retentionDays, 14, 'the retention was saved');
    assert.ok(mine.bytes > 0, 'the recording camera uses space');
  });
  assert.deepEqual(problems, [], `unexpected console output:\n${problems.join('\n')}`);
});
