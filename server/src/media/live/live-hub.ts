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

/**
 * Fan-out of one camera stream to live viewers as fMP4: the init segment plus one fragment per
 * picture, encoded once and shared by every viewer. Keeps the current keyframe group (GOP cache)
 * so a new viewer starts at once; a slow viewer skips to the next keyframe instead of growing memory.
 */
export class LiveHub implements PictureSink {
  private readonly viewers = new Map<LiveViewer, ViewerState>();
  private init: { mime: string; bytes: Uint8Array } | null = null;
  private gop: { bytes: Uint8Array; isKey: boolean }[] = [];
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
        for (const f of this.gop) viewer.fragment(f.bytes, f.isKey);
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
    const bytes = mediaSegment(this.sequence++, decodeTime, [{ data: p.data, duration: this.frameDuration, isKey: p.isKey }]);
    this.counters.fragments++;
    this.cache(bytes, p.isKey);
    for (const [viewer, state] of this.viewers) {
      if (state.needsKey && !p.isKey) continue;
      if (viewer.backlog() > this.limits.maxViewerBacklog) {
        state.needsKey = true;
        state.skipped++;
        this.counters.skippedForBacklog++;
        continue;
      }
      state.needsKey = false;
      viewer.fragment(bytes, p.isKey);
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

  private cache(bytes: Uint8Array, isKey: boolean): void {
    if (isKey) {
      this.resetGop();
      this.gopComplete = true;
    }
    if (!this.gopComplete) return;
    if (this.gopBytes + bytes.length > this.limits.maxGopBytes) {
      // an absurdly long GOP: stop caching until the next keyframe rather than hold it all
      this.resetGop();
      return;
    }
    this.gop.push({ bytes, isKey });
    this.gopBytes += bytes.length;
  }

  private resetGop(): void {
    this.gop = [];
    this.gopBytes = 0;
    this.gopComplete = false;
  }
}
