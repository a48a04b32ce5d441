import type { IncidentDetail } from '@pantau/shared';
import type { Actor } from '../../platform/authz/actor.ts';
import { DomainError, notFound } from '../../platform/http/errors.ts';
import type { CamerasService } from '../cameras/index.ts';
import type { ExportsService } from '../recordings/index.ts';
import type { IncidentCore } from './incidents.core.ts';
import type { IncidentsService } from './incidents.service.ts';
import { distanceM } from './incidents.geo.ts';
import { checkPhoto, publicCopy } from './incidents.photos.ts';

/** Photos, nearby cameras and recording attachments of an incident. */
export class IncidentEvidenceService {
  constructor(
    private readonly core: IncidentCore,
    private readonly incidents: IncidentsService,
    private readonly cameras: CamerasService,
    private readonly exports: ExportsService | null,
  ) {}

  /** Cameras the actor may see within `radius` metres, nearest first. */
  async nearbyCameras(actor: Actor, id: string, radius: number) {
    this.core.policy.authorize(actor, 'incident.read');
    const inc = await this.core.load(this.core.db, actor, id);
    const markers = await this.cameras.markers(actor, {});
    return markers
      .map((m) => ({ id: m.id, name: m.name, lat: m.lat, lng: m.lng, status: m.status, distanceM: Math.round(distanceM(inc.lat, inc.lng, m.lat, m.lng)) }))
      .filter((m) => m.distanceM <= radius)
      .sort((a, b) => a.distanceM - b.distanceM);
  }

  /**
   * Attaches "from T−n min to now" of a camera: an evidence export of that range with a hold (case
   * number = the ticket), whose progress the attachment shows.
   */
  async attachRecording(actor: Actor, id: string, input: { cameraId: string; minutesBefore: number }): Promise<IncidentDetail> {
    this.core.policy.authorize(actor, 'incident.manage');
    const { core } = this;
    await this.cameras.get(actor, input.cameraId).catch(() => {
      throw new DomainError('validation_failed', 'Kamera tidak dikenal', [{ path: 'body.cameraId', message: 'kamera tidak dikenal' }]);
    });
    const now = core.clock.now();
    const from = new Date(now.getTime() - input.minutesBefore * 60_000);
    const ticket = (await core.load(core.db, actor, id)).ticket;
    const exported = this.exports
      ? await this.exports.create(actor, { cameraIds: [input.cameraId], from: from.toISOString(), to: now.toISOString(), reason: `Insiden ${ticket}`, caseNumber: ticket, hold: true })
      : null;
    await core.db.transaction().execute(async (tx) => {
      const inc = await core.lock(tx, actor, id);
      const a = await core.repo.insertAttachment(tx, { incident_id: id, kind: 'recording', camera_id: input.cameraId, from_at: from, to_at: now, hold: true, export_status: 'pending', export_id: exported?.id ?? null, created_by: actor.userId, created_at: now });
      await core.record(tx, actor, inc, { kind: 'recording', action: 'incident.recording.attach', note: `${from.toISOString()} – ${now.toISOString()}`, details: { attachmentId: a.id, cameraId: input.cameraId, from: from.toISOString(), to: now.toISOString(), hold: true } });
    });
    return this.incidents.get(actor, id);
  }

  /** Checks the magic bytes and size; keeps the original, and an EXIF-free copy for the public. */
  async attachPhoto(actor: Actor | null, id: string, bytes: Uint8Array, tenantId?: string): Promise<{ id: string }> {
    if (actor) this.core.policy.authorize(actor, 'incident.manage');
    const check = checkPhoto(bytes);
    if (!check.ok) {
      if (check.reason === 'too_large') throw new DomainError('payload_too_large', 'Foto lebih dari 5 MB');
      throw new DomainError('unsupported_media_type', 'Foto harus JPEG, PNG atau WebP');
    }
    const { core } = this;
    const out = await core.db.transaction().execute(async (tx) => {
      const inc = actor ? await core.lock(tx, actor, id) : await core.repo.lockForUpdate(tx, tenantId!, id);
      if (!inc) throw notFound('Insiden');
      const now = core.clock.now();
      const a = await core.repo.insertAttachment(tx, { incident_id: id, kind: 'photo', mime: check.mime, size: bytes.length, original: bytes, public_copy: publicCopy(check.mime, bytes), created_by: actor?.userId ?? null, created_at: now });
      await core.record(tx, actor, inc, { kind: 'photo', action: 'incident.photo.attach', details: { attachmentId: a.id, mime: check.mime, size: bytes.length } });
      return a;
    });
    return { id: out.id };
  }

  /** The original for roles that may see reporter data; everyone else gets the stripped copy or nothing. */
  async photo(actor: Actor, id: string, attachmentId: string): Promise<{ mime: string; bytes: Uint8Array }> {
    this.core.policy.authorize(actor, 'incident.read');
    await this.core.load(this.core.db, actor, id);
    const variant = this.core.policy.can(actor, 'incident.reporter.read') ? 'original' : 'public';
    const row = await this.core.repo.attachmentBytes(this.core.db, id, attachmentId, variant);
    if (!row?.bytes || !row.mime) throw notFound('Foto');
    return { mime: row.mime, bytes: row.bytes };
  }
}
