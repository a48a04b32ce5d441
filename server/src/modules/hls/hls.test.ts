// Live HLS against real peers: the camera simulator → the media pipeline → the app listening on a
// port → ffmpeg (an HLS client we did not write) and plain fetch. Access is the stand-in rule
// wired in app.ts (public cameras only), so takedown is tested by changing the camera itself.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hlsPlaylistPath } from '@pantau/shared';
import { HlsPackagers, MediaPipeline } from '../../media/index.ts';
import { startSimulator, type Simulator } from '../../media/simulator/index.ts';
import { testApp, type TestApp } from '../../testing/app.ts';

const dir = mkdtempSync(join(tmpdir(), 'pantau-hls-'));

function run(cmd: string, args: string[], timeoutMs = 30_000): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

async function until<T>(what: string, fn: () => Promise<T | undefined>, ms: number): Promise<T> {
  const t0 = Date.now();
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() - t0 > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('live HLS from a simulated camera', () => {
  let sim: Simulator;
  let t: TestApp;
  let base = '';
  const pipe = new MediaPipeline({ deadAfterMs: 3000, backoffMs: [200, 400] });

  before(async () => {
    sim = await startSimulator({ port: 0, cameras: ['cam-hls', 'cam-flaky', 'cam-flood'], faults: { 'cam-flaky': 'disconnect=3', 'cam-flood': 'flood=20' } });
    t = await testApp('pglite', { media: pipe });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as { port: number }).port}`;
  });
  after(async () => {
    pipe.close();
    await t?.close();
    await sim?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function liveCamera(name: string, visibility: 'public' | 'pimpinan' = 'public') {
    const cam = await t.buildCamera({ visibility, mainUrl: sim.url(name, 'main'), subUrl: sim.url(name, 'sub') });
    pipe.attach({ cameraId: cam.id, mainUrl: sim.url(name, 'main'), subUrl: sim.url(name, 'sub'), username: null, password: null, record: false });
    return cam;
  }

  test('ffmpeg reads 4 s of the playlist without an error; the file probes as ~4 s of H.264', { timeout: 60_000 }, async () => {
    const cam = await liveCamera('cam-hls');
    const out = join(dir, 'out.mp4');
    const r = await run('ffmpeg', ['-v', 'error', '-y', '-i', `${base}${hlsPlaylistPath(cam.id)}`, '-t', '4', '-c', 'copy', out]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr.trim(), '', 'ffmpeg reports no error');
    const probe = await run('ffprobe', ['-v', 'error', '-show_entries', 'format=duration:stream=codec_name,width,height', '-of', 'json', out]);
    assert.equal(probe.stderr.trim(), '');
    const info = JSON.parse(probe.stdout) as { format: { duration: string }; streams: { codec_name: string; width: number }[] };
    assert.equal(info.streams[0]?.codec_name, 'h264');
    assert.equal(info.streams[0]?.width, 320, 'the sub stream is preferred');
    const d = Number(info.format.duration);
    assert.ok(d > 3.5 && d < 4.6, `duration ${d}`);
  });

  test('blocking reload, immutable media, public cache headers, takedown within a second', { timeout: 60_000 }, async () => {
    const cam = await liveCamera('cam-hls');
    const url = `${base}${hlsPlaylistPath(cam.id)}`;
    const first = await fetch(url);
    assert.equal(first.status, 200);
    assert.equal(first.headers.get('content-type'), 'application/vnd.apple.mpegurl');
    assert.equal(first.headers.get('cache-control'), 'public, max-age=1');
    const text = await first.text();
    assert.match(text, /^#EXTM3U\n/);
    const hint = /#EXT-X-PRELOAD-HINT:TYPE=PART,URI="([^"]+)"/.exec(text)![1]!;
    const [, msn, part] = /part-(\d+)\.(\d+)\.m4s$/.exec(hint)!;

    // blocking reload: held until that part exists, which takes at most one part target (~0.5 s)
    const t0 = Date.now();
    const blocked = await fetch(`${url}?_HLS_msn=${msn}&_HLS_part=${part}`);
    const held = Date.now() - t0;
    assert.equal(blocked.status, 200);
    assert.ok((await blocked.text()).includes(`URI="${hint}"`), 'the awaited part is listed');
    assert.ok(held < 1500, `held ${held} ms`);
    const tooFar = await fetch(`${url}?_HLS_msn=${Number(msn) + 50}`);
    assert.equal(tooFar.status, 400);

    // the hinted part itself, fetched twice: same bytes, cacheable for good
    const a = await fetch(new URL(hint, url));
    assert.equal(a.status, 200);
    assert.equal(a.headers.get('cache-control'), 'public, max-age=3600, immutable');
    assert.equal(a.headers.get('content-type'), 'video/iso.segment');
    const bytesA = Buffer.from(await a.arrayBuffer());
    await new Promise((r) => setTimeout(r, 1500));
    const bytesB = Buffer.from(await (await fetch(new URL(hint, url))).arrayBuffer());
    assert.ok(bytesA.length > 0 && bytesA.equals(bytesB), 'same URL, same bytes');
    const seg = /\n([^#\n]+seg-\d+\.m4s)\n/.exec(text)![1]!;
    const s1 = Buffer.from(await (await fetch(new URL(seg, url))).arrayBuffer());
    const s2 = Buffer.from(await (await fetch(new URL(seg, url))).arrayBuffer());
    assert.ok(s1.length > 0 && s1.equals(s2));

    // takedown: the camera leaves the portal; the next polls answer 404 within a second
    await t.services.cameras.update(t.system, cam.id, { visibility: 'internal' });
    const t1 = Date.now();
    const gone = await until('a 404 playlist', async () => ((await fetch(url)).status === 404 ? Date.now() - t1 : undefined), 3000);
    assert.ok(gone <= 1100, `stopped after ${gone} ms`);
    const res = await fetch(url);
    const body = await res.json() as { error: { code: string; message: string; details?: unknown } };
    assert.equal(body.error.code, 'not_found');
    assert.ok(!JSON.stringify(body).includes(cam.name) && !JSON.stringify(body).includes(cam.id), 'no camera detail in the error');
    assert.equal((await fetch(new URL(seg, url))).status, 404, 'its media stop too');
  });

  test('a pimpinan or unknown camera is a 404 that reveals nothing', async () => {
    const cam = await liveCamera('cam-hls', 'pimpinan');
    const a = await fetch(`${base}${hlsPlaylistPath(cam.id)}`);
    const b = await fetch(`${base}${hlsPlaylistPath('00000000-0000-4000-8000-000000000000')}`);
    assert.equal(a.status, 404);
    assert.equal(b.status, 404);
    assert.deepEqual(await a.json(), await b.json(), 'the same answer for a hidden camera and none at all');
  });

  test('a camera that drops and returns: the playlist shows a discontinuity with a new map', { timeout: 60_000 }, async () => {
    const cam = await liveCamera('cam-flaky');
    const url = `${base}${hlsPlaylistPath(cam.id)}`;
    const text = await until('a discontinuity', async () => {
      const res = await fetch(url);
      const body = await res.text();
      return res.status === 200 && body.includes('#EXT-X-DISCONTINUITY\n') ? body : undefined;
    }, 30_000);
    const l = text.split('\n');
    const i = l.indexOf('#EXT-X-DISCONTINUITY');
    assert.match(l[i + 1]!, /^#EXT-X-MAP:URI="[a-z0-9]+\/init-[1-9]\d*\.mp4"$/);
    const init = await fetch(new URL(/URI="([^"]+)"/.exec(l[i + 1]!)![1]!, url));
    assert.equal(init.status, 200);
    assert.equal(init.headers.get('content-type'), 'video/mp4');
  });

  test('a camera flooding pictures 20× faster than real time: the window stays under its cap', { timeout: 60_000 }, async () => {
    const cam = await liveCamera('cam-flood');
    const cap = 96 * 1024; // below six segments of this stream, so the cap is what bounds the window
    const packagers = new HlsPackagers(pipe, { packager: { maxBytes: cap } });
    try {
      const pkg = packagers.acquire(cam.id)!;
      let peak = 0;
      const t0 = Date.now();
      while (Date.now() - t0 < 4000) {
        peak = Math.max(peak, pkg.bytesHeld);
        await new Promise((r) => setTimeout(r, 20));
      }
      const text = pkg.playlist('');
      const segments = text?.split('\n').filter((l) => l.startsWith('#EXTINF')).length ?? 0;
      assert.ok(segments >= 1 && segments < 6, `the cap, not the six-segment window, bounds it (${segments} segments)`);
      assert.ok(peak > 0 && peak <= cap + 64 * 1024, `peak ${peak} bytes within the ${cap} cap (plus one picture)`);
      console.log(`flood: peak ${peak} bytes held, cap ${cap}`);
    } finally {
      packagers.close();
    }
  });
});
