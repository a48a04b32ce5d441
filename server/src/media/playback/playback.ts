/**
 * Playback and export of recorded video, from the index and the segment files alone: no
 * transcoding, no decoding. Used by the api role; it needs the database and the recordings'
 * data directory (the same machine as the media role, or a shared volume).
 */
import { open } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import type { Db } from '../../platform/db/database.ts';
import { decodeSampleIndex } from '../recorder/index.ts';
import { absolutePath } from '../recorder/paths.ts';
import { RecordingQueries, type RunInfo } from '../recorder/queries.ts';
import { TICKS_PER_MS } from '../recorder/timing.ts';
import type { StreamKind } from '../types.ts';
import { planRange, type Plan, type PlannedSpan, type PlanRecording } from './plan.ts';
import { findBox, progressiveMp4 } from './progressive.ts';
import { VirtualMp4 } from './virtual-file.ts';

export type { Plan, PlannedSpan, PlannedGap, DataPiece } from './plan.ts';
export { spanFps } from './plan.ts';
export { VirtualMp4 } from './virtual-file.ts';

/** A recorded stretch for the timeline (ms since the epoch). */
export interface RecordedSpan {
  startMs: number;
  endMs: number;
}

const STSD_CACHE = 4096;

/** A source segment checked against the SHA-256 stored when it was closed. */
export interface SourceCheck {
  path: string;
  sha256: string | null;
  state: 'verified' | 'altered' | 'missing' | 'open';
}

// CommonJS source for an eval'd worker: no loader or build step needed for one small job
const HASH_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const { openSync, readSync, closeSync } = require('node:fs');
// plain blocking reads on this thread: no stream machinery between the page cache and the hash
const buf = Buffer.allocUnsafe(4 << 20);
const out = [];
for (const f of workerData) {
  let fd = -1;
  try {
    fd = openSync(f.abs, 'r');
    const h = createHash('sha256');
    for (let n; (n = readSync(fd, buf, 0, buf.length, null)) > 0; ) h.update(buf.subarray(0, n));
    out.push({ path: f.path, sha256: f.sha, state: h.digest('hex') === f.sha ? 'verified' : 'altered' });
  } catch {
    out.push({ path: f.path, sha256: f.sha, state: 'missing' });
  } finally {
    if (fd >= 0) closeSync(fd);
  }
}
parentPort.postMessage(out);
`;

function hashInWorker(files: { path: string; abs: string; sha: string }[]): Promise<SourceCheck[]> {
  if (files.length === 0) return Promise.resolve([]);
  return new Promise((resolve, reject) => {
    const w = new Worker(HASH_WORKER, { eval: true, workerData: files });
    w.once('message', (m: SourceCheck[]) => resolve(m));
    w.once('error', reject);
    w.once('exit', (code) => code !== 0 && reject(new Error(`hash worker exited ${code}`)));
  });
}


export class Playback {
  private readonly queries: RecordingQueries;
  /** `stsd` boxes by recording path: an init segment never changes once written. */
  private readonly stsd = new Map<string, Uint8Array>();

  constructor(private readonly o: { db: Db; dataDir: string }) {
    this.queries = new RecordingQueries(o.db);
  }

  /** Recorded stretches overlapping [fromMs, toMs) (recordings that touch merged) and the runs. */
  async recorded(cameraId: string, stream: StreamKind, fromMs: number, toMs: number): Promise<{ spans: RecordedSpan[]; runs: RunInfo[] }> {
    const [rows, runs] = await Promise.all([this.queries.spansInRange(cameraId, stream, fromMs, toMs), this.queries.runsInRange(cameraId, stream, fromMs, toMs, { recordedUntil: false })]);
    return { spans: rows.map((r) => ({ startMs: r.start90k / TICKS_PER_MS, endMs: r.end90k / TICKS_PER_MS })), runs };
  }

  /** Plans [fromMs, toMs): spans of samples starting at keyframes, and the gaps between them. */
  async plan(cameraId: string, stream: StreamKind, fromMs: number, toMs: number): Promise<Plan> {
    const [rows, runs] = await Promise.all([this.queries.indexedInRange(cameraId, stream, fromMs, toMs), this.queries.runsInRange(cameraId, stream, fromMs - 3_600_000, toMs, { recordedUntil: false })]);
    const recordings: PlanRecording[] = [];
    for (const r of rows) {
      const decoded = decodeSampleIndex(r.sample_index, r.init_bytes);
      if (!decoded.ok) continue; // a damaged index row: that minute is a gap, the rest still plays
      const stsd = await this.stsdOf(r.path, r.init_bytes);
      if (stsd === null) continue;
      recordings.push({ id: Number(r.id), runId: Number(r.run_id), path: r.path, start90k: Number(r.start_90k), codec: r.codec, width: r.width, height: r.height, stsd, index: decoded.index });
    }
    const reasons = new Map(runs.map((r) => [r.id, r.endReason]));
    return planRange(recordings, Math.round(fromMs * TICKS_PER_MS), Math.round(toMs * TICKS_PER_MS), reasons);
  }

  /**
   * The MP4 of a span. With `edit`, players present from the span's start (an edit list skips the
   * frames between the keyframe and the requested instant); without, the file starts at the keyframe.
   */
  file(span: PlannedSpan, opts: { edit: boolean; creationTime?: Date }): VirtualMp4 {
    const brand = span.codec.startsWith('hvc1') ? 'hvc1' : span.codec.startsWith('hev1') ? 'hev1' : 'avc1';
    const layout = progressiveMp4({
      stsd: span.stsd,
      width: span.width,
      height: span.height,
      brand,
      samples: span.samples,
      skip90k: opts.edit ? span.start90k - span.keyStart90k : 0,
      present90k: opts.edit ? span.end90k - span.start90k : undefined,
      creationTime: opts.creationTime,
    });
    return new VirtualMp4(layout, span.pieces, this.o.dataDir);
  }

  /**
   * Re-hashes whole segment files on another thread and compares them with the SHA-256 the recorder
   * stored when it closed them: evidence is checked against what was recorded, in parallel with the
   * export that reads the same files. Open segments (no stored hash yet) are reported as `open`.
   */
  async verifySources(recordingIds: number[]): Promise<SourceCheck[]> {
    const rows = await this.queries.hashesOf([...new Set(recordingIds)]);
    const closed = rows.filter((r) => r.sha256 !== null).map((r) => ({ path: r.path, abs: absolutePath(this.o.dataDir, r.path), sha: Buffer.from(r.sha256!).toString('hex') }));
    const checked = await hashInWorker(closed);
    return [...checked, ...rows.filter((r) => r.sha256 === null).map((r) => ({ path: r.path, sha256: null, state: 'open' as const }))];
  }

  private async stsdOf(path: string, initBytes: number): Promise<Uint8Array | null> {
    const cached = this.stsd.get(path);
    if (cached) return cached;
    let fh;
    try {
      fh = await open(absolutePath(this.o.dataDir, path), 'r');
    } catch {
      return null; // deleted by retention between the query and now
    }
    try {
      const buf = Buffer.alloc(initBytes);
      const { bytesRead } = await fh.read(buf, 0, initBytes, 0);
      const stsd = bytesRead === initBytes ? findBox(buf, 'moov/trak/mdia/minf/stbl/stsd') : null;
      if (stsd === null) return null;
      const copy = Uint8Array.from(stsd);
      if (this.stsd.size >= STSD_CACHE) this.stsd.delete(this.stsd.keys().next().value as string);
      this.stsd.set(path, copy);
      return copy;
    } finally {
      await fh.close();
    }
  }
}
