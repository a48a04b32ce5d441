// The pipeline against an RTSP server we did not write (gst-rtsp-server): status, live fMP4 that
// ffprobe accepts, instant start from the GOP cache, and clear failure reasons.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MediaPipeline, withCredentials } from './pipeline.ts';
import type { CameraStatusEvent } from './types.ts';
import type { LiveViewer } from './live/live-hub.ts';
import { freePort, startGstServer } from './testing/gst-server.ts';

const dir = mkdtempSync(join(tmpdir(), 'pantau-pipe-'));

function waitFor<T>(fn: () => T | undefined, ms: number, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const t = setInterval(() => {
      const v = fn();
      if (v !== undefined) {
        clearInterval(t);
        resolve(v);
      } else if (Date.now() - started > ms) {
        clearInterval(t);
        reject(new Error(`timed out waiting for ${what}`));
      }
    }, 20);
  });
}

function recordingViewer() {
  const chunks: Uint8Array[] = [];
  let inits = 0;
  let firstKeyAt: number | null = null;
  let firstIsKey: boolean | null = null;
  const v: LiveViewer = {
    backlog: () => 0,
    init: (_m, bytes) => {
      inits++;
      if (inits === 1) chunks.push(bytes);
    },
    fragment: (bytes, isKey) => {
      if (firstIsKey === null) firstIsKey = isKey;
      if (isKey && firstKeyAt === null) firstKeyAt = Date.now();
      chunks.push(bytes);
    },
    ended: () => undefined,
  };
  return { v, chunks, get firstKeyAt() { return firstKeyAt; }, get firstIsKey() { return firstIsKey; }, get fragments() { return chunks.length - 1; } };
}

describe('media pipeline against gst-rtsp-server', () => {
  let server: Awaited<ReturnType<typeof startGstServer>>;
  const pipe = new MediaPipeline({ deadAfterMs: 3000, backoffMs: [300, 600] });
  const events: CameraStatusEvent[] = [];
  pipe.onStatus((e) => events.push(e));
  before(async () => {
    server = await startGstServer('h264', 'digest');
  });
  after(() => {
    pipe.close();
    server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('a camera with stored credentials goes online and its live output is valid fMP4', async () => {
    pipe.attach({ cameraId: 'cam-a', mainUrl: `rtsp://127.0.0.1:${server.port}/test`, subUrl: null, username: 'admin', password: 's3cret', record: false });
    const viewer = recordingViewer();
    const sub = pipe.subscribe('cam-a', 'sub', viewer.v);
    assert.equal(sub.ok, true);
    await waitFor(() => (viewer.fragments >= 60 ? true : undefined), 15_000, '60 live fragments');
    assert.equal(viewer.firstIsKey, true, 'a viewer starts on a keyframe');
    const online = events.find((e) => e.cameraId === 'cam-a' && e.status === 'online');
    assert.ok(online);
    assert.equal(online.width, 320);
    assert.match(online.codec ?? '', /^avc1\./);
    const file = join(dir, 'live.mp4');
    writeFileSync(file, Buffer.concat(viewer.chunks));
    const probe = spawnSync('ffprobe', ['-v', 'error', '-count_frames', '-show_entries', 'stream=codec_name,width,height,nb_read_frames', '-of', 'json', file], { encoding: 'utf8' });
    assert.equal(probe.stderr, '', 'ffprobe reports no error');
    const s = JSON.parse(probe.stdout).streams[0];
    assert.equal(s.codec_name, 'h264');
    assert.equal(s.width, 320);
    assert.ok(Number(s.nb_read_frames) >= 60);
    const decode = spawnSync('ffmpeg', ['-v', 'error', '-i', file, '-f', 'null', '-'], { encoding: 'utf8' });
    assert.equal(decode.stderr, '', 'every frame decodes');
    if (sub.ok) sub.unsubscribe();
  });

  test('a second viewer starts from the cached keyframe group in well under 300 ms', async () => {
    const viewer = recordingViewer();
    const t0 = Date.now();
    const sub = pipe.subscribe('cam-a', 'main', viewer.v);
    assert.equal(sub.ok, true);
    assert.ok(viewer.firstKeyAt !== null, 'the keyframe arrives synchronously from the cache');
    assert.ok(viewer.firstKeyAt! - t0 < 300);
    if (sub.ok) sub.unsubscribe();
  });

  test('wrong credentials are an error with the reason; an unreachable camera is offline', async () => {
    pipe.attach({ cameraId: 'cam-bad', mainUrl: `rtsp://127.0.0.1:${server.port}/test`, subUrl: null, username: 'admin', password: 'salah', record: false });
    const port = await freePort();
    pipe.attach({ cameraId: 'cam-gone', mainUrl: `rtsp://127.0.0.1:${port}/x`, subUrl: null, username: null, password: null, record: false });
    const bad = await waitFor(() => events.find((e) => e.cameraId === 'cam-bad'), 10_000, 'cam-bad status');
    assert.deepEqual([bad.status, bad.reason], ['error', 'unauthorized']);
    const gone = await waitFor(() => events.find((e) => e.cameraId === 'cam-gone'), 10_000, 'cam-gone status');
    assert.deepEqual([gone.status, gone.reason], ['offline', 'connect-failed']);
    assert.equal(pipe.status('cam-a')?.status, 'online', 'other cameras are untouched');
    assert.deepEqual(pipe.subscribe('nope', 'main', recordingViewer().v), { ok: false, reason: 'not-attached' });
  });

  test('a sub stream that cannot be reached tells its viewers at once, so they can fall back to main', async () => {
    const port = await freePort();
    pipe.attach({ cameraId: 'cam-nosub', mainUrl: `rtsp://127.0.0.1:${server.port}/test`, subUrl: `rtsp://127.0.0.1:${port}/sub`, username: 'admin', password: 's3cret', record: false });
    const ended: string[] = [];
    const sub = pipe.subscribe('cam-nosub', 'sub', { backlog: () => 0, init: () => undefined, fragment: () => undefined, ended: (r) => ended.push(r) });
    assert.equal(sub.ok, true);
    await waitFor(() => (ended.length > 0 ? true : undefined), 5000, 'ended on the sub channel');
    assert.equal(ended[0], 'connect-failed');
    if (sub.ok) sub.unsubscribe();
  });
});

test('credentials are put into the URL percent-encoded', () => {
  assert.equal(withCredentials('rtsp://10.0.0.1:554/s', 'ad min', 'p@ss:w'), 'rtsp://ad%20min:p%40ss%3Aw@10.0.0.1:554/s');
  assert.equal(withCredentials('rtsp://10.0.0.1/s', null, null), 'rtsp://10.0.0.1/s');
});
