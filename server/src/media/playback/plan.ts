/**
 * Plans playback or export of a time range from the recording index alone: which samples of which
 * files, starting at the keyframe at or before the requested instant, split wherever recording was
 * interrupted (a new run, a codec change) with the gaps reported. Pure.
 */
import type { DecodedIndex } from '../recorder/index.ts';
import type { ProgressiveSample } from './progressive.ts';

/** A recording with its decoded index and sample description, as the planner needs it. */
export interface PlanRecording {
  readonly id: number;
  readonly runId: number;
  readonly path: string;
  readonly start90k: number;
  readonly codec: string;
  readonly width: number;
  readonly height: number;
  /** The `stsd` box of the recording's init segment. */
  readonly stsd: Uint8Array;
  readonly index: DecodedIndex;
}

/** Bytes of one file that hold consecutive samples. */
export interface DataPiece {
  readonly path: string;
  readonly offset: number;
  readonly length: number;
}

/** One stretch playable as one file: one codec configuration, no interruption. */
export interface PlannedSpan {
  /** Time of the first sample, a keyframe (90 kHz since the epoch). */
  readonly keyStart90k: number;
  /** Where presentation starts: the requested instant, or the first sample when recording began later. */
  readonly start90k: number;
  /** End of the last sample, clipped to the requested end. */
  readonly end90k: number;
  readonly samples: ProgressiveSample[];
  readonly pieces: DataPiece[];
  readonly stsd: Uint8Array;
  readonly codec: string;
  readonly width: number;
  readonly height: number;
  readonly recordingIds: number[];
}

export interface PlannedGap {
  readonly start90k: number;
  readonly end90k: number;
  /** Why recording stopped before the gap (the run's end reason), when known. */
  readonly reason: string | null;
}

export interface Plan {
  readonly spans: PlannedSpan[];
  readonly gaps: PlannedGap[];
}

/** Recordings of one run closer than this are one stretch (the recorder starts each where the last ended). */
const CONTIGUOUS_90K = 45_000;

interface OpenSpan {
  keyStart90k: number;
  start90k: number;
  end90k: number;
  samples: ProgressiveSample[];
  pieces: DataPiece[];
  rec: PlanRecording;
  recordingIds: number[];
}

/**
 * Plans [from90k, to90k) over `recordings` (oldest first). `runEndReasons` names why each run
 * ended, for the gaps; a gap shorter than `minGap90k` (default one frame at 25 fps) is not reported.
 */
export function planRange(recordings: readonly PlanRecording[], from90k: number, to90k: number, runEndReasons: ReadonlyMap<number, string | null> = new Map(), minGap90k = 3600): Plan {
  const spans: PlannedSpan[] = [];
  const gaps: PlannedGap[] = [];
  let open: OpenSpan | null = null;
  let lastRun: number | null = null;
  const close = () => {
    if (open) spans.push({ keyStart90k: open.keyStart90k, start90k: open.start90k, end90k: Math.min(open.end90k, to90k), samples: open.samples, pieces: open.pieces, stsd: open.rec.stsd, codec: open.rec.codec, width: open.rec.width, height: open.rec.height, recordingIds: open.recordingIds });
    open = null;
  };
  for (const rec of recordings) {
    const frames = rec.index.frames;
    // frame times: the recording start plus media durations
    let t = rec.start90k;
    let first = -1;
    let last = -1;
    const times: number[] = new Array(frames.length);
    for (let i = 0; i < frames.length; i++) {
      times[i] = t;
      const end = t + frames[i]!.duration;
      if (t < to90k && end > from90k) {
        if (first < 0) first = i;
        last = i;
      }
      t = end;
    }
    if (first < 0) continue;
    const cur = open as OpenSpan | null;
    const joins = cur !== null && lastRun === rec.runId && Math.abs(rec.start90k - cur.end90k) <= CONTIGUOUS_90K && sameBytes(cur.rec.stsd, rec.stsd);
    if (!joins) {
      const prevEnd = cur?.end90k ?? null;
      close();
      // start at the keyframe at or before the first wanted frame
      let k = first;
      while (k > 0 && !frames[k]!.isKey) k--;
      if (!frames[k]!.isKey) continue; // an index that does not start with a keyframe: nothing playable here
      const keyStart = times[k]!;
      const start = Math.max(from90k, keyStart);
      const gapFrom = prevEnd ?? from90k;
      if (start - gapFrom >= minGap90k) gaps.push({ start90k: gapFrom, end90k: start, reason: prevEnd === null ? null : (runEndReasons.get(lastRun as number) ?? null) });
      open = { keyStart90k: keyStart, start90k: start, end90k: keyStart, samples: [], pieces: [], rec, recordingIds: [] };
      first = k;
    }
    const span = open as unknown as OpenSpan;
    span.rec = rec;
    span.recordingIds.push(rec.id);
    for (let i = first; i <= last; i++) {
      const f = frames[i]!;
      span.samples.push({ size: f.size, duration: f.duration, isKey: f.isKey });
      const prev = span.pieces[span.pieces.length - 1];
      if (prev && prev.path === rec.path && prev.offset + prev.length === f.dataOffset) {
        span.pieces[span.pieces.length - 1] = { path: prev.path, offset: prev.offset, length: prev.length + f.size };
      } else {
        span.pieces.push({ path: rec.path, offset: f.dataOffset, length: f.size });
      }
      span.end90k = times[i]! + f.duration;
    }
    lastRun = rec.runId;
  }
  const tail = (open as OpenSpan | null)?.end90k ?? null;
  close();
  const endOfVideo = tail ?? from90k;
  if (to90k - endOfVideo >= minGap90k) gaps.push({ start90k: endOfVideo, end90k: to90k, reason: tail === null ? null : (runEndReasons.get(lastRun as number) ?? null) });
  return { spans, gaps };
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Frames per second of a span from its most common sample duration (for frame stepping). */
export function spanFps(span: PlannedSpan): number {
  const counts = new Map<number, number>();
  for (const s of span.samples) counts.set(s.duration, (counts.get(s.duration) ?? 0) + 1);
  let best = 3600;
  let n = 0;
  for (const [d, c] of counts) if (c > n && d > 0) [best, n] = [d, c];
  return Math.round((90_000 / best) * 100) / 100;
}
