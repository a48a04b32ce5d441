import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { DB_KINDS, freshDatabase } from '../../testing/db.ts';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { Recorder } from '../recorder/index.ts';
import { fixtureStream } from '../recorder/testing/fixture-stream.ts';
import { playRun, quietCamera, TestClock } from '../recorder/testing/record.ts';
import { Playback, spanFps } from './playback.ts';

const h264 = fixtureStream('h264-320x240-25fps.h264', 25);
const T0 = Date.UTC(2026, 0, 5, 1, 0, 0);
const FRAME_S = 1 / 25;

function ffprobe(path: string): { duration: number; frames: number; stderr: string } {
  const r = spawnSync('/usr/bin/ffprobe', ['-v', 'error', '-count_frames', '-show_entries', 'stream=nb_read_frames:format=duration', '-of', 'json', path], { encoding: 'utf8' });
  const j = JSON.parse(r.stdout || '{}') as { streams?: { nb_read_frames?: string }[]; format?: { duration?: string } };
  return { duration: Number(j.format?.duration ?? NaN), frames: Number(j.streams?.[0]?.nb_read_frames ?? NaN), stderr: r.stderr.trim() };
}

async function collect(chunks: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const out: Uint8Array[] = [];
  for await (const c of chunks) out.push(c);
  return Buffer.concat(out);
}

for (const kind of DB_KINDS) {
  describe(`Playback on ${kind}`, () => {
    let h: DatabaseHandle;
    let dir: string;
    let playback: Playback;
    const cam = quietCamera(30);
    before(async () => {
      h = await freshDatabase(kind);
      dir = mkdtempSync(join(tmpdir(), 'pantau-playback-'));
      const clock = new TestClock(T0);
      const rec = new Recorder({ db: h.db, dataDir: dir, clock: clock.now, segmentSeconds: 60, syncIntervalMs: 0 });
      const sink = rec.sink(cam, 'main');
      // 14 s, a 6 s outage, then 6 s more
      await playRun(rec, sink, clock, h264, { cameraId: cam, startMs: T0, firstPts: 0, n: 14 * 25, end: 'disconnect' });
      await playRun(rec, sink, clock, h264, { cameraId: cam, startMs: T0 + 20_000, firstPts: 5_000_000, n: 6 * 25, end: 'detach' });
      await rec.close();
      playback = new Playback({ db: h.db, dataDir: dir });
    });
    after(async () => {
      await h.close();
      rmSync(dir, { recursive: true, force: true });
    });

    test('the timeline merges recordings into stretches with the outage between them', async () => {
      const { spans, runs } = await playback.recorded(cam, 'main', T0 - 60_000, T0 + 60_000);
      assert.equal(spans.length, 2);
      assert.ok(Math.abs(spans[0]!.startMs - T0) < 1 && Math.abs(spans[0]!.endMs - (T0 + 14_000)) < 50);
      assert.ok(Math.abs(spans[1]!.startMs - (T0 + 20_000)) < 1);
      assert.deepEqual(runs.map((r) => r.endReason), ['disconnect', 'detach']);
    });

    test('an export from any instant starts at the keyframe before it and presents exactly the range (ffprobe)', async () => {
      const from = T0 + 3_330;
      const to = T0 + 9_710;
      const plan = await playback.plan(cam, 'main', from, to);
      assert.equal(plan.spans.length, 1);
      assert.deepEqual(plan.gaps, []);
      const span = plan.spans[0]!;
      assert.ok(span.keyStart90k <= span.start90k && span.samples[0]!.isKey);
      assert.equal(span.start90k, from * 90);
      assert.equal(spanFps(span), 25);
      const path = join(dir, 'edited.mp4');
      const written = await playback.file(span, { edit: true }).writeTo(path);
      const p = ffprobe(path);
      assert.equal(p.stderr, '');
      assert.ok(Math.abs(p.duration - (to - from) / 1000) <= FRAME_S, `duration ${p.duration}`);
      assert.equal(written.bytes, readFileSync(path).length);
      // the sources still hash to what the recorder stored when it closed them
      assert.deepEqual((await playback.verifySources(span.recordingIds)).map((x) => x.state), span.recordingIds.map(() => 'verified'));
      // without the edit list the file plays from the keyframe: every sample is there
      const raw = join(dir, 'raw.mp4');
      await playback.file(span, { edit: false }).writeTo(raw);
      const q = ffprobe(raw);
      assert.equal(q.stderr, '');
      assert.equal(q.frames, span.samples.length);
      assert.ok(Math.abs(q.duration - span.samples.reduce((n, s) => n + s.duration, 0) / 90_000) <= FRAME_S);
    });

    test('a range across the outage gives two files and reports the gap with its reason', async () => {
      const plan = await playback.plan(cam, 'main', T0 + 10_000, T0 + 24_000);
      assert.equal(plan.spans.length, 2);
      assert.equal(plan.gaps.length, 1);
      const gap = plan.gaps[0]!;
      assert.equal(gap.reason, 'disconnect');
      assert.ok(Math.abs(gap.start90k / 90 - (T0 + 14_000)) < 50 && Math.abs(gap.end90k / 90 - (T0 + 20_000)) < 1);
      for (const [i, span] of plan.spans.entries()) {
        const path = join(dir, `across-${i}.mp4`);
        await playback.file(span, { edit: true }).writeTo(path);
        const p = ffprobe(path);
        assert.equal(p.stderr, '');
        assert.ok(Math.abs(p.duration - (span.end90k - span.start90k) / 90_000) <= FRAME_S);
      }
      // before and after the recordings: gaps without a reason, and nothing to play
      const none = await playback.plan(cam, 'main', T0 - 30_000, T0 - 10_000);
      assert.deepEqual(none.spans, []);
      assert.deepEqual(none.gaps.map((g) => g.reason), [null]);
    });

    test('a range across a restart of the media process exports both sides, the gap named by the shutdown', async () => {
      const cam2 = quietCamera(30);
      const clock = new TestClock(T0);
      const first = new Recorder({ db: h.db, dataDir: dir, clock: clock.now, segmentSeconds: 60, syncIntervalMs: 0, node: 'media-a' });
      await playRun(first, first.sink(cam2, 'main'), clock, h264, { cameraId: cam2, startMs: T0, firstPts: 0, n: 5 * 25, end: null });
      await first.close(); // the process stops: runs end with 'shutdown'
      const second = new Recorder({ db: h.db, dataDir: dir, clock: clock.now, segmentSeconds: 60, syncIntervalMs: 0, node: 'media-a' });
      await second.recover();
      await playRun(second, second.sink(cam2, 'main'), clock, h264, { cameraId: cam2, startMs: T0 + 8_000, firstPts: 0, n: 5 * 25, end: null });
      await second.close();
      const plan = await playback.plan(cam2, 'main', T0 + 1_000, T0 + 12_000);
      assert.equal(plan.spans.length, 2);
      assert.deepEqual(plan.gaps.map((g) => g.reason), ['shutdown']);
      for (const [i, span] of plan.spans.entries()) {
        const path = join(dir, `restart-${i}.mp4`);
        await playback.file(span, { edit: true }).writeTo(path);
        const p = ffprobe(path);
        assert.equal(p.stderr, '');
        assert.ok(Math.abs(p.duration - (span.end90k - span.start90k) / 90_000) <= FRAME_S);
      }
    });

    test('any byte range of the virtual file equals the same bytes of the whole file', async () => {
      const plan = await playback.plan(cam, 'main', T0 + 1_000, T0 + 13_000);
      const file = playback.file(plan.spans[0]!, { edit: false });
      const whole = await collect(file.read());
      assert.equal(whole.length, file.size);
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: 0, max: file.size }), fc.integer({ min: 0, max: file.size }), async (a, b) => {
          const [s, e] = a <= b ? [a, b] : [b, a];
          const part = await collect(file.read(s, e));
          assert.ok(part.equals(whole.subarray(s, e)));
        }),
        { numRuns: 40 },
      );
    });
  });
}
