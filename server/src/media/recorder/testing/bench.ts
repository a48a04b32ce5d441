/**
 * Measures what recording costs: CPU of the recorder process and bytes of index per
 * stream-minute at 25 fps, faster than real time. Not a test; run by hand:
 *
 *   node --import tsx server/src/media/recorder/testing/bench.ts <streams> <minutes> [kbit/s] [postgres-url]
 *
 * The fixture (~300 kbit/s) is padded with H.264 filler NAL units up to the given bitrate, so
 * the write path sees camera-sized pictures without re-encoding anything.
 * Without a URL the index goes to in-memory PGlite, whose CPU (PostgreSQL in WASM) then counts
 * against the process; with a URL the database server's CPU is not included.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { migrateToLatest, openDatabase } from '../../../platform/db/database.ts';
import type { TimedPicture } from '../../types.ts';
import { Recorder } from '../index.ts';
import { fixtureStream, loopPictures, padded } from './fixture-stream.ts';

async function main(): Promise<void> {
  const [streamsArg, minutesArg, kbitArg, url] = process.argv.slice(2);
  const streams = Number(streamsArg ?? 4);
  const minutes = Number(minutesArg ?? 5);
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const h = await openDatabase(url ? { url, schema } : { url: null, pgliteDir: 'memory://' });
  await migrateToLatest(h.db);
  const dir = mkdtempSync(join(tmpdir(), 'pantau-bench-'));
  const rec = new Recorder({ db: h.db, dataDir: dir, segmentSeconds: 60 });
  const fixture = padded(fixtureStream('h264-320x240-25fps.h264', 25), Number(kbitArg ?? 0));
  const t0 = Date.UTC(2026, 0, 5, 1, 0, 0);
  const cams = Array.from({ length: streams }, () => randomUUID());
  const gens = cams.map((c) => {
    const g = loopPictures(fixture, { startMs: t0, firstPts: 0, latencyMs: 40 });
    rec.sink(c, 'main').startRun({ cameraId: c, stream: 'main', track: fixture.track, startedAtMs: t0 + 40, firstPts: 0 });
    return g;
  });
  const cpu0 = process.cpuUsage();
  const wall0 = performance.now();
  for (let s = 0; s < minutes * 60; s++) {
    // one second of every stream, then let the writers catch up (as real time would)
    for (let i = 0; i < 25; i++) cams.forEach((c, k) => rec.sink(c, 'main').push(gens[k]!.next().value as TimedPicture));
    await rec.flush();
  }
  await rec.close('bench');
  const cpu = process.cpuUsage(cpu0);
  const wallMs = performance.now() - wall0;
  const rows = await h.db.selectFrom('recordings').select(['sample_index', 'duration_90k', 'bytes', 'frames']).execute();
  const indexBytes = rows.reduce((n, r) => n + r.sample_index.length, 0);
  const mediaMinutes = rows.reduce((n, r) => n + r.duration_90k, 0) / 90_000 / 60;
  const videoBytes = rows.reduce((n, r) => n + r.bytes, 0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  console.log(
    JSON.stringify(
      {
        db: url ? 'postgres' : 'pglite',
        streams,
        streamMinutes: +mediaMinutes.toFixed(2),
        recordings: rows.length,
        videoKbitPerSecond: +((videoBytes * 8) / (mediaMinutes * 60) / 1000).toFixed(0),
        indexBytesPerStreamMinute: +(indexBytes / mediaMinutes).toFixed(0),
        indexBytesPerFrame: +(indexBytes / rows.reduce((n, r) => n + r.frames, 0)).toFixed(2),
        cpuMsPerStreamMinute: +(cpuMs / mediaMinutes).toFixed(1),
        cpuPercentOfCorePerRealTimeStream: +((cpuMs / mediaMinutes / 60_000) * 100).toFixed(3),
        wallSeconds: +(wallMs / 1000).toFixed(1),
        rssMB: +(process.memoryUsage().rss / 1e6).toFixed(0),
      },
      null,
      2,
    ),
  );
  await h.close();
  rmSync(dir, { recursive: true, force: true });
  if (url) {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query(`drop schema ${schema} cascade`);
    await c.end();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
