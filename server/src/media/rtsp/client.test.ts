// End-to-end: the client against an independent RTSP server (GStreamer's gst-rtsp-server, run with
// Debian's /usr/bin/python3), over TCP interleaved and UDP, with Digest and Basic auth.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RtspClient } from './client.ts';
import { freePort, startGstServer } from '../testing/gst-server.ts';
import type { AccessUnit } from '../h26x/access-unit.ts';
import type { SessionFailure } from './session.ts';
import { buildH264Config } from '../h26x/avcc.ts';
import { h264VideoTrack, initSegment, mediaSegment, samplesFromPictures } from '../mp4/fmp4.ts';
import { TimestampUnwrapper } from '../rtp/reorder.ts';

const dir = mkdtempSync(join(tmpdir(), 'pantau-rtsp-'));
const servers: ChildProcess[] = [];
after(() => {
  for (const s of servers) s.kill();
  rmSync(dir, { recursive: true, force: true });
});

async function startServer(codec: 'h264' | 'h265', auth: 'none' | 'basic' | 'digest'): Promise<number> {
  const s = await startGstServer(codec, auth);
  servers.push(s.child);
  return s.port;
}

/** Runs a client until `count` access units or a failure arrive. */
function collect(url: string, transport: 'tcp' | 'udp', count: number): Promise<{ units: AccessUnit[]; failure: SessionFailure | null; dropped: number }> {
  return new Promise((resolve) => {
    const units: AccessUnit[] = [];
    let dropped = 0;
    const timeout = setTimeout(() => finish(null), 15000);
    const client = new RtspClient({
      url,
      transport,
      tickMs: 100,
      onAccessUnit: (u) => {
        units.push(u);
        if (units.length >= count) finish(null);
      },
      onDropped: () => dropped++,
      onFailure: (reason) => finish(reason),
    });
    function finish(failure: SessionFailure | null): void {
      clearTimeout(timeout);
      client.stop();
      resolve({ units, failure, dropped });
    }
    client.start();
  });
}

const h264Type = (n: Uint8Array): number => (n[0] as number) & 0x1f;

describe('RtspClient against gst-rtsp-server', () => {
  let h264Digest = 0;
  let h264Basic = 0;
  before(async () => {
    h264Digest = await startServer('h264', 'digest');
    h264Basic = await startServer('h264', 'basic');
  });

  test('TCP interleaved + Digest: 4-slice pictures arrive whole, with SPS/PPS once per keyframe, and decode cleanly', async () => {
    const { units, failure } = await collect(`rtsp://admin:s3cret@127.0.0.1:${h264Digest}/test`, 'tcp', 40);
    assert.equal(failure, null);
    assert.equal(units.length, 40);
    const first = units.findIndex((u) => u.isKey);
    assert.ok(first >= 0 && first < 30, 'a keyframe within the first GOP');
    for (const u of units) {
      assert.equal(u.nalus.filter((n) => h264Type(n) === 1 || h264Type(n) === 5).length, 4, 'four slices');
      assert.equal(u.nalus.filter((n) => h264Type(n) === 7).length, u.isKey ? 1 : 0, 'one SPS on keyframes only');
      assert.equal(u.nalus.filter((n) => h264Type(n) === 8).length, u.isKey ? 1 : 0, 'one PPS on keyframes only');
      assert.equal(h264Type(u.nalus[0] as Uint8Array), 9, 'access unit delimiter first');
    }
    const unwrap = new TimestampUnwrapper();
    const pics = units.slice(first).map((u) => ({ time: unwrap.unwrap(u.timestamp), nalus: u.nalus, isKey: u.isKey }));
    for (let i = 1; i < pics.length; i++) assert.equal((pics[i]?.time ?? 0) - (pics[i - 1]?.time ?? 0), 3600);
    const [sps, pps] = units[first]?.parameterSets ?? [];
    assert.ok(sps && pps);
    const cfg = buildH264Config(sps, [pps]);
    assert.ok(cfg.ok);
    const file = join(dir, 'live.mp4');
    writeFileSync(file, Buffer.concat([initSegment(h264VideoTrack(cfg.config)), mediaSegment(1, 0, samplesFromPictures(pics, 3600))]));
    const probe = spawnSync('ffprobe', ['-v', 'error', '-count_frames', '-show_entries', 'stream=width,height,nb_read_frames', '-of', 'csv=p=0', file], { encoding: 'utf8' });
    assert.equal(probe.stderr, '');
    assert.equal(probe.stdout.trim(), `320,240,${pics.length}`);
    assert.equal(spawnSync('ffmpeg', ['-v', 'error', '-i', file, '-f', 'null', '-'], { encoding: 'utf8' }).stderr, '');
  });

  test('UDP + Basic: pictures arrive in order', async () => {
    const { units, failure } = await collect(`rtsp://admin:s3cret@127.0.0.1:${h264Basic}/test`, 'udp', 30);
    assert.equal(failure, null);
    assert.equal(units.length, 30);
    for (let i = 1; i < units.length; i++) assert.equal(((units[i]?.timestamp ?? 0) - (units[i - 1]?.timestamp ?? 0)) >>> 0, 3600);
  });

  test('a wrong password is reported as unauthorized', async () => {
    const { units, failure } = await collect(`rtsp://admin:wrong@127.0.0.1:${h264Digest}/test`, 'tcp', 1);
    assert.equal(failure, 'unauthorized');
    assert.equal(units.length, 0);
  });

  test('H.265 over TCP without auth: IRAP pictures carry VPS/SPS/PPS', async () => {
    const port = await startServer('h265', 'none');
    const { units, failure } = await collect(`rtsp://127.0.0.1:${port}/test`, 'tcp', 30);
    assert.equal(failure, null);
    const key = units.find((u) => u.isKey);
    assert.ok(key);
    assert.deepEqual(key.nalus.slice(0, 3).map((n) => ((n[0] as number) >> 1) & 0x3f), [32, 33, 34]);
    assert.equal(key.parameterSets.length, 3);
  });

  test('nobody listening: connect-failed', async () => {
    const { failure } = await collect(`rtsp://127.0.0.1:${await freePort()}/test`, 'tcp', 1);
    assert.equal(failure, 'connect-failed');
  });
});
