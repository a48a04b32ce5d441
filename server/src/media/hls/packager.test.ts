// The packager fed by the real LiveHub with synthetic pictures: cuts, immutability, blocking,
// discontinuity after an outage, and bounded memory under a flood.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LiveHub } from '../live/live-hub.ts';
import type { RunStart } from '../types.ts';
import { HlsPackager } from './packager.ts';
import { fragmentTiming } from './fragment-timing.ts';

const track = { sampleEntry: 'avc1', decoderConfig: new Uint8Array([1, 0x42, 0xc0, 0x1e, 0xff, 0xe0, 0]), codec: 'avc1.42c01e', width: 320, height: 240 } as const;
const run = (firstPts: number): RunStart => ({ cameraId: 'c', stream: 'sub', track, startedAtMs: 0, firstPts });
const FRAME = 3600; // 25 fps at 90 kHz

/** A hub with a packager subscribed; `feed(n)` pushes n pictures at 25 fps with a keyframe every `gop`. */
function rig(opts: { gop?: number; size?: number; maxBytes?: number } = {}) {
  const hub = new LiveHub({ maxGopBytes: 1e9 });
  const pkg = new HlsPackager({ generation: 'g', maxBytes: opts.maxBytes });
  hub.subscribe(pkg);
  let pts = 0;
  let n = 0;
  hub.startRun(run(0));
  return {
    hub,
    pkg,
    feed(count: number) {
      for (let i = 0; i < count; i++, n++, pts += FRAME) hub.push({ pts, isKey: n % (opts.gop ?? 50) === 0, data: new Uint8Array(opts.size ?? 1000).fill(n & 0xff), receivedAtMs: 0 });
    },
    outage() {
      hub.endRun('stalled');
      pts += 90_000 * 3;
      n = 0; // the camera returns with a keyframe
      hub.startRun(run(pts));
    },
  };
}

const tag = (p: string, name: string) => p.split('\n').filter((l) => l.startsWith(name));

test('fragment timing is read from tfdt and trun', () => {
  const hub = new LiveHub();
  const frags: Uint8Array[] = [];
  hub.subscribe({ backlog: () => 0, init: () => undefined, fragment: (f) => frags.push(f), ended: () => undefined });
  hub.startRun(run(1000));
  hub.push({ pts: 1000, isKey: true, data: new Uint8Array(10), receivedAtMs: 0 });
  hub.push({ pts: 4600, isKey: false, data: new Uint8Array(10), receivedAtMs: 0 });
  assert.deepEqual(fragmentTiming(frags[1]!), { decodeTime: 3600, duration: 3600 });
  assert.equal(fragmentTiming(new Uint8Array([0, 0, 0, 8, 0x66, 0x72, 0x65, 0x65])), null);
});

test('segments of one 2 s keyframe group, parts of at most 0.5 s, a window of six', () => {
  const r = rig({ gop: 50 });
  r.feed(50 * 10 + 20);
  const p = r.pkg.playlist('g/')!;
  assert.equal(tag(p, '#EXTINF').length, 6, 'six complete segments');
  assert.deepEqual(tag(p, '#EXT-X-MEDIA-SEQUENCE'), ['#EXT-X-MEDIA-SEQUENCE:4']);
  for (const d of tag(p, '#EXTINF')) assert.equal(d, '#EXTINF:2.00000,');
  const parts = tag(p, '#EXT-X-PART:').map((l) => Number(/DURATION=([\d.]+)/.exec(l)![1]));
  assert.ok(parts.length > 10);
  assert.ok(parts.every((d) => d <= 0.5), `parts ≤ PART-TARGET: ${parts.join(' ')}`);
  // the open segment (msn 10) has 20 pictures: parts of 12 then 8 pictures, the second still open
  assert.ok(p.includes('part-10.0.m4s'));
  assert.ok(p.trim().endsWith('#EXT-X-PRELOAD-HINT:TYPE=PART,URI="g/part-10.1.m4s"'));
});

test('a segment is its parts concatenated, and its bytes never change', () => {
  const r = rig();
  r.feed(120);
  const seg = r.pkg.segment(1)!;
  const parts = [0, 1, 2, 3, 4].map((i) => r.pkg.part(1, i)).filter((x): x is Uint8Array => x !== null);
  assert.equal(Buffer.compare(Buffer.concat(parts), seg), 0);
  const copy = Buffer.from(seg);
  r.feed(200);
  assert.equal(Buffer.compare(Buffer.from(r.pkg.segment(1) ?? new Uint8Array()), copy), 0, 'still served with the same bytes');
  assert.equal(r.pkg.segment(9), null, 'an unknown segment is null');
});

test('a long keyframe group is cut at the target duration', () => {
  const r = rig({ gop: 500 });
  r.feed(400);
  for (const d of tag(r.pkg.playlist('')!, '#EXTINF')) assert.ok(Number(d.slice(8, -1)) <= 4, d);
});

test('blocking reload waits for the part, and times out to the current playlist', async () => {
  const r = rig();
  r.feed(60);
  const t0 = Date.now();
  let done = false;
  const wait = r.pkg.waitFor(1, 1, 5000).then(() => (done = true));
  await new Promise((res) => setTimeout(res, 20));
  assert.equal(done, false, 'part 1.1 does not exist yet');
  r.feed(14); // pictures 60–73: part 1.1 closes at its twelfth picture
  await wait;
  assert.ok(Date.now() - t0 < 1000);
  assert.ok(r.pkg.part(1, 1));
  const t1 = Date.now();
  await r.pkg.waitFor(5, null, 150);
  assert.ok(Date.now() - t1 >= 140, 'timed out');
  assert.equal(r.pkg.tooFarAhead(3), false);
  assert.equal(r.pkg.tooFarAhead(4), true);
});

test('a camera that goes offline and returns: discontinuity with a new map, waiting requests released', async () => {
  const r = rig();
  r.feed(120);
  const waiting = r.pkg.waitFor(10, 0, 10_000);
  r.outage();
  assert.equal(r.pkg.state, 'offline');
  await waiting;
  r.feed(120);
  assert.equal(r.pkg.state, 'live');
  const p = r.pkg.playlist('')!;
  const l = p.split('\n');
  const i = l.indexOf('#EXT-X-DISCONTINUITY');
  assert.ok(i > 0, p);
  assert.equal(l[i + 1], '#EXT-X-MAP:URI="init-1.mp4"');
  assert.ok(r.pkg.initSegment(0) && r.pkg.initSegment(1));
  // once the old run leaves the window, its init goes and the sequence counts the discontinuity
  r.feed(50 * 8);
  const later = r.pkg.playlist('')!;
  assert.ok(later.includes('#EXT-X-DISCONTINUITY-SEQUENCE:1'), later.slice(0, 300));
  assert.equal(r.pkg.initSegment(0), null);
});

test('memory stays under the cap whatever the flood', () => {
  const cap = 4 * 1024 * 1024;
  const r = rig({ size: 200_000, maxBytes: cap, gop: 1000 });
  let peak = 0;
  for (let i = 0; i < 200; i++) {
    r.feed(10);
    peak = Math.max(peak, r.pkg.bytesHeld);
  }
  assert.ok(peak <= cap + 200_000, `peak ${peak} within cap ${cap}`);
  assert.ok(r.pkg.playlist(''), 'still a playlist');
});
