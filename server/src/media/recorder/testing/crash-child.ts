/**
 * Test-only child process for the crash test: records a looping fixture in real time (25 fps) into
 * a data directory and a database, reporting every picture it has handed to the recorder over
 * IPC, until the test kills it with SIGKILL.
 *
 * Usage: crash-child.ts <dataDir> <cameraId> <pgliteDir | postgres-url> [schema]
 */
import { migrateToLatest, openDatabase } from '../../../platform/db/database.ts';
import type { TimedPicture } from '../../types.ts';
import { Recorder } from '../index.ts';
import { fixtureStream, loopPictures } from './fixture-stream.ts';

export interface CrashChildProgress {
  kind: 'ready' | 'picture';
  /** Pictures handed to the recorder so far. */
  pushed: number;
}

async function main(): Promise<void> {
  const [dataDir, cameraId, target, schema] = process.argv.slice(2) as [string, string, string, string | undefined];
  const isUrl = /^postgres(ql)?:\/\//.test(target);
  const h = await openDatabase(isUrl ? { url: target, schema } : { url: null, pgliteDir: target });
  await migrateToLatest(h.db);
  const rec = new Recorder({ db: h.db, dataDir, segmentSeconds: 2, flushIntervalMs: 1000, node: 'crash-test' });
  const sink = rec.sink(cameraId, 'main');
  const stream = fixtureStream('h264-320x240-25fps.h264', 25);
  const startMs = Date.now();
  const gen = loopPictures(stream, { startMs, firstPts: 1_000_000 });
  const send = (m: CrashChildProgress): void => void process.send?.(m);
  send({ kind: 'ready', pushed: 0 });
  let pushed = 0;
  const next = (): void => {
    const p = gen.next().value as TimedPicture;
    if (pushed === 0) sink.startRun({ cameraId, stream: 'main', track: stream.track, startedAtMs: Date.now(), firstPts: p.pts });
    sink.push({ ...p, receivedAtMs: Date.now() });
    pushed++;
    send({ kind: 'picture', pushed });
    // real time: the next picture is due 40 ms after this one was, whatever this one cost
    setTimeout(next, Math.max(0, startMs + pushed * 40 - Date.now()));
  };
  next();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
