import type { LiveStream } from '@pantau/shared';
import type { Db } from '../../platform/db/database.ts';
import type { Actor } from '../../platform/authz/actor.ts';
import type { Policy } from '../../platform/authz/policy.ts';
import { DomainError } from '../../platform/http/errors.ts';
import type { AuditWriter } from '../audit/index.ts';
import type { CamerasService } from '../cameras/index.ts';
import type { LiveViewer, MediaPipeline } from '../../media/index.ts';

/** Opens live views: authorization and visibility first, then the media pipeline. */
export class LiveService {
  constructor(
    private readonly db: Db,
    private readonly policy: Policy,
    private readonly cameras: CamerasService,
    private readonly audit: AuditWriter,
    private readonly media: MediaPipeline | null,
  ) {}

  /** Subscribes a viewer; returns its unsubscribe. Throws not_found for cameras outside the actor's scope. */
  async open(actor: Actor, cameraId: string, stream: LiveStream, viewer: LiveViewer): Promise<() => void> {
    this.policy.authorize(actor, 'camera.live');
    const camera = await this.cameras.get(actor, cameraId);
    if (!this.media) throw new DomainError('unavailable', 'Modul media tidak berjalan di proses ini');
    if (!camera.enabled) throw new DomainError('unavailable', 'Kamera dinonaktifkan');
    const sub = this.media.subscribe(cameraId, stream, viewer);
    if (!sub.ok) throw new DomainError('unavailable', 'Kamera belum tersambung ke modul media');
    await this.db.transaction().execute((tx) => this.audit.record(tx, actor, { action: 'camera.live_view', targetType: 'camera', targetId: cameraId, details: { stream } }));
    return sub.unsubscribe;
  }

  /** Ids of the cameras this actor may watch, for filtering status broadcasts. */
  async visibleIds(actor: Actor): Promise<Set<string>> {
    return new Set((await this.cameras.markers(actor, {})).map((m) => m.id));
  }
}
