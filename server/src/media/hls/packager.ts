import type { LiveViewer } from '../live/live-hub.ts';
import { fragmentTiming } from './fragment-timing.ts';
import { buildPlaylist } from './playlist.ts';
import { concat, type PackagerState, type Segment, type Waiter } from './pieces.ts';

export type { PackagerState } from './pieces.ts';

const TIMESCALE = 90_000; // the live hub's fragments are on the 90 kHz RTP clock

/** Tuning of one packager; the defaults suit a 25 fps camera with 1–2 s keyframe groups. */
export interface HlsPackagerOptions {
  /** This packager's generation: part of every media URL so a new packager never reuses one. */
  generation: string;
  now?: () => number;
  /** Parts are closed before they exceed this (seconds). */
  partTargetS?: number;
  /** A segment ends at the first keyframe after this long (seconds). */
  segmentTargetS?: number;
  /** EXT-X-TARGETDURATION: a longer keyframe group is cut here even without a keyframe. */
  targetDurationS?: number;
  /** Complete segments kept in the window. */
  windowSegments?: number;
  /** Bytes of media held at most (init segments aside); the oldest segments go first. */
  maxBytes?: number;
}

/**
 * One camera's LL-HLS window, fed as a live viewer with the hub's fMP4 fragments: parts and
 * segments are plain concatenations of those fragments, cut at keyframes, never re-muxed. Once
 * closed, a part or segment never changes, so its URL can be cached for good.
 */
export class HlsPackager implements LiveViewer {
  readonly generation: string;
  private readonly now: () => number;
  readonly partTargetS: number;
  readonly segmentTargetS: number;
  readonly targetDurationS: number;
  private readonly windowSegments: number;
  private readonly maxBytes: number;
  private readonly inits = new Map<number, Uint8Array>();
  private initId = -1;
  private segments: Segment[] = [];
  private nextMsn = 0;
  private discontinuitySequence = 0;
  private pendingDiscontinuity = false;
  private lastFrameDuration = 0.04;
  private held = 0;
  private waiters: Waiter[] = [];
  private stateNow: PackagerState = 'waiting';
  // the playlist text changes only when a part closes or the window moves; a burst of blocked
  // requests released by one part gets the same string
  private version = 0;
  private memo: { version: number; prefix: string; text: string | null } | null = null;
  /** When the current offline spell began (ms), for the registry's re-subscribe decision. */
  offlineSince: number | null = null;

  constructor(opts: HlsPackagerOptions) {
    this.generation = opts.generation;
    this.now = opts.now ?? Date.now;
    this.partTargetS = opts.partTargetS ?? 0.5;
    this.segmentTargetS = opts.segmentTargetS ?? 2;
    this.targetDurationS = opts.targetDurationS ?? 4;
    this.windowSegments = opts.windowSegments ?? 6;
    this.maxBytes = opts.maxBytes ?? 32 * 1024 * 1024;
  }

  get state(): PackagerState {
    return this.stateNow;
  }

  /** Media bytes held (parts and segments; shared buffers counted once). */
  get bytesHeld(): number {
    return this.held;
  }

  // ---- LiveViewer: the hub's side ---------------------------------------------------------

  backlog(): number {
    return 0; // memory is bounded here, by the window, not by a socket
  }

  init(_mime: string, bytes: Uint8Array): void {
    this.closeSegment();
    if (this.initId >= 0) this.pendingDiscontinuity = true;
    this.initId++;
    this.inits.set(this.initId, bytes);
    this.dropUnusedInits();
  }

  fragment(data: Uint8Array, isKey: boolean): void {
    if (this.initId < 0) return;
    const timing = fragmentTiming(data);
    if (!timing) return;
    const duration = timing.duration / TIMESCALE;
    let seg = this.current();
    if (!seg && !isKey) return; // a segment starts at a keyframe
    if (seg && (isKey ? seg.duration >= this.segmentTargetS - duration / 2 : seg.duration + duration > this.targetDurationS)) {
      this.closeSegment();
      seg = null;
    }
    seg ??= this.openSegment();
    const part = (seg.open ??= { chunks: [], bytes: null, size: 0, duration: 0, independent: isKey });
    part.chunks.push(data);
    part.size += data.length;
    part.duration += duration;
    seg.duration += duration;
    seg.size += data.length;
    this.held += data.length;
    this.lastFrameDuration = duration || this.lastFrameDuration;
    this.stateNow = this.segments.some((s) => s.complete) ? 'live' : this.stateNow;
    this.offlineSince = null;
    // close the part as soon as one more picture would overflow it: players see it at once
    if (part.duration + this.lastFrameDuration > this.partTargetS + 1e-6) this.closePart(seg);
    // a flood of bytes (absurd bit rate) ends the segment early so the window can shed it
    if (seg.size > this.maxBytes / 4) this.closeSegment();
    this.enforceBounds();
  }

  ended(_reason: string): void {
    this.closeSegment();
    this.pendingDiscontinuity = true;
    this.stateNow = 'offline';
    this.offlineSince = this.now();
    this.wakeAll();
  }

  // ---- reading: the routes' side -----------------------------------------------------------

  /** Current playlist text (media URIs under `prefix`), null while no segment is complete. */
  playlist(prefix: string): string | null {
    if (this.memo?.version === this.version && this.memo.prefix === prefix) return this.memo.text;
    const text = buildPlaylist({
      prefix,
      targetDuration: this.targetDurationS,
      partTarget: this.partTargetS,
      discontinuitySequence: this.discontinuitySequence,
      partWindowS: this.targetDurationS * 3,
      segments: this.segments.map((s) => ({ ...s, parts: s.parts.map((p) => ({ duration: p.duration, independent: p.independent })) })),
    });
    this.memo = { version: this.version, prefix, text };
    return text;
  }

  /** Whether a blocking request for (msn, part) is too far ahead to ever be answered in time. */
  tooFarAhead(msn: number): boolean {
    return msn > this.nextMsn + 1;
  }

  /**
   * Resolves once the window holds segment `msn` (or its part `part`), the camera goes offline,
   * or `timeoutMs` passes; the caller then reads the playlist as it is.
   */
  waitFor(msn: number, part: number | null, timeoutMs: number): Promise<void> {
    if (this.has(msn, part) || this.stateNow === 'offline') return Promise.resolve();
    return new Promise((resolve) => {
      const w: Waiter = { msn, part, resolve: () => undefined };
      const timer = setTimeout(() => done(), timeoutMs);
      const done = () => {
        clearTimeout(timer);
        this.waiters = this.waiters.filter((x) => x !== w);
        resolve();
      };
      w.resolve = done;
      this.waiters.push(w);
    });
  }

  /** Resolves when a first complete segment exists (or offline, or timeout). */
  waitForFirstSegment(timeoutMs: number): Promise<void> {
    const first = this.segments.find((s) => !s.complete)?.msn ?? this.nextMsn;
    return this.segments.some((s) => s.complete) ? Promise.resolve() : this.waitFor(first, null, timeoutMs);
  }

  initSegment(id: number): Uint8Array | null {
    return this.inits.get(id) ?? null;
  }

  segment(msn: number): Uint8Array | null {
    return this.segments.find((s) => s.msn === msn && s.complete)?.bytes ?? null;
  }

  part(msn: number, index: number): Uint8Array | null {
    return this.segments.find((s) => s.msn === msn)?.parts[index]?.bytes ?? null;
  }

  /** Whether a part may still appear (the open segment's next parts, or the next segment's). */
  partPending(msn: number, index: number): boolean {
    const seg = this.segments.find((s) => s.msn === msn);
    if (seg) return !seg.complete && index >= seg.parts.length && index < 64;
    return msn === this.nextMsn && index < 64;
  }

  /** Drops the window and wakes every waiting request. */
  close(): void {
    this.version++;
    this.segments = [];
    this.held = 0;
    this.stateNow = 'offline';
    this.wakeAll();
  }

  // ---- internals ---------------------------------------------------------------------------

  private current(): Segment | null {
    const last = this.segments[this.segments.length - 1];
    return last && !last.complete ? last : null;
  }

  private openSegment(): Segment {
    const seg: Segment = {
      msn: this.nextMsn++,
      duration: 0,
      programDateMs: this.now(),
      discontinuity: this.pendingDiscontinuity && this.segments.length > 0,
      initId: this.initId,
      parts: [],
      open: null,
      complete: false,
      bytes: null,
      size: 0,
    };
    this.pendingDiscontinuity = false;
    this.segments.push(seg);
    return seg;
  }

  private closePart(seg: Segment): void {
    const p = seg.open;
    if (!p) return;
    seg.open = null;
    p.bytes = concat(p.chunks, p.size);
    p.chunks = [];
    seg.parts.push(p);
    this.version++;
    this.wake();
  }

  private closeSegment(): void {
    const seg = this.current();
    if (!seg) return;
    this.closePart(seg);
    if (seg.parts.length === 0) {
      this.version++;
      this.segments.pop();
      this.nextMsn--;
      return;
    }
    // one buffer for the segment; its parts become views into it, so nothing is held twice
    seg.bytes = concat(seg.parts.map((p) => p.bytes!), seg.size);
    let o = 0;
    for (const p of seg.parts) {
      p.bytes = seg.bytes.subarray(o, o + p.size);
      o += p.size;
    }
    seg.complete = true;
    this.version++;
    this.stateNow = this.stateNow === 'offline' ? 'offline' : 'live';
    this.enforceBounds();
    this.wake();
  }

  private enforceBounds(): void {
    const complete = () => this.segments.filter((s) => s.complete).length;
    while (this.segments.length > 1 && (complete() > this.windowSegments || this.held > this.maxBytes)) {
      const old = this.segments.shift()!;
      this.held -= old.size;
      this.version++;
      if (this.segments[0]?.discontinuity) this.discontinuitySequence++;
    }
    this.dropUnusedInits();
  }

  private dropUnusedInits(): void {
    for (const id of this.inits.keys()) if (id !== this.initId && !this.segments.some((s) => s.initId === id)) this.inits.delete(id);
  }

  private has(msn: number, part: number | null): boolean {
    const first = this.segments[0];
    if (first && msn < first.msn) return true;
    if (part === null) return this.segments.some((s) => s.msn >= msn && s.complete);
    const seg = this.segments.find((s) => s.msn === msn);
    if (seg && seg.parts.length > part) return true;
    // the segment ended with fewer parts: the next segment's first part answers
    return this.segments.some((s) => s.msn > msn && s.parts.length > 0);
  }

  private wake(): void {
    for (const w of [...this.waiters]) if (this.has(w.msn, w.part)) w.resolve();
  }

  private wakeAll(): void {
    for (const w of [...this.waiters]) w.resolve();
  }
}
