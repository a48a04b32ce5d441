/**
 * Carries out one stream's `WriterOp`s in order: segment files on disk and their index rows.
 *
 * Crash-safety order: a recording's row is inserted before its file is created (the file name
 * ends with the row id, so a file without a row is garbage); each fragment is appended in whole
 * blocks with direct I/O (`direct-io.ts`: a leading `free` box pads it), the file is fdatasync'ed,
 * and only then does the index row learn about it. The index therefore never points past data on
 * disk, and is at most one fragment (~1 s) behind it.
 */
import { createHash, type Hash } from 'node:crypto';
import { mkdir, readFile, truncate, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { initSegment, mediaSegmentParts, type VideoTrack } from '../mp4/index.ts';
import type { StreamKind } from '../types.ts';
import { createRecordingFile, padToBlocks, StagingPool, writeAligned } from './direct-io.ts';
import { absolutePath, recordingPathPrefix, removeFile } from './paths.ts';
import type { RecordingProgress, RecordingRepository } from './repository.ts';
import { SampleIndexEncoder } from './sample-index.ts';
import type { RecorderLog, WriterOp } from './segmenter.ts';
import { TICKS_PER_MS } from './timing.ts';

export interface StreamWriterOptions {
  cameraId: string;
  stream: StreamKind;
  node: string;
  dataDir: string;
  repo: RecordingRepository;
  log: RecorderLog;
  /** Wall clock (ms) for batching syncs. */
  now: () => number;
  /** fdatasync + index update at most this often per stream (0: after every fragment). */
  syncIntervalMs: number;
  /** Fragment bytes queued across every writer of the process (this writer adds its own). */
  total?: { queuedBytes: number };
}

/** Counters for metrics and tests. */
export interface WriterCounters {
  fragments: number;
  bytes: number;
  syncs: number;
  errors: number;
  /** Fragments discarded because their recording had failed. */
  discardedFragments: number;
}

interface DbRun {
  local: number;
  id: number;
  /** Added to the segmenter's wall times when the recorder's clock is behind the last recording. */
  shift90k: number;
}

interface OpenFile {
  id: number;
  path: string;
  fh: FileHandle;
  start90k: number;
  initBytes: number;
  /** Bytes written (init segment included). */
  written: number;
  hash: Hash;
  index: SampleIndexEncoder;
  sequence: number;
  /** The index row reflects everything written. */
  synced: boolean;
  /** What the last successful index update said, for closing a failed recording. */
  syncedProgress: RecordingProgress | null;
  /** When the last sync started (ms); the first fragment syncs at once. */
  syncedAt: number;
}

interface PendingOpen {
  run: number;
  track: VideoTrack;
  start90k: number;
}

export class StreamWriter {
  readonly counters: WriterCounters = { fragments: 0, bytes: 0, syncs: 0, errors: 0, discardedFragments: 0 };
  private readonly queue: WriterOp[] = [];
  private queuedBytes = 0;
  private running = false;
  private idleWaiters: (() => void)[] = [];
  private run: DbRun | null = null;
  private opening: PendingOpen | null = null;
  private file: OpenFile | null = null;
  /** The current recording failed: its remaining fragments are discarded. */
  private failed = false;

  constructor(private readonly o: StreamWriterOptions) {}

  /** Fragment bytes waiting to be written. */
  get backlogBytes(): number {
    return this.queuedBytes;
  }

  /** Id of the recording being written (recovery must leave it alone). */
  get openRecordingId(): number | null {
    return this.file?.id ?? null;
  }

  get openRunId(): number | null {
    return this.run?.id ?? null;
  }

  enqueue(op: WriterOp): void {
    this.queue.push(op);
    if (op.kind === 'fragment') this.count(op.bytes);
    if (!this.running) void this.drain();
  }

  private count(bytes: number): void {
    this.queuedBytes += bytes;
    if (this.o.total) this.o.total.queuedBytes += bytes;
  }

  /** Resolves once every queued op has been carried out. */
  idle(): Promise<void> {
    if (!this.running && this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private async drain(): Promise<void> {
    this.running = true;
    while (this.queue.length > 0) {
      const op = this.queue.shift() as WriterOp;
      try {
        await this.apply(op);
      } catch (err) {
        this.counters.errors++;
        this.o.log.error({ cameraId: this.o.cameraId, stream: this.o.stream, op: op.kind, err }, 'recorder: write failed');
        // fail() catches its own errors; the guard keeps a surprise from stalling this queue forever
        await this.fail().catch(() => {});
      } finally {
        if (op.kind === 'fragment') this.count(-op.bytes);
      }
    }
    this.running = false;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of waiters) w();
  }

  private async apply(op: WriterOp): Promise<void> {
    switch (op.kind) {
      case 'open':
        this.opening = { run: op.run, track: op.track, start90k: op.start90k };
        this.failed = false;
        return;
      case 'fragment': {
        if (this.failed || this.opening === null) {
          this.counters.discardedFragments++;
          return;
        }
        const f = this.file ?? (await this.create(this.opening));
        const segment = mediaSegmentParts(f.sequence++, f.index.duration90k, op.samples);
        const { parts, pad } = padToBlocks(segment, 'start');
        const length = await this.write(f, parts);
        f.index.addFragment(pad + segment[0]!.length, op.samples.map((s) => ({ duration: s.duration, isKey: s.isKey, size: s.data.length })));
        f.synced = false;
        this.counters.fragments++;
        this.counters.bytes += length;
        // The file write alone survives a killed process (once it returns the kernel has it, and
        // recovery extends the index over whole fragments found on disk); the fdatasync and index update that
        // guard against power loss are batched every syncIntervalMs. Fragments queued behind this one
        // (a slow disk) share them too.
        if (this.queue[0]?.kind !== 'fragment' && this.o.now() - f.syncedAt >= this.o.syncIntervalMs) await this.sync(f);
        return;
      }
      case 'close': {
        const f = this.file;
        this.opening = null;
        if (f === null || this.failed) return;
        if (!f.synced) await f.fh.datasync();
        const progress = this.progress(f, op.wallDuration90k);
        await this.o.repo.closeRecording(f.id, progress, f.hash.digest());
        this.file = null;
        await f.fh.close();
        return;
      }
      case 'end-run': {
        const run = this.run;
        if (run === null || run.local !== op.run) return;
        this.run = null;
        await this.o.repo.endRun(run.id, op.end90k + run.shift90k, op.reason);
        return;
      }
    }
  }

  /** Creates the run row (first recording of a run), the recording row, then the file. */
  private async create(p: PendingOpen): Promise<OpenFile> {
    const { repo, cameraId, stream } = this.o;
    if (this.run === null || this.run.local !== p.run) {
      const last = await repo.lastEnd90k(cameraId, stream);
      const shift90k = last !== null && last > p.start90k ? last - p.start90k : 0;
      if (shift90k > 0) {
        this.o.log.warn({ cameraId, stream, shiftMs: shift90k / TICKS_PER_MS }, 'recorder: clock is behind the last recording; run shifted forward');
      }
      const id = await repo.createRun({ node: this.o.node, cameraId, stream, codec: p.track.codec, start90k: p.start90k + shift90k });
      this.run = { local: p.run, id, shift90k };
    }
    const start90k = p.start90k + this.run.shift90k;
    const segment = initSegment(p.track);
    const { parts: init, pad } = padToBlocks([segment], 'end');
    const initBytes = segment.length + pad;
    const index = new SampleIndexEncoder();
    const row = await repo.createRecording({
      cameraId,
      runId: this.run.id,
      stream,
      pathPrefix: recordingPathPrefix(cameraId, start90k / TICKS_PER_MS),
      start90k,
      codec: p.track.codec,
      width: p.track.width,
      height: p.track.height,
      initBytes,
      sampleIndex: index.bytes(),
    });
    const abs = absolutePath(this.o.dataDir, row.path);
    let fh: FileHandle;
    try {
      await mkdir(dirname(abs), { recursive: true });
      fh = (await createRecordingFile(abs)).fh;
    } catch (err) {
      await this.discard(row.id, row.path, 'create-failed');
      throw err;
    }
    const f: OpenFile = {
      id: row.id,
      path: row.path,
      fh,
      start90k,
      initBytes,
      written: 0,
      hash: createHash('sha256'),
      index,
      sequence: 1,
      synced: true,
      syncedProgress: null,
      syncedAt: -Infinity,
    };
    this.file = f;
    await this.write(f, init);
    return f;
  }

  /** Appends whole blocks to the file and the running hash. */
  private async write(f: OpenFile, parts: Uint8Array[]): Promise<number> {
    const length = await writeAligned(f.fh, staging, parts, f.written, (bytes) => f.hash.update(bytes));
    f.written += length;
    return length;
  }

  private progress(f: OpenFile, wallDuration90k: number): RecordingProgress {
    return {
      frames: f.index.frames,
      bytes: f.written,
      duration90k: f.index.duration90k,
      wallDuration90k,
      start90k: f.start90k,
      sampleIndex: f.index.bytes(),
    };
  }

  /** File first, then index. */
  private async sync(f: OpenFile): Promise<void> {
    f.syncedAt = this.o.now();
    await f.fh.datasync();
    const p = this.progress(f, f.index.duration90k);
    await this.o.repo.updateProgress(f.id, p);
    f.synced = true;
    f.syncedProgress = p;
    this.counters.syncs++;
  }

  /** Removes a recording that holds nothing: the row goes, then the file (garbage row first: crash-safe). */
  private async discard(id: number, path: string, reason: string): Promise<void> {
    const g = await this.o.repo.discardRecording(id, path, reason);
    await removeFile(absolutePath(this.o.dataDir, path));
    await this.o.repo.removeGarbage(g);
  }

  /**
   * After an error: close the recording at what its index already says (best effort: if the
   * database is down too, `recover()` finishes the job at the next start), and end the run so the
   * next recording starts a new one and the gap is explicit.
   */
  private async fail(): Promise<void> {
    const f = this.file;
    const run = this.run;
    this.file = null;
    this.run = null;
    this.failed = true;
    const { repo, dataDir, log, cameraId, stream } = this.o;
    if (f !== null) {
      try {
        await f.fh.close().catch(() => {});
        const p = f.syncedProgress;
        const abs = absolutePath(dataDir, f.path);
        if (p === null) {
          await this.discard(f.id, f.path, 'write-failed');
        } else {
          await truncate(abs, p.bytes);
          const sha = createHash('sha256').update(await readFile(abs)).digest();
          await repo.closeRecording(f.id, p, sha);
        }
      } catch (err) {
        log.error({ cameraId, stream, err }, 'recorder: could not close the failed recording; recover() will');
      }
    }
    if (run !== null) await repo.closeRunAtLastRecording(run.id, 'error').catch(() => {});
  }
}

/** Staging memory for the direct writes of every stream of the process. */
const staging = new StagingPool();
