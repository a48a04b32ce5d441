import { initSegment, mediaSegment, mimeType } from '../mp4/index.ts';
import type { PictureSink, RunStart, TimedPicture } from '../types.ts';

/** A live viewer as the hub sees it: a transport with a measurable backlog. */
export interface LiveViewer {
  /** Bytes accepted but not yet sent to this viewer (e.g. WebSocket bufferedAmount). */
  backlog(): number;
  init(mime: string, init: Uint8Array): void;
  fragment(data: Uint8Array, isKey: boolean): void;
  /** The stream ended (camera disconnected); a new init follows when it returns. */
  ended(reason: string): void;
}

export interface LiveHubLimits {
  /** A viewer with more than this many bytes queued skips to the next keyframe. */
  maxViewerBacklog: number;
  /** The keyframe group kept for new viewers; beyond this the cache waits for the next keyframe. */
  maxGopBytes: number;
}

const DEFAULT_LIMITS: LiveHubLimits = { maxViewerBacklog: 2 * 1024 * 1024, maxGopBytes: 8 * 1024 * 1024 };
const DEFAULT_FRAME_90K = 3600; // 25 fps until the stream tells us otherwise

interface ViewerState {
  needsKey: boolean;
  skipped: number;
}

/** A picture placed on the hub's decode timeline; its fragment is built only when someone watches. */
interface CachedPicture {
  decodeTime: number;
  duration: number;
  isKey: boolean;
  data: Uint8Array;
}

/**
 * Fan-out of one camera stream to live viewers as fMP4: the init segment plus one fragment per
 * picture, encoded once and shared by every viewer. Keeps the current keyframe group (GOP cache)
 * so a new viewer starts at once; a slow viewer skips to the next keyframe instead of growing memory.
 * With nobody watching it only keeps references: most cameras of a city are not on screen.
 */
export class LiveHub implements PictureSink {
  private readonly viewers = new Map<LiveViewer, ViewerState>();
  private init: { mime: string; bytes: Uint8Array } | null = null;
  private gop: CachedPicture[] = [];
  private gopBytes = 0;
  private gopComplete = false;
  private sequence = 1;
  // one decode timeline across runs, so a reconnect never sends decode times backwards
  private timelineOffset = 0;
  private runFirstPts = 0;
  private lastDecodeTime: number | null = null;
  private lastPts: number | null = null;
  private frameDuration = DEFAULT_FRAME_90K;
  private readonly limits: LiveHubLimits;
  /** Counters for status pages and benchmarks. */
  readonly counters = { fragments: 0, skippedForBacklog: 0 };

  constructor(limits: Partial<LiveHubLimits> = {}) {
    this.limits = { ...DEFAULT_LIMITS, ...limits };
  }

  get viewerCount(): number {
    return this.viewers.size;
  }

  /** Adds a viewer: it gets the init segment and the cached keyframe group right away. */
  subscribe(viewer: LiveViewer): () => void {
    const state: ViewerState = { needsKey: true, skipped: 0 };
    this.viewers.set(viewer, state);
    if (this.init) {
      viewer.init(this.init.mime, this.init.bytes);
      if (this.gopComplete) {
        for (const p of this.gop) viewer.fragment(this.fragmentOf(p), p.isKey);
        state.needsKey = false;
      }
    }
    return () => void this.viewers.delete(viewer);
  }

  startRun(run: RunStart): void {
    if (this.lastDecodeTime !== null) this.timelineOffset = this.lastDecodeTime + this.frameDuration;
    this.runFirstPts = run.firstPts;
    this.lastPts = null;
    this.init = { mime: mimeType(run.track), bytes: initSegment(run.track) };
    this.resetGop();
    for (const [viewer, state] of this.viewers) {
      state.needsKey = true;
      viewer.init(this.init.mime, this.init.bytes);
    }
  }

  push(p: TimedPicture): void {
    if (!this.init) return;
    if (this.lastPts !== null) {
      const delta = p.pts - this.lastPts;
      // the previous picture's spacing predicts this one's duration; holding a frame back would add latency
      if (delta > 0 && delta < 90_000 * 5) this.frameDuration = delta;
    }
    this.lastPts = p.pts;
    const decodeTime = this.timelineOffset + (p.pts - this.runFirstPts);
    if (this.lastDecodeTime !== null && decodeTime <= this.lastDecodeTime) return; // never backwards
    this.lastDecodeTime = decodeTime;
    const picture: CachedPicture = { decodeTime, duration: this.frameDuration, isKey: p.isKey, data: p.data };
    this.cache(picture);
    if (this.viewers.size === 0) return;
    let bytes: Uint8Array | null = null;
    for (const [viewer, state] of this.viewers) {
      if (state.needsKey && !p.isKey) continue;
      if (viewer.backlog() > this.limits.maxViewerBacklog) {
        state.needsKey = true;
        state.skipped++;
        this.counters.skippedForBacklog++;
        continue;
      }
      state.needsKey = false;
      bytes ??= this.fragmentOf(picture);
      viewer.fragment(bytes, p.isKey);
    }
  }

  /** The stream could not be reached (no run to end): tell current viewers so they can fall back. */
  unavailable(reason: string): void {
    for (const [viewer, state] of this.viewers) {
      state.needsKey = true;
      viewer.ended(reason);
    }
  }

  endRun(reason: string): void {
    this.resetGop();
    for (const [viewer, state] of this.viewers) {
      state.needsKey = true;
      viewer.ended(reason);
    }
  }

  /** Bytes held for new viewers (bounded by maxGopBytes). */
  get cachedBytes(): number {
    return this.gopBytes;
  }

  private fragmentOf(p: CachedPicture): Uint8Array {
    this.counters.fragments++;
    return mediaSegment(this.sequence++, p.decodeTime, [{ data: p.data, duration: p.duration, isKey: p.isKey }]);
  }

  private cache(p: CachedPicture): void {
    if (p.isKey) {
      this.resetGop();
      this.gopComplete = true;
    }
    if (!this.gopComplete) return;
    if (this.gopBytes + p.data.length > this.limits.maxGopBytes) {
      // an absurdly long GOP: stop caching until the next keyframe rather than hold it all
      this.resetGop();
      return;
    }
    this.gop.push(p);
    this.gopBytes += p.data.length;
  }

  private resetGop(): void {
    this.gop = [];
    this.gopBytes = 0;
    this.gopComplete = false;
  }
}
