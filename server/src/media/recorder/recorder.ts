/**
 * Continuous recording of many streams into ~60 s fragmented MP4 files indexed in PostgreSQL.
 * Each stream gets a `PictureSink` (segmenter + writer); nothing here decodes video, and one
 * stream's errors are caught and logged in that stream alone.
 */
import type { Db } from '../../platform/db/database.ts';
import { enforceRetention, type BudgetResult, type RetentionPolicy } from './budget.ts';
import type { PictureSink, RunStart, StreamKind, TimedPicture } from '../types.ts';
import { isCameraDirName } from './paths.ts';
import { recover, type RecoverOptions, type RecoveryReport } from './recover.ts';
import { RecordingQueries, type RecordingInfo, type RunInfo, type StorageTotals } from './queries.ts';
import { RecordingRepository } from './repository.ts';
import { Segmenter, silentLog, type RecorderLog, type SegmenterCounters } from './segmenter.ts';
import { StreamWriter, type WriterCounters } from './stream-writer.ts';
import { MAX_RECORDING_SECONDS, rotationOffset90k, TICKS_PER_MS, TICKS_PER_SECOND } from './timing.ts';

export interface RecorderOptions {
  db: Db;
  /** Recordings go to `<dataDir>/recordings/…`; the index stores paths relative to it. */
  dataDir: string;
  /** Recorder wall clock, ms since epoch (tests move it). */
  clock?: () => number;
  log?: RecorderLog;
  /** Target recording length; rotation happens at the first keyframe after it. At most 150. */
  segmentSeconds?: number;
  /** Media per fragment: the longest a picture waits before it is written to its file. */
  flushIntervalMs?: number;
  /**
   * fdatasync + index update at most this often per stream (default 10 s). A killed process loses
   * nothing written (recovery extends the index over whole fragments on disk); a power cut can lose
   * up to this much more, and the index never points past synced data.
   */
  syncIntervalMs?: number;
  /** This recorder process among several sharing one database; recovery touches only its own rows. */
  node?: string;
  /** Per stream: fragment bytes waiting for the disk before pictures are dropped (default 16 MiB). */
  maxBacklogBytes?: number;
  /**
   * Whole process: fragment bytes waiting for the disk before every stream drops pictures (default
   * 512 MiB). Without it 500 cameras behind a stalled disk could queue 500 × 16 MiB.
   */
  maxTotalBacklogBytes?: number;
  /** Per stream: a fragment is cut early at this size (default 8 MiB). */
  maxFragmentBytes?: number;
}

/** Counters of one stream. */
export interface StreamStats {
  segmenter: SegmenterCounters;
  writer: WriterCounters;
  backlogBytes: number;
}

/** The sink given to ingest for one stream: never throws into the caller. */
class StreamRecorder implements PictureSink {
  constructor(
    readonly segmenter: Segmenter,
    readonly writer: StreamWriter,
    private readonly log: RecorderLog,
    private readonly where: { cameraId: string; stream: StreamKind },
  ) {}

  startRun(run: RunStart): void {
    this.guard(() => this.segmenter.startRun(run));
  }
  push(picture: TimedPicture): void {
    this.guard(() => this.segmenter.push(picture));
  }
  endRun(reason: string): void {
    this.guard(() => this.segmenter.endRun(reason));
  }

  private guard(f: () => void): void {
    try {
      f();
    } catch (err) {
      this.log.error({ ...this.where, err }, 'recorder: stream failed');
    }
  }
}

export class Recorder {
  private readonly repo: RecordingRepository;
  private readonly queries: RecordingQueries;
  private readonly streams = new Map<string, StreamRecorder>();
  /** Fragment bytes queued across every stream, for the process-wide backlog cap. */
  private readonly backlog = { queuedBytes: 0 };
  private readonly clock: () => number;
  private readonly log: RecorderLog;
  private readonly segment90k: number;
  private readonly fragment90k: number;
  private readonly node: string;

  constructor(private readonly o: RecorderOptions) {
    const seconds = o.segmentSeconds ?? 60;
    if (!(seconds > 0 && seconds <= MAX_RECORDING_SECONDS / 2)) throw new RangeError(`segmentSeconds must be in (0, ${MAX_RECORDING_SECONDS / 2}]`);
    this.repo = new RecordingRepository(o.db);
    this.queries = new RecordingQueries(o.db);
    this.clock = o.clock ?? Date.now;
    this.log = o.log ?? silentLog;
    this.segment90k = Math.round(seconds * TICKS_PER_SECOND);
    this.fragment90k = Math.round((o.flushIntervalMs ?? 1000) * TICKS_PER_MS);
    this.node = o.node ?? 'local';
  }

  /** The sink for one stream (the same object for repeated calls). */
  sink(cameraId: string, stream: StreamKind): PictureSink {
    return this.stream(cameraId, stream);
  }

  private stream(cameraId: string, stream: StreamKind): StreamRecorder {
    const key = `${cameraId}/${stream}`;
    const existing = this.streams.get(key);
    if (existing) return existing;
    // the id becomes a directory name and a uuid column
    if (!isCameraDirName(cameraId)) throw new TypeError(`camera id must be a uuid: ${cameraId}`);
    const writer = new StreamWriter({ cameraId, stream, node: this.node, dataDir: this.o.dataDir, repo: this.repo, log: this.log, now: this.clock, syncIntervalMs: this.o.syncIntervalMs ?? 10_000, total: this.backlog });
    const maxBacklog = this.o.maxBacklogBytes ?? 16 * 1024 * 1024;
    const maxTotal = this.o.maxTotalBacklogBytes ?? 512 * 1024 * 1024;
    const segmenter = new Segmenter({
      cameraId,
      stream,
      segment90k: this.segment90k,
      rotationOffset90k: rotationOffset90k(cameraId, stream, this.segment90k),
      fragment90k: this.fragment90k,
      maxFragmentBytes: this.o.maxFragmentBytes ?? 8 * 1024 * 1024,
      maxBacklogBytes: maxBacklog,
      // the process-wide fill, scaled to one stream's cap: full (or drained) for every stream at once
      backlogBytes: () => Math.max(writer.backlogBytes, (this.backlog.queuedBytes * maxBacklog) / maxTotal),
      emit: (op) => writer.enqueue(op),
      log: this.log,
    });
    const s = new StreamRecorder(segmenter, writer, this.log, { cameraId, stream });
    this.streams.set(key, s);
    return s;
  }

  /**
   * Repairs what a crash left: closes open recordings (extending their index with verified
   * fragments found on disk, truncating torn tails) and open runs (`end_reason` 'crash'), finishes
   * interrupted deletions and deletes recent files that have no index row. Call it at start,
   * before ingest feeds the sinks; streams this recorder is writing are left alone.
   */
  async recover(opts: RecoverOptions = {}): Promise<RecoveryReport> {
    const activeRecordings = new Set<number>();
    const activeRuns = new Set<number>();
    for (const s of this.streams.values()) {
      const r = s.writer.openRecordingId;
      if (r !== null) activeRecordings.add(r);
      const run = s.writer.openRunId;
      if (run !== null) activeRuns.add(run);
    }
    const report = await recover(
      { repo: this.repo, dataDir: this.o.dataDir, node: this.node, now: this.clock(), log: this.log, activeRecordings, activeRuns },
      opts,
    );
    if (report.closed.length + report.discarded + report.runsClosed + report.orphansDeleted.length > 0) {
      this.log.info(
        { closed: report.closed.length, discarded: report.discarded, runsClosed: report.runsClosed, orphans: report.orphansDeleted.length },
        'recorder: recovered after an unclean stop',
      );
    }
    return report;
  }

  /** Recordings of a stream overlapping [fromMs, toMs), oldest first. */
  recordings(cameraId: string, stream: StreamKind, fromMs: number, toMs: number): Promise<RecordingInfo[]> {
    return this.queries.recordingsInRange(cameraId, stream, fromMs, toMs);
  }

  /** Runs of a stream overlapping [fromMs, toMs); the spaces between them are gaps. */
  runs(cameraId: string, stream: StreamKind, fromMs: number, toMs: number): Promise<RunInfo[]> {
    return this.queries.runsInRange(cameraId, stream, fromMs, toMs);
  }

  /** Bytes, recording count and oldest recording per camera (retention, storage page). */
  storage(cameraId?: string): Promise<StorageTotals[]> {
    return this.queries.storageTotals(cameraId);
  }

  stats(cameraId: string, stream: StreamKind): StreamStats | null {
    const s = this.streams.get(`${cameraId}/${stream}`);
    if (!s) return null;
    return { segmenter: { ...s.segmenter.counters }, writer: { ...s.writer.counters }, backlogBytes: s.writer.backlogBytes };
  }

  /** Waits until every queued write and index update has been carried out. */
  async flush(): Promise<void> {
    await Promise.all([...this.streams.values()].map((s) => s.writer.idle()));
  }

  /** Ends every stream's run (`reason`, default 'shutdown') and waits for the files and index. */
  /** Deletes expired recordings, then the oldest beyond the budget, never held evidence (see budget.ts). */
  enforceRetention(policy: RetentionPolicy): Promise<BudgetResult> {
    return enforceRetention(this.o.db, this.o.dataDir, policy);
  }

  async close(reason = 'shutdown'): Promise<void> {
    for (const s of this.streams.values()) s.endRun(reason);
    await this.flush();
  }
}
