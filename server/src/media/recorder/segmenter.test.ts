import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Segmenter, silentLog, type WriterOp } from './segmenter.ts';
import { MAX_SLEW_PPM, nextBoundary90k, rotationOffset90k, TICKS_PER_SECOND } from './timing.ts';
import { fixtureStream, loopPictures } from './testing/fixture-stream.ts';
import type { TimedPicture } from '../types.ts';

const stream = fixtureStream('h264-320x240-25fps.h264', 25); // keyframe every 25 pictures (1 s)
const CAM = '0b9f3c1e-5d2a-4c8e-9f10-1a2b3c4d5e6f';
const T0 = Date.UTC(2026, 0, 5, 1, 0, 0);

interface Rec {
  run: number;
  start90k: number;
  wall90k: number;
  media90k: number;
  frames: number;
  firstKey: boolean;
  fragments: number[];
}

function harness(over: { segmentSeconds?: number; backlog?: () => number; maxBacklogBytes?: number } = {}) {
  const ops: WriterOp[] = [];
  const seg = new Segmenter({
    cameraId: CAM,
    stream: 'main',
    segment90k: (over.segmentSeconds ?? 60) * TICKS_PER_SECOND,
    rotationOffset90k: rotationOffset90k(CAM, 'main', (over.segmentSeconds ?? 60) * TICKS_PER_SECOND),
    fragment90k: TICKS_PER_SECOND,
    maxFragmentBytes: 8 << 20,
    maxBacklogBytes: over.maxBacklogBytes ?? 16 << 20,
    backlogBytes: over.backlog ?? (() => 0),
    emit: (op) => ops.push(op),
    log: silentLog,
  });
  /** Recordings reconstructed from the ops, as the writer would see them. */
  const recordings = (): Rec[] => {
    const out: Rec[] = [];
    let cur: Rec | null = null;
    for (const op of ops) {
      if (op.kind === 'open') cur = { run: op.run, start90k: op.start90k, wall90k: 0, media90k: 0, frames: 0, firstKey: false, fragments: [] };
      else if (op.kind === 'fragment' && cur) {
        if (cur.frames === 0) cur.firstKey = op.samples[0]?.isKey ?? false;
        cur.frames += op.samples.length;
        const d = op.samples.reduce((n, s) => n + s.duration, 0);
        cur.media90k += d;
        cur.fragments.push(d);
      } else if (op.kind === 'close' && cur) {
        cur.wall90k = op.wallDuration90k;
        if (cur.frames > 0) out.push(cur);
        cur = null;
      }
    }
    return out;
  };
  return { seg, ops, recordings };
}

function feed(seg: Segmenter, gen: Generator<TimedPicture>, n: number): TimedPicture[] {
  const out: TimedPicture[] = [];
  for (let i = 0; i < n; i++) {
    const p = gen.next().value as TimedPicture;
    seg.push(p);
    out.push(p);
  }
  return out;
}

describe('Segmenter', () => {
  test('drops pictures before the first keyframe and starts every recording on one', () => {
    const h = harness({ segmentSeconds: 4 });
    const gen = loopPictures(stream, { startMs: T0, firstPts: 1000 });
    for (let i = 0; i < 10; i++) gen.next(); // join mid-GOP: 15 pictures until the next keyframe
    const first = gen.next().value as TimedPicture;
    h.seg.startRun({ cameraId: CAM, stream: 'main', track: stream.track, startedAtMs: first.receivedAtMs, firstPts: first.pts });
    h.seg.push(first);
    feed(h.seg, gen, 300);
    h.seg.endRun('test');
    assert.equal(h.seg.counters.droppedWaitingForKey, 15);
    const recs = h.recordings();
    assert.ok(recs.length >= 2);
    for (const r of recs) assert.ok(r.firstKey, 'recording starts with a keyframe');
    assert.equal(recs.reduce((n, r) => n + r.frames, 0), 301 - 15);
    // the first recording starts at the keyframe's wall time: 15 frames after the run start
    assert.equal(recs[0]?.start90k, Math.round(first.receivedAtMs * 90) + 15 * 3600);
    assert.deepEqual(h.ops.at(-1), { kind: 'end-run', run: 1, reason: 'test', end90k: (recs.at(-1) as Rec).start90k + (recs.at(-1) as Rec).wall90k });
  });

  test('fragments of about one second; rotation at the first keyframe after the staggered boundary', () => {
    const seg90k = 4 * TICKS_PER_SECOND;
    const h = harness({ segmentSeconds: 4 });
    const gen = loopPictures(stream, { startMs: T0, firstPts: 0 });
    h.seg.startRun({ cameraId: CAM, stream: 'main', track: stream.track, startedAtMs: T0, firstPts: 0 });
    feed(h.seg, gen, 25 * 30);
    h.seg.endRun('test');
    const recs = h.recordings();
    const offset = rotationOffset90k(CAM, 'main', seg90k);
    for (const [i, r] of recs.entries()) {
      for (const f of r.fragments) assert.ok(f <= TICKS_PER_SECOND, `fragment of ${f}`);
      if (i === recs.length - 1) break;
      // ends at the first keyframe (a whole second here) at or after the grid boundary
      const boundary = nextBoundary90k(r.start90k, seg90k, offset);
      const end = r.start90k + r.media90k;
      assert.ok(end >= boundary && end < boundary + TICKS_PER_SECOND, `recording ${i} ends at ${end - boundary} past its boundary`);
      if (i > 0) assert.equal(r.media90k, seg90k, 'after the first, recordings last one period');
    }
    assert.ok(recs[0]!.media90k <= seg90k, 'the first recording is shortened to reach the stream phase');
  });

  test('rotation phase is stable per stream and spread across cameras', () => {
    const seg90k = 60 * TICKS_PER_SECOND;
    assert.equal(rotationOffset90k(CAM, 'main', seg90k), rotationOffset90k(CAM, 'main', seg90k));
    assert.notEqual(rotationOffset90k(CAM, 'main', seg90k), rotationOffset90k(CAM, 'sub', seg90k));
    const offsets = Array.from({ length: 10_000 }, (_, i) => rotationOffset90k(`cam-${i}`, 'main', seg90k));
    const perSecond = new Array(60).fill(0);
    for (const o of offsets) perSecond[Math.floor(o / TICKS_PER_SECOND)]++;
    // 10,000 cameras: about 167 closes per second, never all at once
    assert.ok(Math.max(...perSecond) < 230 && Math.min(...perSecond) > 110, `per second: ${Math.min(...perSecond)}–${Math.max(...perSecond)}`);
  });

  function driftRun(ppm: number, minutes: number, jitterMs = 0) {
    const h = harness({ segmentSeconds: 60 });
    const gen = loopPictures(stream, { startMs: T0, firstPts: 0, cameraPpm: ppm, latencyMs: (i) => 30 + ((i * 7919) % 11) * (jitterMs / 10) });
    const first = gen.next().value as TimedPicture;
    h.seg.startRun({ cameraId: CAM, stream: 'main', track: stream.track, startedAtMs: first.receivedAtMs, firstPts: first.pts });
    h.seg.push(first);
    feed(h.seg, gen, 25 * 60 * minutes);
    h.seg.endRun('test');
    return h.recordings();
  }

  test('a camera 20 ppm fast: wall time follows the recorder clock', () => {
    const recs = driftRun(20, 20, 40);
    const last = recs.at(-1) as Rec;
    // recorder clock at the end of the last recording (real time), against the recorded wall end
    const realEnd90k = T0 * 90 + 30 * 90 + 25 * 60 * 20 * 3600 + 3600;
    const media = recs.reduce((n, r) => n + r.media90k, 0);
    assert.ok(media - (realEnd90k - T0 * 90 - 30 * 90) > 20 * 90, 'media time ran ahead by > 20 ms');
    assert.ok(Math.abs(last.start90k + last.wall90k - realEnd90k) < 5 * 90, `wall end within 5 ms of the clock (${(last.start90k + last.wall90k - realEnd90k) / 90} ms)`);
    for (const r of recs) assert.ok(Math.abs(r.wall90k - r.media90k) <= (r.media90k * MAX_SLEW_PPM) / 1e6);
    for (let i = 1; i < recs.length; i++) assert.equal(recs[i]!.start90k, recs[i - 1]!.start90k + recs[i - 1]!.wall90k, 'contiguous');
  });

  test('a camera 2000 ppm fast is slewed at 500 ppm, no more', () => {
    const recs = driftRun(2000, 10);
    for (const r of recs.slice(0, -1)) {
      const ppm = ((r.wall90k - r.media90k) / r.media90k) * 1e6;
      assert.ok(ppm <= -499 && ppm >= -500, `slew ${ppm.toFixed(1)} ppm`);
    }
  });

  test('a run never starts before the previous one ended, even when the clock steps back', () => {
    const h = harness({ segmentSeconds: 4 });
    const a = loopPictures(stream, { startMs: T0, firstPts: 0 });
    h.seg.startRun({ cameraId: CAM, stream: 'main', track: stream.track, startedAtMs: T0, firstPts: 0 });
    feed(h.seg, a, 100);
    h.seg.endRun('disconnect');
    const end = h.seg.lastEnd;
    // the clock stepped back 10 s (NTP) before the reconnect
    const b = loopPictures(stream, { startMs: T0 - 10_000, firstPts: 5_000_000 });
    h.seg.startRun({ cameraId: CAM, stream: 'main', track: stream.track, startedAtMs: T0 - 10_000, firstPts: 5_000_000 });
    feed(h.seg, b, 100);
    h.seg.endRun('disconnect');
    const recs = h.recordings();
    const second = recs.find((r) => r.run === 2) as Rec;
    assert.equal(second.start90k, end);
    const endRuns = h.ops.filter((o) => o.kind === 'end-run');
    assert.deepEqual(endRuns.map((o) => o.kind === 'end-run' && o.reason), ['disconnect', 'disconnect']);
  });

  test('pts stepping back gets one-tick durations; a jump starts a new run', () => {
    const h = harness({ segmentSeconds: 60 });
    const gen = loopPictures(stream, { startMs: T0, firstPts: 0 });
    h.seg.startRun({ cameraId: CAM, stream: 'main', track: stream.track, startedAtMs: T0, firstPts: 0 });
    const ps = feed(h.seg, gen, 30);
    const last = ps.at(-1) as TimedPicture;
    h.seg.push({ ...last, pts: last.pts - 1000, isKey: false, receivedAtMs: last.receivedAtMs + 40 });
    h.seg.push({ ...(ps[25] as TimedPicture), pts: last.pts + 3600 * 1000, receivedAtMs: last.receivedAtMs + 80 });
    h.seg.endRun('test');
    const frags = h.ops.filter((o) => o.kind === 'fragment').flatMap((o) => (o.kind === 'fragment' ? o.samples.map((s) => s.duration) : []));
    assert.ok(frags.includes(1), 'backwards step became one tick');
    assert.ok(frags.every((d) => d > 0));
    const reasons = h.ops.flatMap((o) => (o.kind === 'end-run' ? [o.reason] : []));
    assert.deepEqual(reasons, ['timestamp-jump', 'test']);
    assert.equal(h.recordings().length, 2);
  });

  test('a full writer backlog drops pictures until a keyframe finds it drained, as a new run', () => {
    let backlog = 0;
    const h = harness({ segmentSeconds: 60, backlog: () => backlog, maxBacklogBytes: 100_000 });
    const gen = loopPictures(stream, { startMs: T0, firstPts: 0 });
    h.seg.startRun({ cameraId: CAM, stream: 'main', track: stream.track, startedAtMs: T0, firstPts: 0 });
    feed(h.seg, gen, 50);
    backlog = 95_000; // the disk stalls
    feed(h.seg, gen, 60);
    assert.ok(h.seg.counters.droppedBacklog > 0);
    backlog = 0; // caught up
    feed(h.seg, gen, 60);
    h.seg.endRun('test');
    const reasons = h.ops.flatMap((o) => (o.kind === 'end-run' ? [o.reason] : []));
    assert.deepEqual(reasons, ['backlog', 'test']);
    const recs = h.recordings();
    assert.equal(recs.length, 2);
    assert.ok(recs.every((r) => r.firstKey));
    assert.ok(recs[1]!.start90k > recs[0]!.start90k + recs[0]!.wall90k, 'the gap is explicit');
    assert.equal(recs.reduce((n, r) => n + r.frames, 0) + h.seg.counters.droppedBacklog, 170);
  });
});
