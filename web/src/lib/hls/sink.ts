/**
 * Appends HLS fMP4 pieces to a <video> through Media Source Extensions (or Safari's
 * ManagedMediaSource), one at a time, and keeps the playhead near the live edge.
 */

import { mediaSourceClass, rangesOf } from '../live/mseSink.ts';

/** Buffer kept behind the playhead; older is removed so memory stays flat for days. */
const KEEP_BEHIND_S = 10;
const STARTUP_MS = 3000;

/**
 * The playhead's decision for a live buffer, given the hold-back the playlist asks for: jump when
 * far behind (`jumpAbove`) or in a gap, play 8 % faster when somewhat behind, normal speed near
 * the target. Pure.
 */
export function edgeDecision(ranges: [number, number][], t: number, holdBack: number, jumpAbove = holdBack + 3): { seek: number | null; rate: number } {
  if (ranges.length === 0) return { seek: null, rate: 1 };
  const [lastStart, end] = ranges[ranges.length - 1]!;
  const lag = end - t;
  if (lag > jumpAbove) return { seek: Math.max(lastStart, end - holdBack), rate: 1 };
  if (!ranges.some(([s, e]) => t >= s && t < e)) {
    const next = ranges.find(([s]) => s > t);
    return { seek: next ? next[0] : null, rate: 1 };
  }
  return { seek: null, rate: lag > holdBack + 1 ? 1.08 : 1 };
}

/** One MediaSource with one SourceBuffer for a MIME type; `append` resolves when the bytes are in. */
export class HlsSink {
  private sb: SourceBuffer | null = null;
  private readonly url: string;
  private readonly ready: Promise<void>;
  private readonly createdAt = performance.now();

  constructor(
    private readonly video: HTMLVideoElement,
    readonly mime: string,
    private readonly holdBack: number,
  ) {
    const MS = mediaSourceClass()!;
    const ms = new MS();
    this.url = URL.createObjectURL(ms);
    this.ready = new Promise((resolve, reject) => {
      ms.addEventListener(
        'sourceopen',
        () => {
          try {
            this.sb = ms.addSourceBuffer(mime);
            this.sb.mode = 'segments';
            resolve();
          } catch (e) {
            reject(e instanceof Error ? e : new Error(String(e)));
          }
        },
        { once: true },
      );
    });
    (video as HTMLVideoElement & { disableRemotePlayback: boolean }).disableRemotePlayback = true;
    video.src = this.url;
  }

  /** Appends one init segment, part or segment; rejects when the browser refuses it. */
  async append(data: Uint8Array): Promise<void> {
    await this.ready;
    const sb = this.sb!;
    try {
      await this.run(sb, () => sb.appendBuffer(data as Uint8Array<ArrayBuffer>));
    } catch (e) {
      if (!(e instanceof DOMException && e.name === 'QuotaExceededError')) throw e;
      // full: free everything behind the playhead and try once more
      const t = this.video.currentTime;
      if (t > 1) await this.run(sb, () => sb.remove(0, t - 0.5));
      await this.run(sb, () => sb.appendBuffer(data as Uint8Array<ArrayBuffer>));
    }
    await this.tend();
  }

  /** Keeps the playhead live and the buffer short; starts playback once there is something. */
  async tend(): Promise<void> {
    const sb = this.sb;
    if (!sb || sb.updating) return;
    const v = this.video;
    const ranges = rangesOf(sb.buffered);
    // joining starts at a keyframe up to a segment further back; in the first seconds a small
    // excess already jumps, later only a large one (a jump is a visible skip)
    const startup = performance.now() - this.createdAt < STARTUP_MS;
    const edge = edgeDecision(ranges, v.currentTime, this.holdBack, this.holdBack + (startup ? 0.5 : 3));
    if (edge.seek !== null) v.currentTime = edge.seek;
    if (edge.rate !== v.playbackRate) v.playbackRate = edge.rate;
    if (v.paused && ranges.length) void v.play().catch(() => undefined);
    const first = ranges[0];
    if (first && v.currentTime - first[0] > KEEP_BEHIND_S + 5) await this.run(sb, () => sb.remove(0, v.currentTime - KEEP_BEHIND_S));
  }

  /** Releases the MediaSource and blanks the video. */
  destroy(): void {
    this.sb = null;
    URL.revokeObjectURL(this.url);
    this.video.removeAttribute('src');
    this.video.load();
  }

  private run(sb: SourceBuffer, op: () => void): Promise<void> {
    return new Promise((resolve, reject) => {
      const done = () => {
        sb.removeEventListener('updateend', done);
        sb.removeEventListener('error', fail);
        resolve();
      };
      const fail = () => {
        sb.removeEventListener('updateend', done);
        sb.removeEventListener('error', fail);
        reject(new Error('append failed'));
      };
      sb.addEventListener('updateend', done);
      sb.addEventListener('error', fail);
      try {
        op();
      } catch (e) {
        sb.removeEventListener('updateend', done);
        sb.removeEventListener('error', fail);
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    });
  }
}
