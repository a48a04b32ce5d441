/**
 * End-to-end test of live video against the real server and an independent RTSP server (GStreamer):
 * the camera page plays the camera, proven by decoded pixels (not `currentTime`), within a
 * time-to-first-frame budget; the video wall saves a 2×2 layout with the camera twice, plays both
 * cells after a reload, uses ONE WebSocket, and unsubscribes a cleared cell.
 * Assumes web/dist is built (`npm run build -w web`). Fails on unexpected console output.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { apiLogin, assertBuilt, meanAbsDiff, openPage, type PictureSample as Sample, runCleanups, samplePicture as sample, startRtspServer, startServer, WAIT, withEvidence } from './support.ts';

after(runCleanups);

/** Time-to-first-frame budget for the camera page (subscribe → first picture shown). */
const TTFF_BUDGET_MS = 3000;

/** A real picture: not uniform (black, grey), not the green of a broken decode, and moving. */
async function assertLivePicture(page: Page, videoSelector: string, label: string): Promise<Sample> {
  const first = await sample(page, videoSelector);
  await page.waitForTimeout(500);
  const second = await sample(page, videoSelector);
  const s = (x: Sample) => `${x.width}×${x.height} luma ${x.meanLuma.toFixed(1)}±${Math.sqrt(x.lumaVariance).toFixed(1)} rgb ${x.meanR.toFixed(0)}/${x.meanG.toFixed(0)}/${x.meanB.toFixed(0)}`;
  assert.ok(first.lumaVariance > 100, `${label}: the picture is not uniform (${s(first)})`);
  const greenish = (x: Sample) => x.meanG > x.meanR + 40 && x.meanG > x.meanB + 40;
  assert.ok(!greenish(first) && !greenish(second), `${label}: not the green picture of a broken decode (${s(first)})`);
  const moved = meanAbsDiff(first.grid, second.grid);
  assert.ok(moved > 0.5, `${label}: the picture changes within 500 ms (mean luma difference ${moved.toFixed(2)})`);
  console.log(`${label}: ${s(second)}, change over 500 ms ${moved.toFixed(2)}`);
  return second;
}

interface TrackedSocket {
  url: string;
  closed: boolean;
  /** Channels subscribed and not unsubscribed, read from the frames the page sent. */
  channels: Set<number>;
}

function trackSockets(page: Page): TrackedSocket[] {
  const sockets: TrackedSocket[] = [];
  page.on('websocket', (ws) => {
    const s: TrackedSocket = { url: ws.url(), closed: false, channels: new Set() };
    sockets.push(s);
    ws.on('framesent', (f) => {
      if (typeof f.payload !== 'string') return;
      const m = JSON.parse(f.payload) as { type: string; channel?: number };
      if (m.type === 'subscribe' && m.channel !== undefined) s.channels.add(m.channel);
      if (m.type === 'unsubscribe' && m.channel !== undefined) s.channels.delete(m.channel);
    });
    ws.on('close', () => (s.closed = true));
  });
  return sockets;
}

/** Points a demo camera at the RTSP server (main and sub stream) and waits until the server reports it online. */
async function pointCameraAt(base: string, password: string, rtspUrl: string): Promise<{ id: string; name: string }> {
  const s = await apiLogin(base, 'admin', password);
  const list = (await (await fetch(`${base}/api/cameras?limit=1`, { headers: { cookie: s.cookie } })).json()) as { items: { id: string; name: string }[] };
  const cam = list.items[0];
  assert.ok(cam, 'the demo data has a camera');
  const res = await fetch(`${base}/api/cameras/${cam.id}`, {
    method: 'PATCH',
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json' },
    body: JSON.stringify({ mainUrl: rtspUrl, subUrl: rtspUrl }),
  });
  assert.equal(res.status, 200, `PATCH camera: ${res.status} ${await res.text()}`);
  const deadline = Date.now() + 45_000;
  for (;;) {
    const c = (await (await fetch(`${base}/api/cameras/${cam.id}`, { headers: { cookie: s.cookie } })).json()) as { status: string; statusReason: string | null };
    if (c.status === 'online') return cam;
    assert.ok(Date.now() < deadline, `camera did not come online within 45 s (status ${c.status}, ${c.statusReason})`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

test('live: camera page plays real pixels fast; the video wall keeps a layout on one socket', { timeout: 300_000 }, async () => {
  assertBuilt();
  const [{ base, password }, rtsp] = await Promise.all([startServer(), startRtspServer()]);
  const camera = await pointCameraAt(base, password, rtsp.url);
  const { page, problems } = await openPage();
  const sockets = trackSockets(page);
  await withEvidence(page, 'live', problems, async () => {
    await cameraPage(page, base, password, camera);
    await videoWall(page, camera, sockets);
  });
  assert.deepEqual(problems, [], `unexpected console output:\n${problems.join('\n')}`);
});

async function cameraPage(page: Page, base: string, password: string, camera: { id: string; name: string }): Promise<void> {
  await page.goto(`${base}/cameras/${camera.id}`);
  await page.getByTestId('login-username').fill('admin');
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('camera-title').waitFor();
  assert.equal(await page.getByTestId('camera-title').textContent(), camera.name);

  const video = '[data-testid="camera-live"] [data-testid="live-video"]';
  await page.waitForSelector(`${video}[data-state="playing"]`);
  const ttff = Number(await page.locator(video).getAttribute('data-ttff-ms'));
  console.log(`camera page time to first frame: ${ttff} ms (stream ${await page.locator(video).getAttribute('data-stream')})`);
  assert.ok(ttff > 0 && ttff < TTFF_BUDGET_MS, `time to first frame ${ttff} ms is under ${TTFF_BUDGET_MS} ms`);
  assert.equal(await page.locator(video).getAttribute('data-stream'), 'sub', 'the page plays the sub stream');
  const picture = await assertLivePicture(page, video, 'camera page');
  assert.deepEqual([picture.width, picture.height], [320, 240], 'the camera’s own resolution');

  // Near the live edge: the player never lets the buffer run far ahead of the playhead.
  const lag = await page.evaluate((sel) => {
    const v = document.querySelector<HTMLVideoElement>(sel)!;
    return v.buffered.length ? v.buffered.end(v.buffered.length - 1) - v.currentTime : -1;
  }, video);
  console.log(`camera page live lag: ${lag.toFixed(2)} s`);
  assert.ok(lag >= 0 && lag < 1.6, `playback stays near the live edge (lag ${lag.toFixed(2)} s)`);
}

async function videoWall(page: Page, camera: { id: string; name: string }, sockets: TrackedSocket[]): Promise<void> {
  await page.getByTestId('nav-wall').click();
  await page.getByTestId('wall-grid').waitFor();
  await page.getByTestId('wall-grid-2').click();
  assert.equal(await page.getByTestId('wall-cell').count(), 4, '2×2 has four cells');

  // Click-to-assign: the first click fills the selected cell 1 and selects cell 2, the second fills it.
  await page.getByTestId('wall-camera-search').fill(camera.name);
  const item = page.locator(`[data-testid="wall-camera-item"][data-camera-id="${camera.id}"]`);
  await item.click();
  await item.click();
  const cells = page.locator(`[data-testid="wall-cell"][data-camera-id="${camera.id}"]`);
  assert.equal(await cells.count(), 2, 'the camera is in two cells');
  assert.deepEqual(await cells.evaluateAll((els) => els.map((e) => e.getAttribute('data-cell'))), ['0', '1']);

  await page.getByTestId('wall-save').click();
  await page.getByTestId('wall-layout-name').fill('Uji e2e 2×2');
  await page.getByTestId('wall-layout-name-submit').click();
  await page.waitForURL(/[?&]layout=[0-9a-f-]{36}/);
  const layoutId = new URL(page.url()).searchParams.get('layout');

  const before = sockets.length;
  await page.reload();
  await page.getByTestId('wall-grid').waitFor();
  assert.equal(new URL(page.url()).searchParams.get('layout'), layoutId, 'the layout stays in the URL');
  await page.waitForSelector(`[data-testid="wall-layout-select"]`);
  assert.equal(await page.getByTestId('wall-layout-select').inputValue(), 'Uji e2e 2×2');
  assert.equal(await page.getByTestId('wall-cell').count(), 4, 'still 2×2 after the reload');
  assert.equal(await cells.count(), 2, 'both cells kept the camera');
  const playing = `[data-testid="wall-cell"][data-camera-id="${camera.id}"] [data-testid="live-video"][data-state="playing"]`;
  await page.waitForFunction((sel) => document.querySelectorAll(sel).length === 2, playing, { timeout: WAIT });
  for (const cell of ['0', '1']) {
    await assertLivePicture(page, `[data-testid="wall-cell"][data-cell="${cell}"] [data-testid="live-video"]`, `wall cell ${Number(cell) + 1}`);
  }

  // Sockets of the document before the reload went with it; count this document's.
  const current = sockets.slice(before);
  const open = current.filter((s) => !s.closed);
  assert.equal(current.length, 1, `one WebSocket for the whole wall (opened since the reload: ${current.map((s) => s.url).join(', ')})`);
  assert.equal(open.length, 1, 'and it is open');
  assert.match(open[0]!.url, /\/api\/live$/);
  assert.equal(open[0]!.channels.size, 2, 'two channels subscribed, one per cell');

  // Clearing a cell unsubscribes its channel.
  await page.locator('[data-testid="wall-cell"][data-cell="1"] [data-testid="wall-cell-menu"]').click();
  await page.getByTestId('wall-cell-clear').click();
  await page.waitForFunction((sel) => document.querySelectorAll(sel).length === 1, playing);
  await page.waitForTimeout(200);
  assert.equal(open[0]!.channels.size, 1, 'the cleared cell unsubscribed its channel');
}
