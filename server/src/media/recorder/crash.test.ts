import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { fork } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { testDatabaseUrl } from '../../config.ts';
import { dropTestSchema, DB_KINDS } from '../../testing/db.ts';
import { openDatabase, type DatabaseHandle } from '../../platform/db/database.ts';
import { Recorder } from './index.ts';
import { checkRecordings, mp4Files } from './testing/check.ts';
import type { CrashChildProgress } from './testing/crash-child.ts';

const child = fileURLToPath(new URL('./testing/crash-child.ts', import.meta.url));
const FPS = 25;

/** Runs the child until it has recorded `seconds`, then SIGKILLs it; returns the pictures it reported. */
function recordThenKill(args: string[], seconds: number): Promise<{ pushed: number; stderr: string }> {
  return new Promise((resolve, reject) => {
    const c = fork(child, args, { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    let stderr = '';
    let pushed = 0;
    let killed = false;
    c.stderr?.on('data', (d) => (stderr += String(d)));
    c.on('message', (m: CrashChildProgress) => {
      pushed = m.pushed;
      if (!killed && m.pushed >= Math.round(seconds * FPS)) {
        killed = true;
        c.kill('SIGKILL');
      }
    });
    c.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve({ pushed, stderr });
      else reject(new Error(`child exited with ${code}: ${stderr}`));
    });
    setTimeout(() => c.kill('SIGKILL'), 60_000).unref();
  });
}

for (const kind of DB_KINDS) {
  describe(`kill -9 while recording (${kind})`, () => {
    const dir = mkdtempSync(join(tmpdir(), 'pantau-crash-'));
    const schema = `t_${randomBytes(6).toString('hex')}`;
    let h: DatabaseHandle | null = null;
    after(async () => {
      await h?.close();
      rmSync(dir, { recursive: true, force: true });
      if (kind === 'postgres') await dropTestSchema(testDatabaseUrl()!, schema);
    });

    test('after recover() every file plays, the index matches the files, and at most ~2 s is lost', async (t) => {
      const cam = randomUUID();
      const dataDir = join(dir, 'data');
      const target = kind === 'pglite' ? join(dir, 'db') : testDatabaseUrl()!;
      // ~5 s, at a random point of the GOP and fragment
      const { pushed } = await recordThenKill(kind === 'pglite' ? [dataDir, cam, target] : [dataDir, cam, target, schema], 5 + Math.random());
      assert.ok(pushed >= 5 * FPS);

      h = await openDatabase(kind === 'pglite' ? { url: null, pgliteDir: target } : { url: target, schema });
      // (an open recording row exists unless the kill fell within the first fragment after a rotation)
      const open = await h.db.selectFrom('recording_runs').select('id').where('camera_id', '=', cam).where('ended_at', 'is', null).execute();
      assert.equal(open.length, 1, 'the kill left the run open');
      const rec = new Recorder({ db: h.db, dataDir, node: 'crash-test', segmentSeconds: 2 });
      const report = await rec.recover();
      assert.equal(report.runsClosed, 1);

      const { problems, recordings } = await checkRecordings(h.db, dataDir, [cam], 90_000 / FPS);
      assert.deepEqual(problems, []);
      assert.equal(mp4Files(dataDir).length, recordings.length);
      assert.ok(recordings.every((r) => !r.open && r.probe.stderr === ''));
      const frames = recordings.reduce((n, r) => n + r.frames, 0);
      const lost = pushed - frames;
      t.diagnostic(`pushed ${pushed}, recovered ${frames} frames in ${recordings.length} files, lost ${lost} (${(lost / FPS).toFixed(2)} s); recover extended ${report.closed.map((c) => c.extendedFragments).join(',')} fragment(s), truncated ${report.closed.map((c) => c.truncatedBytes).join(',')} bytes`);
      assert.ok(lost >= 0 && lost <= 2 * FPS, `lost ${lost} pictures`);
      const runs = await rec.runs(cam, 'main', 0, Date.now() + 60_000);
      assert.deepEqual(runs.map((r) => r.endReason), ['crash']);
      const listed = await rec.recordings(cam, 'main', 0, Date.now() + 60_000);
      assert.equal(runs[0]!.endMs, Math.round(listed.at(-1)!.endMs));
    });
  });
}
