import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type { PublicTracking, publicIncidentCreateSchema } from '@pantau/shared';
import { DomainError, forbidden, notFound, conflict } from '../../platform/http/errors.ts';
import { safeEqual, sha256Hex } from '../../platform/crypto/tokens.ts';
import type { IncidentCore } from './incidents.core.ts';
import type { IncidentsService } from './incidents.service.ts';
import { TenancyRepository } from '../tenancy/index.ts';
import { DEFAULT_REOPEN_DAYS, reopenDeadline } from './incidents.lifecycle.ts';
import type { IncidentEvidenceService } from './incidents.evidence.ts';

/** A reporter may add a few photos to a fresh report, not use it as free image hosting. */
export const PUBLIC_PHOTO_LIMIT = { perIncident: 3, withinHours: 24 };

/** The public side: report without an account, track by ticket, reopen with the reopen code. */
export class IncidentPublicService {
  constructor(
    private readonly core: IncidentCore,
    private readonly incidents: IncidentsService,
    private readonly reopenDays = DEFAULT_REOPEN_DAYS,
    private readonly evidence: IncidentEvidenceService | null = null,
  ) {}

  /**
   * A photo for a report just made, proven by its reopen code (shown only to the reporter).
   * The evidence service checks the magic bytes and keeps an EXIF-free copy, as for the console.
   */
  async attachPhoto(ticket: string, reopenCode: string, bytes: Uint8Array): Promise<{ id: string }> {
    const { core } = this;
    const inc = await core.repo.findByTicket(core.db, ticket);
    if (!inc) throw notFound('Tiket');
    if (!inc.reopen_code_hash || !safeEqual(inc.reopen_code_hash, sha256Hex(reopenCode))) throw forbidden('Kode laporan salah');
    if (core.clock.now().getTime() - inc.created_at.getTime() > PUBLIC_PHOTO_LIMIT.withinHours * 3_600_000) throw conflict('Foto hanya dapat ditambahkan dalam 24 jam setelah melapor');
    const photos = (await core.repo.listAttachments(core.db, inc.id)).filter((a) => a.kind === 'photo');
    if (photos.length >= PUBLIC_PHOTO_LIMIT.perIncident) throw conflict(`Paling banyak ${PUBLIC_PHOTO_LIMIT.perIncident} foto per laporan`);
    if (!this.evidence) throw new DomainError('unavailable', 'Unggah foto tidak tersedia');
    return this.evidence.attachPhoto(null, inc.id, bytes, inc.tenant_id);
  }

  async tenantOf(slug: string | null): Promise<{ id: string; slug: string; name: string }> {
    const t = await new TenancyRepository().publicTenant(this.core.db, slug);
    if (!t) throw notFound('Yurisdiksi');
    return t;
  }

  /** Returns the ticket and, once, the code that lets the reporter reopen. */
  async create(slug: string | null, input: z.output<typeof publicIncidentCreateSchema>): Promise<{ ticket: string; reopenCode: string; id: string }> {
    const tenant = await this.tenantOf(slug);
    const reopenCode = randomBytes(12).toString('base64url');
    const row = await this.incidents.insert(null, { ...input, channel: 'web', priority: undefined }, { channel: 'web', tenantId: tenant.id, reopenCodeHash: sha256Hex(reopenCode) });
    return { ticket: row.ticket, reopenCode, id: row.id };
  }

  /** Status history only: no reporter, no notes, no agencies. */
  async track(ticket: string): Promise<PublicTracking> {
    const inc = await this.core.repo.findByTicket(this.core.db, ticket);
    if (!inc) throw notFound('Tiket');
    const events = await this.core.repo.listEvents(this.core.db, inc.id, true);
    return {
      ticket: inc.ticket,
      category: inc.category_code,
      status: inc.status as PublicTracking['status'],
      createdAt: inc.created_at.toISOString(),
      regionCode: inc.region_code,
      history: events.filter((e) => e.to_status).map((e) => ({ at: e.at.toISOString(), status: e.to_status as PublicTracking['status'] })),
      canReopenUntil: this.reopenUntil(inc)?.toISOString() ?? null,
    };
  }

  async reopen(ticket: string, reopenCode: string, reason: string): Promise<PublicTracking> {
    const { core } = this;
    const inc = await core.repo.findByTicket(core.db, ticket);
    if (!inc) throw notFound('Tiket');
    if (!inc.reopen_code_hash || !safeEqual(inc.reopen_code_hash, sha256Hex(reopenCode))) throw forbidden('Kode pembukaan kembali salah');
    const until = this.reopenUntil(inc);
    if (!until) throw conflict('Laporan hanya dapat dibuka kembali setelah diselesaikan');
    if (core.clock.now() > until) throw new DomainError('conflict', 'Batas waktu membuka kembali sudah lewat', { until: until.toISOString() });
    const row = await core.db.transaction().execute(async (tx) => {
      const locked = (await core.repo.lockForUpdate(tx, inc.tenant_id, inc.id))!;
      const updated = await core.repo.update(tx, inc.tenant_id, inc.id, { status: 'in_progress', resolved_at: null, closed_at: null, updated_at: core.clock.now() });
      await core.record(tx, null, locked, { kind: 'reopened', action: 'incident.reopen', from: locked.status as PublicTracking['status'], to: 'in_progress', note: reason, public: true });
      return updated;
    });
    await core.broadcast(row, 'reopened');
    return this.track(ticket);
  }

  private reopenUntil(inc: { status: string; resolved_at: Date | null; closed_at: Date | null }): Date | null {
    return reopenDeadline(inc, this.reopenDays);
  }
}
