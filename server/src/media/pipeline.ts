import { StreamIngest } from './ingest/stream-ingest.ts';
import { LiveHub, type LiveHubLimits, type LiveViewer } from './live/live-hub.ts';
import type { CameraSource, CameraStatusEvent, PictureSink, StreamKind } from './types.ts';

/** Where recorded pictures go; the recorder implements it. */
export interface RecorderPort {
  sink(cameraId: string, stream: StreamKind): PictureSink;
}

export interface MediaPipelineOptions {
  now?: () => number;
  recorder?: RecorderPort | null;
  deadAfterMs?: number;
  backoffMs?: readonly number[];
  /** A sub stream nobody watches is disconnected after this long. */
  subIdleMs?: number;
  liveLimits?: Partial<LiveHubLimits>;
}

export type SubscribeResult = { ok: true; unsubscribe: () => void } | { ok: false; reason: 'not-attached' };

interface StreamSlot {
  ingest: StreamIngest;
  hub: LiveHub;
}

interface CameraEntry {
  source: CameraSource;
  key: string;
  main: StreamSlot;
  sub: StreamSlot | null;
  subIdle: NodeJS.Timeout | null;
}

/** An RTSP URL with the camera's credentials put back in (they are stored apart, encrypted). */
export function withCredentials(url: string, username: string | null, password: string | null): string {
  if (!username && !password) return url;
  const u = new URL(url);
  u.username = encodeURIComponent(username ?? '');
  u.password = encodeURIComponent(password ?? '');
  return u.toString();
}

/**
 * The media pipeline of one process: pulls each attached camera's main stream continuously (for
 * recording and status), its sub stream on demand (for grids), and fans both out to live viewers.
 * One camera's trouble stays in its own ingest: nothing here throws across cameras.
 */
export class MediaPipeline {
  private readonly cameras = new Map<string, CameraEntry>();
  private readonly statusListeners = new Set<(e: CameraStatusEvent) => void>();
  private readonly lastStatus = new Map<string, CameraStatusEvent>();

  constructor(private readonly opts: MediaPipelineOptions = {}) {}

  /** Starts (or restarts, when its source changed) pulling a camera. */
  attach(source: CameraSource): void {
    const key = JSON.stringify(source);
    const existing = this.cameras.get(source.cameraId);
    if (existing?.key === key) return;
    if (existing) this.detach(source.cameraId);
    const main = this.slot(source, 'main', source.mainUrl);
    if (source.record && this.opts.recorder) main.ingest.addSink(this.opts.recorder.sink(source.cameraId, 'main'));
    main.ingest.start();
    this.cameras.set(source.cameraId, { source, key, main, sub: null, subIdle: null });
  }

  detach(cameraId: string): void {
    const e = this.cameras.get(cameraId);
    if (!e) return;
    this.cameras.delete(cameraId);
    if (e.subIdle) clearTimeout(e.subIdle);
    e.main.ingest.stop();
    e.sub?.ingest.stop();
    this.lastStatus.delete(cameraId);
  }

  attachedIds(): string[] {
    return [...this.cameras.keys()];
  }

  /** Live fMP4 of a camera stream; the sub stream falls back to main when the camera has none. */
  subscribe(cameraId: string, stream: StreamKind, viewer: LiveViewer): SubscribeResult {
    const e = this.cameras.get(cameraId);
    if (!e) return { ok: false, reason: 'not-attached' };
    const slot = stream === 'sub' && e.source.subUrl ? this.subSlot(e) : e.main;
    const off = slot.hub.subscribe(viewer);
    return {
      ok: true,
      unsubscribe: () => {
        off();
        if (slot !== e.main && slot.hub.viewerCount === 0) this.scheduleSubIdle(e);
      },
    };
  }

  onStatus(listener: (e: CameraStatusEvent) => void): () => void {
    this.statusListeners.add(listener);
    return () => void this.statusListeners.delete(listener);
  }

  status(cameraId: string): CameraStatusEvent | null {
    return this.lastStatus.get(cameraId) ?? null;
  }

  /** Live fan-out figures for metrics and benchmarks. */
  liveStats(cameraId: string): { viewers: number; cachedBytes: number; skippedForBacklog: number } | null {
    const e = this.cameras.get(cameraId);
    if (!e) return null;
    const hubs = [e.main.hub, ...(e.sub ? [e.sub.hub] : [])];
    return {
      viewers: hubs.reduce((n, h) => n + h.viewerCount, 0),
      cachedBytes: hubs.reduce((n, h) => n + h.cachedBytes, 0),
      skippedForBacklog: hubs.reduce((n, h) => n + h.counters.skippedForBacklog, 0),
    };
  }

  /** Totals across attached cameras, for Prometheus and the ingest benchmark. */
  counters(): { cameras: number; online: number; frames: number; bytes: number; viewers: number; perCamera: Record<string, number> } {
    let frames = 0;
    let bytes = 0;
    let viewers = 0;
    let online = 0;
    const perCamera: Record<string, number> = {};
    for (const [id, e] of this.cameras) {
      frames += e.main.ingest.totals.frames;
      bytes += e.main.ingest.totals.bytes;
      perCamera[id] = e.main.ingest.totals.frames;
      viewers += e.main.hub.viewerCount + (e.sub?.hub.viewerCount ?? 0);
      if (this.lastStatus.get(id)?.status === 'online') online++;
    }
    return { cameras: this.cameras.size, online, frames, bytes, viewers, perCamera };
  }

  close(): void {
    for (const id of [...this.cameras.keys()]) this.detach(id);
  }

  private slot(source: CameraSource, stream: StreamKind, url: string): StreamSlot {
    const hub = new LiveHub(this.opts.liveLimits);
    const ingest = new StreamIngest({
      cameraId: source.cameraId,
      stream,
      url: withCredentials(url, source.username, source.password),
      transport: source.transport ?? 'tcp',
      now: this.opts.now,
      deadAfterMs: this.opts.deadAfterMs,
      backoffMs: this.opts.backoffMs,
      // the main stream speaks for the camera's health; a sub stream's trouble only ends its viewers,
      // at once, so players can fall back to the main stream
      onStatus: stream === 'main' ? (ev) => this.publish(ev) : (ev) => ev.status !== 'online' && hub.unavailable(ev.reason ?? ev.status),
    });
    ingest.addSink(hub);
    return { ingest, hub };
  }

  private subSlot(e: CameraEntry): StreamSlot {
    if (e.subIdle) {
      clearTimeout(e.subIdle);
      e.subIdle = null;
    }
    if (!e.sub) {
      e.sub = this.slot(e.source, 'sub', e.source.subUrl!);
      e.sub.ingest.start();
    }
    return e.sub;
  }

  private scheduleSubIdle(e: CameraEntry): void {
    if (e.subIdle) clearTimeout(e.subIdle);
    e.subIdle = setTimeout(() => {
      e.subIdle = null;
      if (e.sub && e.sub.hub.viewerCount === 0) {
        e.sub.ingest.stop();
        e.sub = null;
      }
    }, this.opts.subIdleMs ?? 30_000);
    e.subIdle.unref();
  }

  private publish(ev: CameraStatusEvent): void {
    this.lastStatus.set(ev.cameraId, ev);
    for (const l of this.statusListeners) {
      try {
        l(ev);
      } catch {
        // a listener's failure must not reach the ingest loop
      }
    }
  }
}
