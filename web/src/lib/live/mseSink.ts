import type { MediaKind } from './protocol.ts';

/** Playback lag behind the newest buffered picture that triggers a jump back to the live edge. */
export const MAX_LATENCY_S = 1.5;
/** Where a jump lands: this far behind the newest picture, a small cushion against jitter. */
export const TARGET_LATENCY_S = 0.3;
/**
 * Right after a subscribe the server sends its whole cached keyframe group at once; playing it from
 * the keyframe would start up to a GOP behind. During this window a smaller lag already jumps.
 */
const STARTUP_MS = 2000;
const STARTUP_MAX_LATENCY_S = 0.6;
/** Buffer older than this behind the playhead is removed, so memory stays flat for weeks. */
export const KEEP_BEHIND_S = 10;
/** Fragments waiting for the SourceBuffer beyond this are dropped up to the next keyframe. */
const MAX_QUEUED = 50;

type MediaSourceCtor = typeof MediaSource;

/** MSE, or Safari's ManagedMediaSource on iOS; null when the browser has neither. */
export function mediaSourceClass(): MediaSourceCtor | null {
  const w = globalThis as unknown as { MediaSource?: MediaSourceCtor; ManagedMediaSource?: MediaSourceCtor };
  return w.MediaSource ?? w.ManagedMediaSource ?? null;
}

/** Whether this browser can play a live stream of the given MIME type through MSE. */
export function canPlayMime(mime: string): boolean {
  const MS = mediaSourceClass();
  return MS !== null && MS.isTypeSupported(mime);
}

/** Between the target and the jump threshold, play slightly faster to drift back to the live edge. */
export const CATCH_UP_ABOVE_S = 0.7;
export const CATCH_UP_RATE = 1.1;

/**
 * The playhead's decision for one moment of a live buffer: where to seek (or null to stay) and the
 * playback rate. Pure, for tests.
 */
export function liveEdge(ranges: [number, number][], t: number, rate: number, maxLatency = MAX_LATENCY_S): { seek: number | null; rate: number } {
  if (ranges.length === 0) return { seek: null, rate: 1 };
  const [lastStart, end] = ranges[ranges.length - 1]!;
  const lag = end - t;
  if (lag > maxLatency) return { seek: Math.max(lastStart, end - TARGET_LATENCY_S), rate: 1 };
  if (!ranges.some(([s, e]) => t >= s && t <= e)) {
    // In a gap (a keyframe skip by the server, or the very start): go to the next picture.
    const next = ranges.find(([s]) => s > t);
    return { seek: next ? next[0] : null, rate: 1 };
  }
  // hysteresis: speed up above CATCH_UP_ABOVE_S, back to normal once near the target
  if (lag > CATCH_UP_ABOVE_S) return { seek: null, rate: CATCH_UP_RATE };
  if (lag < TARGET_LATENCY_S + 0.1) return { seek: null, rate: 1 };
  return { seek: null, rate };
}

/** A SourceBuffer's buffered ranges as [start, end] pairs. */
export function rangesOf(b: TimeRanges): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < b.length; i++) out.push([b.start(i), b.end(i)]);
  return out;
}

/**
 * Feeds one live fMP4 stream into a <video> through Media Source Extensions: queues appends while
 * the SourceBuffer is busy, keeps playback near the live edge, jumps gaps and evicts old buffer.
 */
export class MseSink {
  private ms: MediaSource | null = null;
  private sb: SourceBuffer | null = null;
  private mime: string | null = null;
  private queue: Uint8Array[] = [];
  private queuedMedia = 0;
  private waitKey = true;
  private playPending = false;
  private appended = 0;
  private startedAt = 0;

  constructor(
    private readonly video: HTMLVideoElement,
    private readonly onFatal: (reason: 'decode' | 'append') => void,
  ) {
    video.addEventListener('error', this.onVideoError);
  }

  /** Pictures appended since the last start; 0 means nothing can be on screen yet. */
  get appendedCount(): number {
    return this.appended;
  }

  /** Prepares for a stream of `mime`; its init segment follows through `append('init', …)`. */
  start(mime: string): void {
    // A camera that reconnects with the same codec keeps its buffer: decode times continue.
    if (this.ms && this.mime === mime) return;
    this.teardown();
    const MS = mediaSourceClass();
    if (!MS) return this.onFatal('append');
    const ms = new MS();
    this.ms = ms;
    this.mime = mime;
    this.appended = 0;
    this.startedAt = performance.now();
    const url = URL.createObjectURL(ms);
    ms.addEventListener(
      'sourceopen',
      () => {
        URL.revokeObjectURL(url);
        if (this.ms !== ms) return;
        try {
          const sb = ms.addSourceBuffer(mime);
          sb.mode = 'segments';
          sb.addEventListener('updateend', this.onUpdateEnd);
          this.sb = sb;
        } catch {
          return this.onFatal('append');
        }
        this.pump();
      },
      { once: true },
    );
    (this.video as HTMLVideoElement & { disableRemotePlayback: boolean }).disableRemotePlayback = true;
    this.video.src = url;
  }

  append(kind: MediaKind, data: Uint8Array): void {
    if (!this.ms) return;
    if (kind === 'init') {
      this.waitKey = true;
      this.queue.push(data);
    } else if (kind === 'key') {
      if (this.queuedMedia > MAX_QUEUED) this.dropQueuedMedia();
      this.waitKey = false;
      this.queue.push(data);
      this.queuedMedia++;
    } else {
      // A fragment is useless without the keyframe it depends on; a backed-up queue starts over there.
      if (this.waitKey || this.queuedMedia > MAX_QUEUED) {
        this.waitKey = true;
        return;
      }
      this.queue.push(data);
      this.queuedMedia++;
    }
    this.pump();
  }

  /** Forgets the stream and blanks the video; the next `start` builds a new MediaSource. */
  reset(): void {
    this.teardown();
  }

  destroy(): void {
    this.teardown();
    this.video.removeEventListener('error', this.onVideoError);
  }

  private pump(): void {
    const sb = this.sb;
    if (!sb || sb.updating || this.ms?.readyState !== 'open') return;
    const next = this.queue.shift();
    if (!next) return;
    const isMedia = !this.isInit(next);
    if (isMedia) this.queuedMedia--;
    try {
      sb.appendBuffer(next as Uint8Array<ArrayBuffer>);
      if (isMedia) this.appended++;
    } catch (e) {
      if (e instanceof DOMException && e.name === 'QuotaExceededError') {
        // Full: drop what waits and free everything behind the playhead; resume at the next keyframe.
        this.dropQueuedMedia();
        this.waitKey = true;
        const t = this.video.currentTime;
        if (t > 1) sb.remove(0, t - 0.5);
        return;
      }
      this.onFatal('append');
    }
  }

  private readonly onUpdateEnd = () => {
    const sb = this.sb;
    if (!sb) return;
    const v = this.video;
    const startup = performance.now() - this.startedAt < STARTUP_MS;
    const edge = liveEdge(rangesOf(sb.buffered), v.currentTime, v.playbackRate, startup ? STARTUP_MAX_LATENCY_S : MAX_LATENCY_S);
    if (edge.seek !== null) v.currentTime = edge.seek;
    if (edge.rate !== v.playbackRate) v.playbackRate = edge.rate;
    if (v.paused && !this.playPending && sb.buffered.length > 0) {
      this.playPending = true;
      void v
        .play()
        .catch(() => undefined)
        .finally(() => (this.playPending = false));
    }
    const b = sb.buffered;
    // An append started by `append()` may already run when this (queued) updateend is handled.
    if (sb.updating) return;
    if (b.length > 0 && v.currentTime - b.start(0) > KEEP_BEHIND_S + 2) {
      sb.remove(0, v.currentTime - KEEP_BEHIND_S);
      return; // its own updateend continues the queue
    }
    this.pump();
  };

  private readonly onVideoError = () => {
    if (this.ms && this.video.error) this.onFatal('decode');
  };

  /** An init segment starts with an `ftyp` box; fragments start with `moof`. */
  private isInit(data: Uint8Array): boolean {
    return data.length >= 8 && data[4] === 0x66 && data[5] === 0x74 && data[6] === 0x79 && data[7] === 0x70;
  }

  private dropQueuedMedia(): void {
    this.queue = this.queue.filter((d) => this.isInit(d));
    this.queuedMedia = 0;
  }

  private teardown(): void {
    this.queue = [];
    this.queuedMedia = 0;
    this.waitKey = true;
    this.sb?.removeEventListener('updateend', this.onUpdateEnd);
    this.sb = null;
    const had = this.ms !== null;
    this.ms = null;
    this.mime = null;
    this.appended = 0;
    if (had) {
      this.video.removeAttribute('src');
      this.video.load();
    }
  }
}
