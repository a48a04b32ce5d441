// The simulator against an independent RTSP client: ffprobe and ffmpeg (Debian's 5.1) over TCP
// interleaved and UDP, recording with -c copy and counting the frames that decode.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SPEEDWAY_FIXTURE } from './catalog.ts';
import { startSimulator, type Simulator } from './server.ts';

const dir = mkdtempSync(join(tmpdir(), 'pantau-sim-ffmpeg-'));
const children = new Set<ChildProcess>();
let sim: Simulator;

before(async () => {
  sim = await startSimulator({
    port: 0,
    cameras: ['cam-001', 'cam-002', { name: 'highway', fixtures: { main: SPEEDWAY_FIXTURE } }, 'locked'],
    faults: { locked: 'auth' },
  });
});
after(async () => {
  for (const c of children) c.kill('SIGKILL');
  await sim?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Runs a tool with a hard time limit; resolves with its exit code and output. */
function run(cmd: string, args: string[], timeoutMs = 15000): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    children.add(child);
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      children.delete(child);
      resolve({ code, stdout, stderr });
    });
  });
}

async function probe(url: string, transport: 'tcp' | 'udp' = 'tcp') {
  const r = await run('ffprobe', ['-v', 'error', '-rtsp_transport', transport, '-show_entries', 'stream=codec_name,width,height,r_frame_rate', '-of', 'csv=p=0', url]);
  return { ...r, line: r.stdout.trim() };
}

/** Records `seconds` with -c copy, then counts the frames that decode and checks decoding is clean. */
async function record(url: string, transport: 'tcp' | 'udp', seconds: number) {
  const out = join(dir, `${transport}-${Math.random().toString(36).slice(2)}.mp4`);
  const rec = await run('ffmpeg', ['-v', 'error', '-rtsp_transport', transport, '-i', url, '-t', String(seconds), '-c', 'copy', '-y', out]);
  const count = await run('ffprobe', ['-v', 'error', '-count_frames', '-show_entries', 'stream=width,height,nb_read_frames', '-of', 'csv=p=0', out]);
  const decode = await run('ffmpeg', ['-v', 'error', '-i', out, '-f', 'null', '-']);
  return { rec, count: count.stdout.trim(), countErr: count.stderr, decodeErr: decode.stderr };
}

describe('simulator with ffmpeg as the client', () => {
  test('ffprobe sees H.264 at the fixture sizes: main, sub, and the real-footage camera', async () => {
    const [main, sub, highway, udp] = await Promise.all([
      probe(sim.url('cam-001', 'main')),
      probe(sim.url('cam-002', 'sub')),
      probe(sim.url('highway')),
      probe(sim.url('cam-002', 'main'), 'udp'),
    ]);
    for (const r of [main, sub, highway, udp]) assert.equal(r.stderr, '');
    assert.equal(main.line, 'h264,640,360,25/1');
    assert.equal(sub.line, 'h264,320,180,25/1');
    assert.equal(highway.line, 'h264,352,288,25/1');
    assert.equal(udp.line, 'h264,640,360,25/1');
  });

  test('ffmpeg records 3 s over TCP and over UDP with no errors; every frame decodes', async () => {
    const [tcp, udp] = await Promise.all([record(sim.url('cam-001'), 'tcp', 3), record(sim.url('cam-002'), 'udp', 3)]);
    for (const r of [tcp, udp]) {
      assert.equal(r.rec.code, 0, r.rec.stderr);
      assert.equal(r.rec.stderr, '');
      assert.equal(r.countErr, '');
      assert.equal(r.decodeErr, '');
      const [w, h, n] = r.count.split(',').map(Number);
      assert.equal(`${w}x${h}`, '640x360');
      assert.ok(Math.abs((n ?? 0) - 75) <= 2, `frames: ${n}`);
    }
  });

  test('parameter sets only in-band, and four slices per picture, still probe and decode', async () => {
    const [inband, sliced] = await Promise.all([
      record(sim.url('cam-001', 'sub', 'fault=sps-inband-only'), 'tcp', 1),
      record(sim.url('cam-002', 'main', 'fault=multi-slice'), 'tcp', 1),
    ]);
    assert.equal(inband.rec.code, 0, inband.rec.stderr);
    assert.equal(inband.decodeErr, '');
    assert.match(inband.count, /^320,180,(2[3-7])$/);
    assert.equal(sliced.rec.code, 0, sliced.rec.stderr);
    assert.equal(sliced.decodeErr, '');
    assert.match(sliced.count, /^640,360,(2[3-7])$/);
  });

  test('auth: ffprobe is refused without credentials and let in with them (Digest)', async () => {
    const url = sim.url('locked');
    const [without, wrong, withCreds] = await Promise.all([
      probe(url),
      probe(url.replace('rtsp://', 'rtsp://admin:nope@')),
      probe(url.replace('rtsp://', 'rtsp://admin:pantau@')),
    ]);
    assert.notEqual(without.code, 0);
    assert.match(without.stderr, /401|Unauthorized/i);
    assert.notEqual(wrong.code, 0);
    assert.equal(withCreds.stderr, '');
    assert.equal(withCreds.line, 'h264,640,360,25/1');
  });

  test('an unknown camera is 404', async () => {
    const r = await probe(sim.url('nobody'));
    assert.notEqual(r.code, 0);
    assert.match(r.stderr, /404|Not Found/i);
  });
});
