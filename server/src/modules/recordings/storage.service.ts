/** The storage page: use per camera and region, days kept, days the budget lasts; per-camera retention. */
import { statfs } from 'node:fs/promises';
import type { Storage } from '@pantau/shared';
import type { Db } from '../../platform/db/database.ts';
import type { Actor } from '../../platform/authz/actor.ts';
import type { Policy } from '../../platform/authz/policy.ts';
import { notFound } from '../../platform/http/errors.ts';
import type { AuditWriter } from '../audit/index.ts';
import type { CamerasService } from '../cameras/index.ts';
import { RecordingsRepository } from './recordings.repository.ts';

const DAY = 86_400_000;

export interface StorageServiceOptions {
  dataDir: string;
  budgetBytes: number;
  defaultRetentionDays: number | null;
  now: () => number;
}

export class StorageService {
  private readonly repo = new RecordingsRepository();
  constructor(
    private readonly db: Db,
    private readonly policy: Policy,
    private readonly audit: AuditWriter,
    private readonly cameras: CamerasService,
    private readonly o: StorageServiceOptions,
  ) {}

  async summary(actor: Actor): Promise<Storage> {
    this.policy.authorize(actor, 'storage.read');
    const ids = (await this.cameras.markers(actor, {})).map((m) => m.id);
    const rows = await this.repo.storage(this.db, actor.tenantId, ids);
    const now = this.o.now();
    const cams = rows.map((r) => {
      const daysRetained = r.oldest ? Math.max(0, (now - r.oldest.getTime()) / DAY) : 0;
      // the average over what is kept: no scan of recent recordings, so it stays cheap for 10,000 cameras
      const bytesPerDay = r.bytes > 0 ? r.bytes / Math.max(daysRetained, 1 / 24) : 0;
      return { r, daysRetained, bytesPerDay };
    });
    const totalBytes = cams.reduce((n, c) => n + c.r.bytes, 0);
    const bytesPerDay = cams.reduce((n, c) => n + c.bytesPerDay, 0);
    // days the budget holds at today's rate; retention may cut a camera shorter
    const budgetDays = bytesPerDay > 0 ? this.o.budgetBytes / bytesPerDay : null;
    const regionBytes = new Map<string, { bytes: number; cameras: number }>();
    for (const c of cams) {
      const e = regionBytes.get(c.r.region_code) ?? { bytes: 0, cameras: 0 };
      e.bytes += c.r.bytes;
      e.cameras++;
      regionBytes.set(c.r.region_code, e);
    }
    const names = await this.repo.regionNames(this.db, [...regionBytes.keys()]);
    let volume: Storage['volume'] = null;
    try {
      const s = await statfs(this.o.dataDir);
      volume = { sizeBytes: s.blocks * s.bsize, freeBytes: s.bavail * s.bsize };
    } catch {
      // a data directory on an unusual filesystem: no volume figures
    }
    return {
      totalBytes,
      heldBytes: cams.reduce((n, c) => n + c.r.held_bytes, 0),
      budgetBytes: this.o.budgetBytes,
      defaultRetentionDays: this.o.defaultRetentionDays,
      volume,
      bytesPerDay,
      projectedDays: budgetDays === null ? null : round1(Math.min(budgetDays, this.o.defaultRetentionDays ?? Infinity)),
      cameras: cams.map(({ r, daysRetained, bytesPerDay: perDay }) => {
        const retention = r.retention_days ?? this.o.defaultRetentionDays;
        const projected = budgetDays === null || perDay === 0 ? null : Math.min(budgetDays, retention ?? Infinity);
        return {
          cameraId: r.camera_id,
          name: r.name,
          code: r.code,
          regionCode: r.region_code,
          bytes: r.bytes,
          recordings: r.recordings,
          oldest: r.oldest?.toISOString() ?? null,
          daysRetained: round1(daysRetained),
          retentionDays: r.retention_days,
          bytesPerDay: Math.round(perDay),
          projectedDays: projected === null ? null : round1(projected),
          heldBytes: r.held_bytes,
        };
      }),
      regions: [...regionBytes].map(([code, v]) => ({ regionCode: code, regionName: names.get(code) ?? code, bytes: v.bytes, cameras: v.cameras })).sort((a, b) => b.bytes - a.bytes),
    };
  }

  async setRetention(actor: Actor, cameraId: string, days: number | null): Promise<{ retentionDays: number | null }> {
    this.policy.authorize(actor, 'storage.manage');
    await this.cameras.get(actor, cameraId);
    await this.db.transaction().execute(async (tx) => {
      if (!(await this.repo.setRetention(tx, actor.tenantId, cameraId, days))) throw notFound('Kamera');
      await this.audit.record(tx, actor, { action: 'camera.retention', targetType: 'camera', targetId: cameraId, details: { retentionDays: days } });
    });
    return { retentionDays: days };
  }
}

const round1 = (n: number): number => Math.round(n * 10) / 10;
