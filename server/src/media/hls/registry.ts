import { randomBytes } from 'node:crypto';
import type { LiveViewer } from '../live/live-hub.ts';
import type { StreamKind } from '../types.ts';
import { HlsPackager, type HlsPackagerOptions } from './packager.ts';

/** The part of the media pipeline the registry needs (MediaPipeline.subscribe). */
export interface HlsSource {
  subscribe(cameraId: string, stream: StreamKind, viewer: LiveViewer): { ok: true; unsubscribe: () => void } | { ok: false; reason: string };
}

export interface HlsPackagersOptions {
  /** A packager nobody asked anything for this long is dropped (and unsubscribed). */
  idleMs?: number;
  /** A packager offline this long is rebuilt on the next request: the camera may have been re-attached. */
  staleOfflineMs?: number;
  now?: () => number;
  packager?: Omit<HlsPackagerOptions, 'generation' | 'now'>;
}

interface Entry {
  packager: HlsPackager;
  unsubscribe: () => void;
  lastUsed: number;
}

/**
 * One HLS packager per watched camera, made on the first request and dropped after the last:
 * whatever the number of viewers, a camera is one live-hub subscriber. Prefers the sub stream
 * (phones), which the pipeline falls back to main for cameras without one.
 */
export class HlsPackagers {
  private readonly entries = new Map<string, Entry>();
  private readonly now: () => number;
  private readonly idleMs: number;
  private readonly staleOfflineMs: number;
  private readonly sweeper: NodeJS.Timeout;

  constructor(private readonly source: HlsSource, private readonly opts: HlsPackagersOptions = {}) {
    this.now = opts.now ?? Date.now;
    this.idleMs = opts.idleMs ?? 30_000;
    this.staleOfflineMs = opts.staleOfflineMs ?? 5_000;
    this.sweeper = setInterval(() => this.sweep(), Math.max(250, Math.min(5_000, this.idleMs / 3)));
    this.sweeper.unref();
  }

  /** The camera's packager (made on demand), or null when the camera is not attached here. */
  acquire(cameraId: string): HlsPackager | null {
    const t = this.now();
    let e = this.entries.get(cameraId);
    if (e && e.packager.offlineSince !== null && t - e.packager.offlineSince > this.staleOfflineMs) {
      this.drop(cameraId);
      e = undefined;
    }
    if (!e) {
      // base36 time plus randomness: unique across restarts, so cached URLs never collide
      const generation = `${t.toString(36)}${randomBytes(3).toString('hex')}`;
      const packager = new HlsPackager({ ...this.opts.packager, generation, now: this.now });
      const sub = this.source.subscribe(cameraId, 'sub', packager);
      if (!sub.ok) return null;
      e = { packager, unsubscribe: sub.unsubscribe, lastUsed: t };
      this.entries.set(cameraId, e);
    }
    e.lastUsed = t;
    return e.packager;
  }

  /** The packager if one exists (no side effects), for media file requests. */
  peek(cameraId: string): HlsPackager | null {
    const e = this.entries.get(cameraId);
    if (e) e.lastUsed = this.now();
    return e?.packager ?? null;
  }

  /** Packagers and bytes held, for metrics and tests. */
  stats(): { packagers: number; bytes: number } {
    let bytes = 0;
    for (const e of this.entries.values()) bytes += e.packager.bytesHeld;
    return { packagers: this.entries.size, bytes };
  }

  /** Drops idle packagers now (the timer calls it too). */
  sweep(): void {
    const t = this.now();
    for (const [id, e] of this.entries) if (t - e.lastUsed > this.idleMs) this.drop(id);
  }

  close(): void {
    clearInterval(this.sweeper);
    for (const id of [...this.entries.keys()]) this.drop(id);
  }

  private drop(cameraId: string): void {
    const e = this.entries.get(cameraId);
    if (!e) return;
    this.entries.delete(cameraId);
    e.unsubscribe();
    e.packager.close();
  }
}
