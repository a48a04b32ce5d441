import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { DB_KINDS, freshDatabase } from '../../testing/db.ts';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import type { TimedPicture } from '../types.ts';
import { Recorder } from './index.ts';
import { fixtureStream, loopPictures } from './testing/fixture-stream.ts';
import { checkRecordings } from './testing/check.ts';

const h264 = fixtureStream('h264-320x240-25fps.h264', 25);

/** A camera recording fixture pictures into `dir` on a clock the pictures move; `pump(n)` records n more. */
function recording(db: DatabaseHandle['db'], dir: string, startMs: number) {
  const clock = { now: startMs };
  const rec = new Recorder({ db, dataDir: dir, clock: () => clock.now, segmentSeconds: 2 });
  const camera = randomUUID();
  const sink = rec.sink(camera, 'main');
  const gen = loopPictures(h264, { startMs, firstPts: 0 });
  const first = gen.next().value as TimedPicture;
  sink.startRun({ cameraId: camera, stream: 'main', track: h264.track, startedAtMs: first.receivedAtMs, firstPts: first.pts });
  sink.push(first);
  const pump = async (n: number) => {
    for (let i = 0; i < n; i++) {
      const p = gen.next().value as TimedPicture;
      clock.now = p.receivedAtMs;
      sink.push(p);
      if (i % 25 === 0) await rec.flush();
    }
    await rec.flush();
  };
  return { clock, rec, camera, sink, pump };
}

for (const kind of DB_KINDS) {
  describe(`recording budget on ${kind}`, () => {
    let h: DatabaseHandle;
    let dir: string;
    before(async () => {
      h = await freshDatabase(kind);
      dir = mkdtempSync(join(tmpdir(), 'pantau-budget-'));
    });
    after(async () => {
      await h.close();
      rmSync(dir, { recursive: true, force: true });
    });

    test('the oldest closed recordings go first, files included, while recording continues', async () => {
      const { clock, rec, camera, sink, pump } = recording(h.db, dir, Date.UTC(2026, 0, 5, 1, 0, 0));
      await pump(25 * 12 - 1);
      const before = await h.db.selectFrom('recordings').select(['id', 'path', 'bytes', 'sha256']).orderBy('start_time').execute();
      assert.ok(before.length >= 5, `expected several recordings, got ${before.length}`);
      // the newest recording may still be open (being written), unless a rotation just happened
      const open = before.filter((r) => r.sha256 === null);
      assert.ok(open.length <= 1);
      const total = before.reduce((n, r) => n + Number(r.bytes), 0);
      const budget = Math.floor(total / 2);

      const result = await rec.enforceRetention({ budgetBytes: budget, defaultRetentionDays: null, nowMs: clock.now });
      assert.ok(result.deleted >= 1);
      assert.ok(result.totalBytes <= budget);
      const after = await h.db.selectFrom('recordings').select(['id', 'path']).orderBy('start_time').execute();
      const gone = before.filter((b) => !after.some((a) => a.id === b.id));
      assert.deepEqual(gone.map((g) => g.id), before.slice(0, gone.length).map((b) => b.id), 'oldest first');
      for (const g of gone) assert.equal(existsSync(join(dir, g.path)), false, `${g.path} removed from disk`);
      for (const a of after) assert.equal(existsSync(join(dir, a.path)), true);
      assert.ok(gone.every((g) => g.sha256 !== null), 'only closed recordings are deleted');
      for (const o of open) assert.ok(after.some((a) => a.id === o.id), 'an open recording is never deleted');
      assert.equal((await h.db.selectFrom('recording_garbage').select('id').execute()).length, 0);

      // recording goes on after the deletion and the index still matches the files
      await pump(50);
      sink.endRun('test');
      await rec.flush();
      const check = await checkRecordings(h.db, dir, [camera], 3600);
      assert.deepEqual(check.problems, []);
      assert.equal((await rec.enforceRetention({ budgetBytes: Number.MAX_SAFE_INTEGER, defaultRetentionDays: null, nowMs: clock.now })).deleted, 0);
      // the trigger-kept totals match the index
      const { rows } = await sql<{ a: string; b: string }>`select (select coalesce(sum(bytes), 0) from recordings) as a, (select coalesce(sum(bytes), 0) from recording_totals) as b`.execute(h.db);
      assert.equal(Number(rows[0]!.a), Number(rows[0]!.b));
    });

    test('held evidence survives the budget and retention days; expired recordings go; recording never stops', async () => {
      const { clock, rec, camera, sink, pump } = recording(h.db, dir, Date.UTC(2026, 1, 1, 1, 0, 0));
      await pump(25 * 12);
      const mine = () => h.db.selectFrom('recordings').select(['id', 'path', 'start_time', 'end_time', 'sha256']).where('camera_id', '=', camera).orderBy('start_time').execute();
      const before = await mine();
      assert.ok(before.length >= 5);
      // hold the second and third recordings
      const held = before.slice(1, 3);
      const { rows: t } = await sql<{ id: string }>`insert into tenants (slug, name, region_code) values (${`t-${camera.slice(0, 8)}`}, 'T', '62') returning id`.execute(h.db);
      await h.db.insertInto('evidence_holds').values({ tenant_id: t[0]!.id, camera_id: camera, start_time: held[0]!.start_time, end_time: held[1]!.end_time, reason: 'kasus uji', case_number: null, export_id: null, created_by: null }).execute();
      // a budget of zero: everything closed and not held goes, the held ones stay, recording goes on
      const r = await rec.enforceRetention({ budgetBytes: 0, defaultRetentionDays: null, nowMs: clock.now });
      assert.equal(r.heldOverBudget, true);
      const left = await mine();
      for (const k of held) assert.ok(left.some((l) => l.id === k.id), `held recording ${k.id} kept`);
      for (const k of held) assert.ok(existsSync(join(dir, k.path)));
      assert.ok(left.every((l) => held.some((k) => k.id === l.id) || l.sha256 === null), 'only held or open recordings remain');
      await pump(25 * 5);
      assert.ok((await mine()).length > left.length, 'recording continued');
      // 40 days later with a 30-day retention: the unheld expire, the held stay; released, they go too
      clock.now += 40 * 86_400_000;
      const r2 = await rec.enforceRetention({ budgetBytes: Number.MAX_SAFE_INTEGER, defaultRetentionDays: 30, nowMs: clock.now });
      assert.ok(r2.expired >= 1);
      assert.deepEqual((await mine()).filter((l) => l.sha256 !== null).map((l) => l.id).sort(), held.map((k) => k.id).sort());
      await h.db.updateTable('evidence_holds').set({ released_at: new Date(clock.now), release_reason: 'selesai' }).where('camera_id', '=', camera).execute();
      await rec.enforceRetention({ budgetBytes: Number.MAX_SAFE_INTEGER, defaultRetentionDays: 30, nowMs: clock.now });
      assert.deepEqual((await mine()).filter((l) => l.sha256 !== null), []);
      for (const k of held) assert.equal(existsSync(join(dir, k.path)), false);
      sink.endRun('test');
      await rec.flush();
    });
  });
}
