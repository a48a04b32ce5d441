/**
 * The recorder's decisions for one stream, free of I/O: which pictures are kept, where fragments
 * and recordings are cut, the wall time of every recording, and when recording must pause. It
 * turns `PictureSink` calls into `WriterOp`s that `StreamWriter` carries out in order.
 */
import type { Sample, VideoTrack } from '../mp4/index.ts';
import type { RunStart, TimedPicture } from '../types.ts';
import { MAX_RECORDING_SECONDS, nextBoundary90k, slewedDuration90k, TICKS_PER_MS, TICKS_PER_SECOND } from './timing.ts';

/** What the writer must do, in this order. `run` numbers the segmenter's runs (local, not DB ids). */
export type WriterOp =
  | { kind: 'open'; run: number; track: VideoTrack; start90k: number }
  | { kind: 'fragment'; samples: Sample[]; bytes: number }
  | { kind: 'close'; wallDuration90k: number }
  | { kind: 'end-run'; run: number; reason: string; end90k: number };

/** pino-compatible subset. */
export interface RecorderLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export const silentLog: RecorderLog = { info() {}, warn() {}, error() {} };

export interface SegmenterOptions {
  cameraId: string;
  stream: string;
  /** Rotation period and this stream's phase in it (see `rotationOffset90k`). */
  segment90k: number;
  rotationOffset90k: number;
  /** A fragment is written once this much media is pending (and at every recording end). */
  fragment90k: number;
  /** A fragment is also cut when its pictures reach this many bytes. */
  maxFragmentBytes: number;
  /** Writer backlog cap: past it pictures are dropped until a keyframe finds the backlog halved. */
  maxBacklogBytes: number;
  backlogBytes(): number;
  emit(op: WriterOp): void;
  log: RecorderLog;
  /** A pts step larger than this ends the run (camera clock reset or a long hiccup). */
  maxFrameGap90k?: number;
}

/** Counters for metrics and tests. */
export interface SegmenterCounters {
  pictures: number;
  /** Pictures before a run's first keyframe (or without a run). */
  droppedWaitingForKey: number;
  /** Pictures dropped because the writer fell behind. */
  droppedBacklog: number;
  recordings: number;
}

interface Run {
  id: number;
  track: VideoTrack;
  startedAtMs: number;
  firstPts: number;
}

interface OpenRecording {
  start90k: number;
  boundary90k: number;
  /** Media duration of the frames handed over so far (written and pending). */
  media90k: number;
  /** Media duration already emitted in fragments. */
  written90k: number;
  /** Recent `received - predicted` wall offsets; their minimum is the least-delayed estimate. */
  offsets: number[];
}

const OFFSET_WINDOW = 64;
const DEFAULT_FRAME_90K = 3600;

export class Segmenter {
  readonly counters: SegmenterCounters = { pictures: 0, droppedWaitingForKey: 0, droppedBacklog: 0, recordings: 0 };
  private run: Run | null = null;
  /** The current run has been announced to the writer (an `end-run` is owed). */
  private runOpen = false;
  private state: 'idle' | 'wait-key' | 'recording' | 'backlog' = 'idle';
  /** After an internal cut the next keyframe starts a fresh run on the recorder's clock. */
  private restartAtKey = false;
  private rec: OpenRecording | null = null;
  private held: TimedPicture | null = null;
  private pending: Sample[] = [];
  private pendingBytes = 0;
  private pending90k = 0;
  private lastDuration = DEFAULT_FRAME_90K;
  private lastEnd90k = -Infinity;
  private runSeq = 0;
  private readonly maxFrameGap90k: number;

  constructor(private readonly o: SegmenterOptions) {
    this.maxFrameGap90k = o.maxFrameGap90k ?? 10 * TICKS_PER_SECOND;
  }

  /** Wall end of the last closed recording (90 kHz since epoch); new recordings never start before it. */
  get lastEnd(): number {
    return this.lastEnd90k;
  }

  startRun(run: RunStart): void {
    if (this.run !== null) this.endRun('restart');
    this.run = { id: ++this.runSeq, track: run.track, startedAtMs: run.startedAtMs, firstPts: run.firstPts };
    this.runOpen = true;
    this.restartAtKey = false;
    this.state = 'wait-key';
  }

  push(p: TimedPicture): void {
    this.counters.pictures++;
    if (this.run === null) {
      this.counters.droppedWaitingForKey++;
      return;
    }
    if (this.state !== 'recording') {
      this.startAt(p);
      return;
    }
    const prev = this.held as TimedPicture;
    const rec = this.rec as OpenRecording;
    const step = p.pts - prev.pts;
    if (step > this.maxFrameGap90k) {
      this.o.log.warn({ cameraId: this.o.cameraId, stream: this.o.stream, step }, 'recorder: timestamp jump, starting a new run');
      if (this.finishRun('timestamp-jump')) {
        this.restartAtKey = true;
        this.state = 'wait-key';
      }
      this.startAt(p);
      return;
    }
    // a camera clock stepping back gets a one-tick duration: timestamps never go backwards
    this.hand(prev, step > 0 ? step : 1);
    this.noteOffset(p, rec.media90k);
    if (p.isKey && rec.start90k + rec.media90k >= rec.boundary90k) {
      if (!this.cutFragment()) return this.dropBacklogged(p);
      this.closeRecording();
      this.openRecording(p, this.lastEnd90k);
      return;
    }
    if (rec.media90k >= MAX_RECORDING_SECONDS * TICKS_PER_SECOND) {
      // no keyframe for minutes: a recording must start with one, so this one ends here
      this.held = null;
      if (this.finishRun('no-keyframe')) {
        this.restartAtKey = true;
        this.state = 'wait-key';
      }
      this.counters.droppedWaitingForKey++;
      return;
    }
    this.held = p;
    if (this.pending90k >= this.o.fragment90k || this.pendingBytes >= this.o.maxFragmentBytes) {
      if (!this.cutFragment()) this.dropBacklogged(p);
    }
  }

  endRun(reason: string): void {
    if (this.run === null) return;
    this.finishRun(reason);
    this.run = null;
    this.state = 'idle';
  }

  /** First picture of a recording sequence: waits for a keyframe, and for the backlog to drain. */
  private startAt(p: TimedPicture): void {
    const run = this.run as Run;
    if (!p.isKey) {
      if (this.state === 'backlog') this.counters.droppedBacklog++;
      else this.counters.droppedWaitingForKey++;
      return;
    }
    if (this.state === 'backlog') {
      if (this.o.backlogBytes() > this.o.maxBacklogBytes / 2) {
        this.counters.droppedBacklog++;
        return;
      }
      this.o.log.info({ cameraId: this.o.cameraId, stream: this.o.stream }, 'recorder: writer caught up, recording again');
    }
    if (this.state === 'backlog' || this.restartAtKey) {
      // the gap is explicit: a new run on the recorder's clock
      this.run = { id: ++this.runSeq, track: run.track, startedAtMs: p.receivedAtMs, firstPts: p.pts };
      this.runOpen = true;
      this.restartAtKey = false;
    }
    const r = this.run as Run;
    const start = Math.round(r.startedAtMs * TICKS_PER_MS) + (p.pts - r.firstPts);
    this.openRecording(p, Math.max(start, this.lastEnd90k));
    this.state = 'recording';
  }

  private openRecording(p: TimedPicture, start90k: number): void {
    const run = this.run as Run;
    this.rec = {
      start90k,
      boundary90k: nextBoundary90k(start90k, this.o.segment90k, this.o.rotationOffset90k),
      media90k: 0,
      written90k: 0,
      offsets: [],
    };
    this.counters.recordings++;
    this.o.emit({ kind: 'open', run: run.id, track: run.track, start90k });
    this.noteOffset(p, 0);
    this.held = p;
  }

  private noteOffset(p: TimedPicture, position90k: number): void {
    const rec = this.rec as OpenRecording;
    if (rec.offsets.length >= OFFSET_WINDOW) rec.offsets.shift();
    rec.offsets.push(p.receivedAtMs * TICKS_PER_MS - (rec.start90k + position90k));
  }

  /** Gives the held picture its duration and moves it into the pending fragment. */
  private hand(p: TimedPicture, duration: number): void {
    const rec = this.rec as OpenRecording;
    this.pending.push({ data: p.data, duration, isKey: p.isKey });
    this.pendingBytes += p.data.length;
    this.pending90k += duration;
    rec.media90k += duration;
    this.lastDuration = duration;
    this.held = null;
  }

  /** Emits the pending pictures as one fragment; false when the writer is too far behind. */
  private cutFragment(): boolean {
    if (this.pending.length === 0) return true;
    const rec = this.rec as OpenRecording;
    if (this.o.backlogBytes() + this.pendingBytes > this.o.maxBacklogBytes) {
      this.o.log.warn(
        { cameraId: this.o.cameraId, stream: this.o.stream, backlogBytes: this.o.backlogBytes() },
        'recorder: writer backlog full, dropping pictures until the next keyframe',
      );
      this.counters.droppedBacklog += this.pending.length;
      rec.media90k = rec.written90k;
      this.clearPending();
      this.closeRecording();
      this.emitEndRun('backlog');
      this.state = 'backlog';
      return false;
    }
    this.o.emit({ kind: 'fragment', samples: this.pending, bytes: this.pendingBytes });
    rec.written90k += this.pending90k;
    this.clearPending();
    return true;
  }

  private dropBacklogged(p: TimedPicture): void {
    this.held = null;
    this.startAt(p);
  }

  private clearPending(): void {
    this.pending = [];
    this.pendingBytes = 0;
    this.pending90k = 0;
  }

  private closeRecording(): void {
    const rec = this.rec;
    if (rec === null) return;
    this.rec = null;
    this.held = null;
    const error = rec.offsets.length > 0 ? Math.min(...rec.offsets) : 0;
    const wall = rec.written90k > 0 ? slewedDuration90k(rec.written90k, error) : 0;
    if (wall > 0) this.lastEnd90k = Math.max(this.lastEnd90k, rec.start90k + wall);
    this.o.emit({ kind: 'close', wallDuration90k: wall });
  }

  /**
   * Writes what is held and pending, closes the recording and ends the segmenter's run; false when
   * the backlog was full (the run then ended as `backlog` and the state is `backlog`).
   */
  private finishRun(reason: string): boolean {
    if (this.state === 'recording' && this.held !== null) {
      // the last picture's duration is unknown: assume the previous one's
      this.hand(this.held, this.lastDuration);
    }
    if (this.state === 'recording') {
      if (!this.cutFragment()) return false;
      this.closeRecording();
    }
    this.emitEndRun(reason);
    return true;
  }

  private emitEndRun(reason: string): void {
    if (!this.runOpen || this.run === null) return;
    this.runOpen = false;
    this.o.emit({ kind: 'end-run', run: this.run.id, reason, end90k: this.lastEnd90k });
  }
}
