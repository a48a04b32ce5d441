/**
 * `npm run bench:playback`: seek latency over 24 h of recordings of N cameras, export throughput for
 * one hour of one 4 Mbit/s camera against `ffmpeg -f concat -c copy` over the same segments, and
 * the timeline query for 7 days of one camera. Through a real Pantau HTTP server.
 *
 * The recordings are real: one minute of 4 Mbit/s H.264 is recorded by the Recorder, then its file
 * is hard-linked under every (camera, minute) of the index, so a day of 50 cameras costs inodes,
 * not terabytes. The index rows are the Recorder's own, one per minute.
 */
import { spawnSync } from 'node:child_process';

import { closeSync, copyFileSync, fdatasyncSync, linkSync, mkdirSync, openSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import type { Export, Playback } from '@pantau/shared';
import { Recorder } from '../media/index.ts';
import { fixtureStream, padded } from '../media/recorder/testing/fixture-stream.ts';
import { playRun, TestClock } from '../media/recorder/testing/record.ts';
import { testApp } from '../testing/app.ts';
import { percentile } from './proc.ts';

const { values: args } = parseArgs({
  options: {
    cameras: { type: 'string', default: '50' },
    hours: { type: 'string', default: '24' },
    seeks: { type: 'string', default: '200' },
    'export-minutes': { type: 'string', default: '60' },
    'timeline-days': { type: 'string', default: '7' },
    'database-url': { type: 'string' },
  },
});
const N = Number(args.cameras);
const HOURS = Number(args.hours);
const SEEKS = Number(args.seeks);
const EXPORT_MIN = Number(args['export-minutes']);
const TL_DAYS = Number(args['timeline-days']);
if (args['database-url']) process.env.PANTAU_TEST_DATABASE_URL = args['database-url'];
const kind = args['database-url'] ? 'postgres' : 'pglite';
const log = (m: string) => console.error(`[bench] ${m}`);
const MIN = 60_000;

const work = mkdtempSync(join(tmpdir(), 'pantau-bench-playback-'));
const dataDir = join(work, 'data');
const t = await testApp(kind, { dataDir });
try {
  const admin = await t.signIn({ role: 'admin' });
  // 1. one real minute at 4 Mbit/s
  const fixture = padded(fixtureStream('h264-320x240-25fps.h264', 25), 4000);
  const template = (await t.buildCamera()).id;
  const T_END = Date.UTC(2026, 10, 20, 0, 0, 0);
  {
    const clock = new TestClock(T_END);
    const rec = new Recorder({ db: t.db, dataDir, clock: clock.now, segmentSeconds: 60, syncIntervalMs: 60_000 });
    await playRun(rec, rec.sink(template, 'main'), clock, fixture, { cameraId: template, startMs: T_END, firstPts: 0, n: 25 * 125, end: 'detach' });
    await rec.close();
  }
  const full = await t.db.selectFrom('recordings').selectAll().where('camera_id', '=', template).where('sha256', 'is not', null).orderBy('start_time').execute();
  const seg = full.find((r) => Number(r.wall_duration_90k) >= 59 * 90_000) ?? full[0]!;
  const segBytes = Number(seg.bytes);
  log(`template segment: ${(Number(seg.duration_90k) / 90_000).toFixed(1)} s, ${(segBytes / 1e6).toFixed(1)} MB (${((segBytes * 8) / (Number(seg.duration_90k) / 90_000) / 1e6).toFixed(2)} Mbit/s)`);

  // 2. the index for N cameras × HOURS, and one camera × TL_DAYS, all pointing at hard links of the
  //    segment (a copy of it every 50,000 links: a file takes at most 65,000 on ext4)
  const segFile = join(dataDir, ...seg.path.split('/'));
  let source = segFile;
  let links = 0;
  const linkSource = (abs: string) => {
    if (++links % 50_000 === 0) {
      source = `${segFile}.${links}`;
      copyFileSync(segFile, source);
    }
    linkSync(source, abs);
  };
  async function fill(cameraId: string, minutes: number): Promise<void> {
    const start = T_END - minutes * MIN;
    const run = await t.db.insertInto('recording_runs').values({ node: 'bench', camera_id: cameraId, stream: 'main', codec: seg.codec, started_at: new Date(start), ended_at: new Date(T_END), end_reason: 'detach' }).returning('id').executeTakeFirstOrThrow();
    for (let b = 0; b < minutes; b += 500) {
      const rows = [];
      for (let i = b; i < Math.min(minutes, b + 500); i++) {
        const s = start + i * MIN;
        const path = `recordings/${cameraId}/bench/${s}.mp4`;
        const abs = join(dataDir, ...path.split('/'));
        if (i === b) mkdirSync(dirname(abs), { recursive: true });
        linkSource(abs);
        rows.push({ camera_id: cameraId, run_id: Number(run.id), stream: 'main' as const, path, start_time: new Date(s), end_time: new Date(s + MIN), start_90k: s * 90, wall_duration_90k: 60 * 90_000, duration_90k: Number(seg.duration_90k), frames: seg.frames, bytes: segBytes, codec: seg.codec, width: seg.width, height: seg.height, init_bytes: seg.init_bytes, sha256: seg.sha256, sample_index: seg.sample_index });
      }
      await t.db.insertInto('recordings').values(rows).execute();
    }
  }
  const cams: string[] = [];
  const t0 = performance.now();
  for (let i = 0; i < N; i++) {
    const id = (await t.buildCamera()).id;
    cams.push(id);
    await fill(id, HOURS * 60);
  }
  const weekCam = (await t.buildCamera()).id;
  await fill(weekCam, TL_DAYS * 24 * 60);
  if (kind === 'postgres') await sql`analyze recordings`.execute(t.db);
  log(`index: ${N} cameras × ${HOURS} h + 1 camera × ${TL_DAYS} d = ${N * HOURS * 60 + TL_DAYS * 1440} recordings in ${((performance.now() - t0) / 1000).toFixed(0)} s (${kind})`);

  const port = await t.app.listen({ port: 0, host: '127.0.0.1' }).then((a) => Number(new URL(a).port));
  const base = `http://127.0.0.1:${port}`;
  const headers = { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': 'application/json' };
  const iso = (ms: number) => new Date(ms).toISOString();

  // 3. seeks: playback request, then the MP4 until its first keyframe's bytes have arrived
  const seekMs: number[] = [];
  for (let i = 0; i < SEEKS; i++) {
    const cam = cams[Math.floor(Math.random() * cams.length)]!;
    const at = T_END - HOURS * 3_600_000 + Math.random() * (HOURS * 3_600_000 - 2 * MIN);
    const s0 = performance.now();
    const p = (await (await fetch(`${base}/api/cameras/${cam}/playback?from=${iso(at)}&to=${iso(at + MIN)}`, { headers })).json()) as Playback;
    const item = p.items[0];
    if (!item) throw new Error(`no playback item at ${iso(at)}`);
    const res = await fetch(base + item.url, { headers: { ...headers, range: 'bytes=0-' } });
    const reader = res.body!.getReader();
    let got = 0;
    let need = Infinity;
    const head: Uint8Array[] = [];
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      got += value.length;
      if (need === Infinity) {
        head.push(value);
        need = firstKeyframeEnd(Buffer.concat(head));
      }
      if (got >= need) break;
    }
    await reader.cancel();
    if (got < need) throw new Error('the first keyframe never arrived');
    seekMs.push(performance.now() - s0);
  }
  const seekP50 = percentile(seekMs, 50);
  const seekP95 = percentile(seekMs, 95);
  log(`seek (request → first keyframe bytes) over ${SEEKS} random instants: p50 ${seekP50.toFixed(1)} ms, p95 ${seekP95.toFixed(1)} ms`);

  // 4. export of EXPORT_MIN minutes of one camera vs ffmpeg concat over the same segment files. Both
  //    start with no dirty pages (sync) and both end with their output on disk: Pantau fdatasyncs
  //    evidence, so ffmpeg's output is fdatasync'ed too and that time is counted as ffmpeg's.
  const from = T_END - EXPORT_MIN * MIN;
  spawnSync('sync');
  const e0 = performance.now();
  const created = (await (await fetch(`${base}/api/exports`, { method: 'POST', headers, body: JSON.stringify({ cameraIds: [cams[0]], from: iso(from), to: iso(T_END), reason: 'bench' }) })).json()) as Export;
  let exp: Export;
  for (;;) {
    exp = (await (await fetch(`${base}/api/exports/${created.id}`, { headers })).json()) as Export;
    if (exp.status === 'done' || exp.status === 'failed') break;
    await new Promise((r) => setTimeout(r, 20));
  }
  const exportS = (performance.now() - e0) / 1000;
  if (exp.status !== 'done') throw new Error(`export failed: ${exp.error}`);
  const exportBytes = exp.files.reduce((n: number, f: { bytes: number }) => n + f.bytes, 0);
  log(`Pantau export: ${EXPORT_MIN} min, ${(exportBytes / 1e6).toFixed(0)} MB in ${exportS.toFixed(2)} s (SHA-256 and signed manifest included)`);
  const list = join(work, 'concat.txt');
  const segs = await t.db.selectFrom('recordings').select('path').where('camera_id', '=', cams[0]!).where('start_time', '>=', new Date(from)).orderBy('start_time').execute();
  writeFileSync(list, segs.map((r) => `file '${join(dataDir, ...r.path.split('/'))}'`).join('\n'));
  const out = join(work, 'ffmpeg.mp4');
  spawnSync('sync');
  const f0 = performance.now();
  const ff = spawnSync('ffmpeg', ['-nostdin', '-v', 'error', '-f', 'concat', '-safe', '0', '-i', list, '-c', 'copy', '-y', out]);
  if (ff.status !== 0) throw new Error(`ffmpeg: ${ff.stderr}`);
  const fd = openSync(out, 'r+');
  fdatasyncSync(fd);
  closeSync(fd);
  const ffmpegS = (performance.now() - f0) / 1000;
  log(`ffmpeg -f concat -c copy (+ fdatasync): ${(statSync(out).size / 1e6).toFixed(0)} MB in ${ffmpegS.toFixed(2)} s`);
  const exportRatio = ffmpegS / exportS;

  // 5. timeline of 7 days of one camera
  const tl: number[] = [];
  for (let i = 0; i < 20; i++) {
    const s0 = performance.now();
    const r = await fetch(`${base}/api/cameras/${weekCam}/timeline?from=${iso(T_END - TL_DAYS * 86_400_000)}&to=${iso(T_END)}`, { headers });
    await r.json();
    tl.push(performance.now() - s0);
  }
  const tlMs = percentile(tl, 50);
  log(`timeline of ${TL_DAYS} days (${TL_DAYS * 1440} recordings): p50 ${tlMs.toFixed(1)} ms, p95 ${percentile(tl, 95).toFixed(1)} ms`);
  console.log(`playback cameras=${N} hours=${HOURS} database=${kind} seek_ms_p50=${seekP50.toFixed(1)} seek_ms_p95=${seekP95.toFixed(1)} export_s=${exportS.toFixed(2)} ffmpeg_concat_s=${ffmpegS.toFixed(2)} export_ratio_vs_ffmpeg=${exportRatio.toFixed(2)} timeline_ms=${tlMs.toFixed(1)}`);
} finally {
  await t.close();
  rmSync(work, { recursive: true, force: true });
}

/** Byte offset where the first sample (a keyframe) of a progressive MP4 ends, once moov is in `b`. */
function firstKeyframeEnd(b: Buffer): number {
  let o = 0;
  let moov: Buffer | null = null;
  let dataStart = -1;
  while (o + 8 <= b.length) {
    let size = b.readUInt32BE(o);
    const type = b.toString('latin1', o + 4, o + 8);
    let header = 8;
    if (size === 1) {
      if (o + 16 > b.length) return Infinity;
      size = Number(b.readBigUInt64BE(o + 8));
      header = 16;
    }
    if (type === 'moov') {
      if (o + size > b.length) return Infinity;
      moov = b.subarray(o, o + size);
    }
    if (type === 'mdat') {
      dataStart = o + header;
      break;
    }
    o += size;
  }
  if (!moov || dataStart < 0) return Infinity;
  const i = moov.indexOf('stsz');
  // stsz: version/flags, sample_size, sample_count, then the first entry
  return dataStart + moov.readUInt32BE(i + 4 + 4 + 4 + 4);
}
