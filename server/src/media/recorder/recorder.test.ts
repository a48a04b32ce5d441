import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, unlinkSync, utimesSync, writeFileSync, existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DB_KINDS, freshDatabase } from '../../testing/db.ts';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { mediaSegment } from '../mp4/index.ts';
import type { PictureSink, StreamKind, TimedPicture } from '../types.ts';
import { Recorder, decodeSampleIndex } from './index.ts';
import { fixtureStream, loopPictures, probe } from './testing/fixture-stream.ts';
import { playRun, quietCamera, TestClock } from './testing/record.ts';
import { checkRecordings } from './testing/check.ts';
import { MAX_SLEW_PPM, rotationOffset90k } from './timing.ts';

const h264 = fixtureStream('h264-320x240-25fps.h264', 25);
const h265 = fixtureStream('h265-320x240-25fps.h265', 25);
const odd = fixtureStream('h264-642x362-30fps.h264', 30);
const T0 = Date.UTC(2026, 0, 5, 1, 0, 0);

for (const kind of DB_KINDS) {
  describe(`Recorder on ${kind}`, () => {
    let h: DatabaseHandle;
    let dir: string;
    before(async () => {
      h = await freshDatabase(kind);
      dir = mkdtempSync(join(tmpdir(), 'pantau-recorder-'));
    });
    after(async () => {
      await h.close();
      rmSync(dir, { recursive: true, force: true });
    });

    test('records ~segmentSeconds fMP4 files that ffprobe reads and the index describes exactly', async () => {
      const cam = randomUUID();
      const clock = new TestClock(T0);
      const rec = new Recorder({ db: h.db, dataDir: dir, clock: clock.now, segmentSeconds: 3 });
      await playRun(rec, rec.sink(cam, 'main'), clock, h264, { cameraId: cam, startMs: T0, firstPts: 123_456, n: 25 * 14 });
      const { problems, recordings } = await checkRecordings(h.db, dir, [cam], 3600);
      assert.deepEqual(problems, []);
      assert.ok(recordings.length >= 4 && recordings.length <= 6, `${recordings.length} recordings`);
      for (const r of recordings) {
        assert.equal(r.probe.codec, 'h264');
        assert.deepEqual([r.probe.width, r.probe.height], [320, 240]);
        assert.equal(r.open, false);
      }
      assert.equal(recordings.reduce((n, r) => n + r.frames, 0), 25 * 14);
      // rotation on keyframes: every recording but the first and last lasts one period
      for (const r of recordings.slice(1, -1)) assert.equal(r.duration90k, 3 * 90_000);

      const listed = await rec.recordings(cam, 'main', T0, T0 + 60_000);
      assert.equal(listed.length, recordings.length);
      assert.equal(listed[0]!.start90k, T0 * 90);
      for (let i = 1; i < listed.length; i++) assert.equal(listed[i]!.start90k, listed[i - 1]!.end90k, 'contiguous within the run');
      for (const r of listed) assert.ok(Math.abs(r.wallDuration90k - r.duration90k) <= (r.duration90k * MAX_SLEW_PPM) / 1e6);
      assert.match(listed[0]!.path, new RegExp(`^recordings/${cam}/2026/01/05/${T0}-\\d+\\.mp4$`));
      // a range inside one recording finds just that one
      const mid = listed[2]!;
      assert.deepEqual((await rec.recordings(cam, 'main', mid.startMs + 10, mid.startMs + 20)).map((r) => r.id), [mid.id]);

      const totals = await rec.storage(cam);
      assert.equal(totals.length, 1);
      assert.equal(totals[0]!.bytes, listed.reduce((n, r) => n + statSync(join(dir, r.path)).size, 0));
      assert.equal(totals[0]!.oldestMs, T0);
      assert.equal(totals[0]!.recordings, listed.length);
    });

    test('runs and gaps are explicit; a codec change starts a new run', async () => {
      const cam = randomUUID();
      const clock = new TestClock(T0);
      const rec = new Recorder({ db: h.db, dataDir: dir, clock: clock.now, segmentSeconds: 60 });
      const sink = rec.sink(cam, 'main');
      await playRun(rec, sink, clock, h264, { cameraId: cam, startMs: T0, firstPts: 0, n: 75, end: 'disconnect' });
      // reconnect 5 s after the last picture: the RTP timeline starts anew
      await playRun(rec, sink, clock, h264, { cameraId: cam, startMs: T0 + 3000 + 5000, firstPts: 9_000_000, n: 50, end: null });
      // the camera switches to H.265 without a disconnect: ingest starts a new run
      await playRun(rec, sink, clock, h265, { cameraId: cam, startMs: T0 + 10_000, firstPts: 20_000_000, n: 50, end: 'detach' });

      const runs = await rec.runs(cam, 'main', T0 - 1000, T0 + 60_000);
      assert.deepEqual(runs.map((r) => [r.startMs - T0, r.endMs === null ? null : r.endMs - T0, r.endReason]), [
        [0, 3000, 'disconnect'],
        [8000, 10_000, 'restart'],
        [10_000, 12_000, 'detach'],
      ]);
      assert.deepEqual(runs.map((r) => r.codec), [h264.track.codec, h264.track.codec, h265.track.codec]);
      assert.equal(runs[1]!.startMs - runs[0]!.endMs!, 5000, 'the gap between runs');
      const recs = await rec.recordings(cam, 'main', T0, T0 + 60_000);
      // (a run may hold two recordings when the stream's rotation boundary falls inside it)
      assert.deepEqual([...new Set(recs.map((r) => r.runId))], runs.map((r) => r.id));
      assert.equal(recs.at(-1)!.codec, h265.track.codec);
      const { problems, recordings } = await checkRecordings(h.db, dir, [cam], 3600);
      assert.deepEqual(problems, []);
      assert.equal(recordings.at(-1)!.probe.codec, 'hevc');
      // ranges between runs find nothing
      assert.deepEqual(await rec.recordings(cam, 'main', T0 + 3500, T0 + 7500), []);
      assert.equal((await rec.runs(cam, 'main', T0 + 3500, T0 + 7500)).length, 0);
    });

    test('an open recording is a playable file and its index trails the file by at most a fragment', async () => {
      const cam = quietCamera();
      const clock = new TestClock(T0);
      // syncIntervalMs 0: fdatasync and index update after every fragment
      const rec = new Recorder({ db: h.db, dataDir: dir, clock: clock.now, segmentSeconds: 60, syncIntervalMs: 0 });
      const sink = rec.sink(cam, 'main');
      const pics = await playRun(rec, sink, clock, odd, { cameraId: cam, startMs: T0, firstPts: 0, n: 30 * 4 + 10, end: null });
      const listed = await rec.recordings(cam, 'main', T0, T0 + 60_000);
      const open = listed.at(-1);
      assert.ok(open?.open);
      const indexed = listed.reduce((n, r) => n + r.frames, 0);
      // pictures wait at most one fragment (1 s) in memory before they are on disk and indexed
      assert.ok(indexed >= pics.length - 31 && indexed < pics.length, `${indexed} of ${pics.length} indexed`);
      const p = probe(join(dir, open.path));
      assert.equal(p.stderr, '');
      assert.equal(p.frames, open.frames);
      assert.deepEqual([p.width, p.height], [642, 362]);
      const [run] = await rec.runs(cam, 'main', T0, T0 + 60_000);
      assert.deepEqual([run?.endMs, run?.endReason], [null, null], 'the run is open');
      assert.equal(run?.recordedUntilMs, Math.round(open.endMs));
      sink.endRun('detach');
      await rec.flush();
      const { problems, recordings } = await checkRecordings(h.db, dir, [cam], 3000);
      assert.deepEqual(problems, []);
      assert.equal(recordings.reduce((n, r) => n + r.frames, 0), pics.length);
    });

    test('with batched syncs the file holds every fragment and the index trails it by at most the sync interval', async () => {
      const cam = quietCamera(20);
      const clock = new TestClock(T0);
      const rec = new Recorder({ db: h.db, dataDir: dir, clock: clock.now, segmentSeconds: 60, syncIntervalMs: 5000 });
      const sink = rec.sink(cam, 'main');
      const pics = await playRun(rec, sink, clock, odd, { cameraId: cam, startMs: T0, firstPts: 0, n: 30 * 13 + 5, end: null });
      const open = (await rec.recordings(cam, 'main', T0, T0 + 60_000)).at(-1)!;
      const p = probe(join(dir, open.path));
      assert.equal(p.stderr, '');
      assert.ok(p.frames >= pics.length - 31, `${p.frames} of ${pics.length} pictures on disk`);
      assert.ok(open.frames <= p.frames && open.frames >= p.frames - 30 * 6, `index ${open.frames}, file ${p.frames}`);
      assert.ok(open.frames < p.frames, 'the index was not updated after every fragment');
      sink.endRun('detach');
      await rec.flush();
      const { problems } = await checkRecordings(h.db, dir, [cam], 3000);
      assert.deepEqual(problems, []);
    });

    test('recover() closes open recordings from the file, removes orphans and finishes deletions', async () => {
      const cam = quietCamera();
      const clock = new TestClock(T0);
      const crashed = new Recorder({ db: h.db, dataDir: dir, clock: clock.now, segmentSeconds: 60, node: `n-${cam}`, syncIntervalMs: 0 });
      await playRun(crashed, crashed.sink(cam, 'main'), clock, h264, { cameraId: cam, startMs: T0, firstPts: 0, n: 80, end: null });
      await playRun(crashed, crashed.sink(cam, 'sub'), clock, h264, { cameraId: cam, stream: 'sub', startMs: T0, firstPts: 0, n: 40, end: null });
      const [main] = await crashed.recordings(cam, 'main', T0, T0 + 60_000);
      const [sub] = await crashed.recordings(cam, 'sub', T0, T0 + 60_000);
      assert.ok(main?.open && sub?.open);
      const d = decodeSampleIndex(
        new Uint8Array((await h.db.selectFrom('recordings').select('sample_index').where('id', '=', main.id).executeTakeFirstOrThrow()).sample_index),
        main.initBytes,
      );
      assert.ok(d.ok);
      // a fragment that reached the file but not the index, then a torn one: the crash
      const extra = h264.pictures.slice(0, 25).map((p) => ({ data: p.data, duration: 3600, isKey: p.isKey }));
      const whole = mediaSegment(d.index.fragments.length + 1, d.index.duration90k, extra);
      const torn = mediaSegment(d.index.fragments.length + 2, d.index.duration90k + 25 * 3600, extra).subarray(0, 5000);
      appendFileSync(join(dir, main.path), whole);
      appendFileSync(join(dir, main.path), torn);
      // the sub stream's file is lost
      unlinkSync(join(dir, sub.path));
      // an old file without a row, a fresh one (maybe being created right now), and a pending deletion
      const day = join(dir, 'recordings', cam, '2026', '01', '05');
      mkdirSync(day, { recursive: true });
      writeFileSync(join(day, '1767574000000-99999999.mp4'), 'orphan');
      utimesSync(join(day, '1767574000000-99999999.mp4'), new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
      writeFileSync(join(day, '1767574000001-99999998.mp4'), 'young');
      writeFileSync(join(day, 'gone.mp4'), 'deleted by retention');
      await h.db.insertInto('recording_garbage').values({ path: `recordings/${cam}/2026/01/05/gone.mp4`, reason: 'retention' }).execute();

      const restarted = new Recorder({ db: h.db, dataDir: dir, clock: () => T0 + 3600_000, segmentSeconds: 60, node: `n-${cam}` });
      const report = await restarted.recover();
      assert.deepEqual(report.closed, [{ id: main.id, frames: main.frames + 25, extendedFragments: 1, truncatedBytes: 5000 }]);
      assert.equal(report.discarded, 1);
      assert.equal(report.runsClosed, 2);
      assert.deepEqual(report.orphansDeleted, [`recordings/${cam}/2026/01/05/1767574000000-99999999.mp4`]);
      assert.ok(report.garbageDeleted >= 1);
      assert.equal(existsSync(join(day, 'gone.mp4')), false);
      assert.equal(existsSync(join(day, '1767574000001-99999998.mp4')), true);
      unlinkSync(join(day, '1767574000001-99999998.mp4'));

      const { problems, recordings } = await checkRecordings(h.db, dir, [cam], 3600);
      assert.deepEqual(problems, []);
      assert.deepEqual(recordings.map((r) => [r.id, r.frames, r.open]), [[main.id, main.frames + 25, false]]);
      const runs = await restarted.runs(cam, 'main', T0, T0 + 60_000);
      assert.deepEqual(runs.map((r) => [r.endReason, r.endMs! - T0]), [['crash', ((main.frames + 25) * 3600) / 90]]);
      assert.deepEqual(await restarted.runs(cam, 'sub', T0, T0 + 60_000), [], 'a run left with no recording is dropped');
      assert.equal((await h.db.selectFrom('recording_garbage').selectAll().execute()).length, 0);
      // recovering again changes nothing
      const again = await restarted.recover();
      assert.deepEqual([again.closed, again.discarded, again.runsClosed, again.orphansDeleted], [[], 0, 0, []]);
    });

    test('a writer that falls behind costs pictures, not memory: the gap becomes a new run', async () => {
      const cam = quietCamera();
      const clock = new TestClock(T0);
      const rec = new Recorder({ db: h.db, dataDir: dir, clock: clock.now, segmentSeconds: 60, maxBacklogBytes: 100_000 });
      const sink = rec.sink(cam, 'main');
      // 8 s of pictures in one tick: the writer gets no chance to run, as with a stalled disk
      const pics = await playRun(rec, sink, clock, h264, { cameraId: cam, startMs: T0, firstPts: 0, n: 25, end: null });
      const gen = loopPictures(h264, { startMs: T0 + 1000, firstPts: 90_000 });
      let peak = 0;
      for (let i = 0; i < 200; i++) {
        sink.push(gen.next().value as TimedPicture);
        peak = Math.max(peak, rec.stats(cam, 'main')!.backlogBytes);
      }
      await rec.flush();
      // caught up: the next keyframe records again
      for (let i = 0; i < 50; i++) sink.push(gen.next().value as TimedPicture);
      sink.endRun('detach');
      await rec.flush();
      const st = rec.stats(cam, 'main')!;
      assert.ok(peak <= 100_000, `backlog peaked at ${peak} bytes`);
      assert.ok(st.segmenter.droppedBacklog > 0);
      const runs = await rec.runs(cam, 'main', T0, T0 + 60_000);
      assert.deepEqual(runs.map((r) => r.endReason), ['backlog', 'detach']);
      assert.ok(runs[1]!.startMs > runs[0]!.endMs!, 'explicit gap');
      const { problems, recordings } = await checkRecordings(h.db, dir, [cam], 3600);
      assert.deepEqual(problems, []);
      assert.equal(recordings.reduce((n, r) => n + r.frames, 0) + st.segmenter.droppedBacklog, pics.length + 250);
    });

    test('the process-wide backlog cap holds even when every stream stays under its own', async () => {
      const cams = [quietCamera(), quietCamera(), quietCamera(), quietCamera()];
      const clock = new TestClock(T0);
      // each stream alone could queue 1 MB; all together may queue 150 kB
      const rec = new Recorder({ db: h.db, dataDir: dir, clock: clock.now, segmentSeconds: 60, maxBacklogBytes: 1_000_000, maxTotalBacklogBytes: 150_000 });
      const sinks = cams.map((c) => rec.sink(c, 'main'));
      const gens = cams.map(() => loopPictures(h264, { startMs: T0, firstPts: 0 }));
      for (const [i, s] of sinks.entries()) s.startRun({ cameraId: cams[i]!, stream: 'main', startedAtMs: T0, firstPts: 0, track: h264.track });
      let peak = 0;
      // several seconds of pictures in one tick: no writer gets to run
      for (let i = 0; i < 150; i++) {
        for (const [k, s] of sinks.entries()) s.push(gens[k]!.next().value as TimedPicture);
        peak = Math.max(peak, cams.reduce((n, c) => n + rec.stats(c, 'main')!.backlogBytes, 0));
      }
      for (const s of sinks) s.endRun('detach');
      await rec.flush();
      assert.ok(peak <= 150_000 + 100_000, `total backlog peaked at ${peak} bytes`);
      assert.ok(cams.every((c) => rec.stats(c, 'main')!.segmenter.droppedBacklog > 0), 'every stream dropped pictures');
      const { problems } = await checkRecordings(h.db, dir, cams, 3600);
      assert.deepEqual(problems, []);
    });

    test('one stream failing does not disturb another', async () => {
      const good = quietCamera();
      const bad = randomUUID();
      const clock = new TestClock(T0);
      const errors: object[] = [];
      const log = { info() {}, warn() {}, error: (o: object) => errors.push(o) };
      const rec = new Recorder({ db: h.db, dataDir: dir, clock: clock.now, segmentSeconds: 60, log });
      // the bad camera's directory cannot be created: a file sits where it should be
      mkdirSync(join(dir, 'recordings'), { recursive: true });
      writeFileSync(join(dir, 'recordings', bad), 'not a directory');
      const gs = rec.sink(good, 'main');
      const bs = rec.sink(bad, 'main');
      const gen = loopPictures(h264, { startMs: T0, firstPts: 0 });
      const first = gen.next().value as TimedPicture;
      for (const [s, cam] of [[gs, good], [bs, bad]] as const) s.startRun({ cameraId: cam, stream: 'main', track: h264.track, startedAtMs: T0, firstPts: first.pts });
      gs.push(first);
      bs.push(first);
      for (let i = 0; i < 100; i++) {
        const p = gen.next().value as TimedPicture;
        gs.push(p);
        bs.push(p);
        if (i % 25 === 0) await rec.flush();
      }
      gs.endRun('detach');
      bs.endRun('detach');
      await rec.flush();
      assert.ok(errors.length > 0);
      assert.equal(rec.stats(bad, 'main')!.writer.fragments, 0);
      // nothing of the failed stream stays in the index: no row without a file, no open run
      assert.equal((await h.db.selectFrom('recordings').select('id').where('camera_id', '=', bad).execute()).length, 0);
      assert.equal((await h.db.selectFrom('recording_runs').select('id').where('camera_id', '=', bad).execute()).length, 0);
      assert.equal((await h.db.selectFrom('recording_garbage').select('id').execute()).length, 0);
      const { problems, recordings } = await checkRecordings(h.db, dir, [good], 3600);
      assert.deepEqual(problems, []);
      assert.equal(recordings[0]!.frames, 101);
      unlinkSync(join(dir, 'recordings', bad));
    });
  });
}
