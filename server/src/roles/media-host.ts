import { statfs } from 'node:fs/promises';
import type { FastifyBaseLogger } from 'fastify';
import { Counter, Gauge, type Registry } from 'prom-client';
import type { MediaPipeline, Recorder } from '../media/index.ts';
import type { CameraMediaService } from '../modules/cameras/index.ts';

export interface MediaHostOptions {
  pipeline: MediaPipeline;
  cameras: CameraMediaService;
  log: FastifyBaseLogger;
  /** This process's stable name among the media processes sharing the database. */
  node: string;
  /** Most cameras this process takes; null for no limit. */
  capacity?: number | null;
  /** How long this process's cameras stay its own without a heartbeat. */
  leaseMs?: number;
  /** How often the camera registry is checked for changes. */
  syncMs?: number;
  record: boolean;
  /** With a recorder: retention days, then this many bytes at most (oldest first), never held evidence. */
  recorder?: Recorder | null;
  budgetBytes?: number;
  retentionDays?: number | null;
  /** Free bytes kept on the recordings volume (default 1 GB). */
  minFreeBytes?: number;
  dataDir?: string;
  budgetEveryMs?: number;
}

/**
 * Glue between the camera registry and the media pipeline: attaches every enabled camera, follows
 * registry changes (create, edit, disable, delete) within seconds, and writes camera health back.
 * Works the same when the media role runs in its own process: both sides meet in PostgreSQL.
 */
export function startMediaHost(o: MediaHostOptions): { sync(): Promise<void>; stop(): Promise<void> } {
  let stamp = '';
  let held = '';
  let running: Promise<void> | null = null;
  const leaseMs = o.leaseMs ?? 30_000;
  const sync = async () => {
    // the claim renews this process's lease every time; sources are reloaded only when something changed
    const ids = await o.cameras.claim(o.node, o.capacity ?? null, leaseMs);
    const now = await o.cameras.changeStamp();
    const key = ids.join(',');
    if (now === stamp && key === held) return;
    const sources = await o.cameras.sourcesFor(ids);
    const wanted = new Set(ids);
    for (const id of o.pipeline.attachedIds()) if (!wanted.has(id)) o.pipeline.detach(id);
    for (const s of sources) o.pipeline.attach({ ...s, record: o.record });
    stamp = now;
    held = key;
    o.log.info({ node: o.node, cameras: sources.length }, 'media: camera registry synchronised');
  };
  const tick = () => {
    running ??= sync()
      .catch((err) => o.log.error({ err }, 'media: camera sync failed'))
      .finally(() => (running = null));
    return running;
  };
  const offStatus = o.pipeline.onStatus((e) => {
    o.cameras.recordHealth({ cameraId: e.cameraId, status: e.status, reason: e.reason, lastFrameAt: e.lastFrameAt }, Date.now()).catch((err) => o.log.warn({ err, cameraId: e.cameraId }, 'media: status not saved'));
  });
  const timer = setInterval(() => void tick(), o.syncMs ?? 5000);
  timer.unref();
  void tick();
  const recorder = o.recorder;
  let warnedHeld = false;
  const budget = recorder && o.budgetBytes
    ? setInterval(() => {
        void (async () => {
          const free = o.dataDir ? await statfs(o.dataDir).then((s) => s.bavail * s.bsize, () => null) : null;
          const r = await recorder.enforceRetention({ budgetBytes: o.budgetBytes!, defaultRetentionDays: o.retentionDays ?? null, nowMs: Date.now(), minFreeBytes: o.minFreeBytes ?? 1e9, freeBytes: free });
          if (r.deleted) o.log.info(r, 'media: expired and oldest recordings deleted (retention, disk budget)');
          if (r.heldOverBudget && !warnedHeld) o.log.warn(r, 'media: over the disk budget with only held evidence or open recordings left to delete');
          warnedHeld = r.heldOverBudget;
        })().catch((err) => o.log.error({ err }, 'media: retention failed'));
      }, o.budgetEveryMs ?? 60_000)
    : null;
  budget?.unref();
  return {
    sync: tick,
    stop: async () => {
      clearInterval(timer);
      if (budget) clearInterval(budget);
      offStatus();
      await running;
      o.pipeline.close();
      // hand the cameras back now rather than when the lease runs out
      await o.cameras.release(o.node).catch((err) => o.log.warn({ err }, 'media: cameras not released'));
    },
  };
}

/** Media figures on /metrics: cameras attached and online, frames and bytes received, live viewers. */
export function registerMediaMetrics(registry: Registry, pipeline: MediaPipeline): void {
  const read = () => pipeline.counters();
  new Gauge({ name: 'pantau_media_cameras', help: 'Cameras attached to this media process', registers: [registry], collect() { this.set(read().cameras); } });
  new Gauge({ name: 'pantau_media_cameras_online', help: 'Attached cameras currently online', registers: [registry], collect() { this.set(read().online); } });
  new Gauge({ name: 'pantau_media_live_viewers', help: 'Live viewers across all cameras', registers: [registry], collect() { this.set(read().viewers); } });
  new Counter({ name: 'pantau_media_frames_received_total', help: 'Pictures received from cameras (main streams)', registers: [registry], collect() { this.reset(); this.inc(read().frames); } });
  new Counter({ name: 'pantau_media_bytes_received_total', help: 'Video bytes received from cameras (main streams)', registers: [registry], collect() { this.reset(); this.inc(read().bytes); } });
}
