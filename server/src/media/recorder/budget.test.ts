import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DB_KINDS, freshDatabase } from '../../testing/db.ts';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import type { TimedPicture } from '../types.ts';
import { Recorder } from './index.ts';
import { fixtureStream, loopPictures } from './testing/fixture-stream.ts';
import { checkRecordings } from './testing/check.ts';

const h264 = fixtureStream('h264-320x240-25fps.h264', 25);

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
      let now = Date.UTC(2026, 0, 5, 1, 0, 0);
      const rec = new Recorder({ db: h.db, dataDir: dir, clock: () => now, segmentSeconds: 2 });
      const camera = randomUUID();
      const sink = rec.sink(camera, 'main');
      const gen = loopPictures(h264, { startMs: now, firstPts: 0 });
      const first = gen.next().value as TimedPicture;
      sink.startRun({ cameraId: camera, stream: 'main', track: h264.track, startedAtMs: first.receivedAtMs, firstPts: first.pts });
      sink.push(first);
      for (let i = 1; i < 25 * 12; i++) {
        const p = gen.next().value as TimedPicture;
        now = p.receivedAtMs;
        sink.push(p);
        if (i % 25 === 0) await rec.flush();
      }
      await rec.flush();
      const before = await h.db.selectFrom('recordings').select(['id', 'path', 'bytes', 'sha256']).orderBy('start_time').execute();
      assert.ok(before.length >= 5, `expected several recordings, got ${before.length}`);
      // the newest recording may still be open (being written), unless a rotation just happened
      const open = before.filter((r) => r.sha256 === null);
      assert.ok(open.length <= 1);
      const total = before.reduce((n, r) => n + Number(r.bytes), 0);
      const budget = Math.floor(total / 2);

      const result = await rec.enforceBudget(budget);
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
      for (let i = 0; i < 50; i++) {
        const p = gen.next().value as TimedPicture;
        now = p.receivedAtMs;
        sink.push(p);
      }
      sink.endRun('test');
      await rec.flush();
      const check = await checkRecordings(h.db, dir, [camera], 3600);
      assert.deepEqual(check.problems, []);
      assert.equal((await rec.enforceBudget(Number.MAX_SAFE_INTEGER)).deleted, 0);
    });
  });
}
