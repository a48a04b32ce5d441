import { pushInputSchema, type Display, type PairingApprove, type PortalTier, type PushInput } from '@pantau/shared';
import { pairingApproveSchema, displayUpdateSchema } from '@pantau/shared';
import type { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import type { Actor } from '../../platform/authz/actor.ts';
import type { Policy } from '../../platform/authz/policy.ts';
import type { Clock } from '../../platform/clock.ts';
import { conflict, DomainError, notFound } from '../../platform/http/errors.ts';
import { sha256Hex } from '../../platform/crypto/tokens.ts';
import type { AuditWriter } from '../audit/index.ts';
import { DisplaysRepository, type DisplayRow } from './displays.repository.ts';
import type { DisplayHub } from './displays.hub.ts';
import { presentDisplay, tiersFor } from './displays.present.ts';
import { checkCameras } from './displays.checks.ts';
import { timeZoneOfRegion } from './timezone.ts';

type DisplayUpdate = z.infer<typeof displayUpdateSchema>;

/** Registered displays from the console: approve a pairing, edit, revoke, push and resume. */
export class DisplaysService {
  private readonly repo = new DisplaysRepository();
  constructor(
    private readonly db: Db,
    private readonly policy: Policy,
    private readonly audit: AuditWriter,
    private readonly clock: Clock,
    private readonly hub: DisplayHub,
  ) {}

  async list(actor: Actor): Promise<Display[]> {
    this.policy.authorize(actor, 'display.read');
    return (await this.repo.listDisplays(this.db, actor.tenantId)).map((r) => this.present(r));
  }

  async get(actor: Actor, id: string): Promise<Display> {
    this.policy.authorize(actor, 'display.read');
    const r = await this.repo.findDisplay(this.db, actor.tenantId, id);
    if (!r) throw notFound('Layar');
    return this.present(r);
  }

  /** Approves the code a screen shows: the display exists from now; the screen gets its token on its next poll. */
  async approve(actor: Actor, raw: PairingApprove): Promise<Display> {
    this.policy.authorize(actor, 'display.manage');
    const input = pairingApproveSchema.parse(raw);
    if (input.playlistId) await this.checkPlaylist(actor, input.playlistId, 'body.playlistId');
    const now = this.clock.now();
    return this.db.transaction().execute(async (tx) => {
      const p = await this.repo.findPairingByCodeForUpdate(tx, input.code);
      if (!p || (!p.display_id && p.expires_at.getTime() <= now.getTime())) throw new DomainError('not_found', 'Kode pemasangan tidak dikenal atau sudah kedaluwarsa');
      if (p.display_id) throw conflict('Kode pemasangan ini sudah dipakai');
      // the lobby's clock and schedule windows follow the tenant's province zone (WIB, WITA, WIT)
      const timeZone = timeZoneOfRegion(await this.repo.tenantRegion(tx, actor.tenantId));
      const row = await this.repo.insertDisplay(tx, { tenant_id: actor.tenantId, name: input.name, location: input.location, tier: input.tier, playlist_id: input.playlistId, time_zone: timeZone, paired_at: now });
      await this.repo.attachPairing(tx, p.id, row.id);
      await this.audit.record(tx, actor, { action: 'display.pair', targetType: 'display', targetId: row.id, details: { name: row.name, tier: row.tier } });
      return this.present(row);
    });
  }

  async update(actor: Actor, id: string, raw: DisplayUpdate): Promise<Display> {
    this.policy.authorize(actor, 'display.manage');
    const input = displayUpdateSchema.parse(raw);
    if (input.playlistId) await this.checkPlaylist(actor, input.playlistId, 'body.playlistId');
    const row = await this.db.transaction().execute(async (tx) => {
      const cur = await this.repo.findDisplay(tx, actor.tenantId, id);
      if (!cur || cur.state !== 'active') throw notFound('Layar');
      const r = await this.repo.updateDisplay(tx, actor.tenantId, id, {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.location !== undefined ? { location: input.location } : {}),
        ...(input.tier !== undefined ? { tier: input.tier } : {}),
        ...(input.playlistId !== undefined ? { playlist_id: input.playlistId } : {}),
      });
      await this.audit.record(tx, actor, { action: 'display.update', targetType: 'display', targetId: id, details: { ...input } });
      return r!;
    });
    this.hub.emit({ tenantId: actor.tenantId, displayIds: [id] });
    return this.present(row);
  }

  /** Revokes a display: its token stops working at once and an open socket is told and closed. */
  async revoke(actor: Actor, id: string): Promise<void> {
    this.policy.authorize(actor, 'display.manage');
    await this.db.transaction().execute(async (tx) => {
      const cur = await this.repo.findDisplay(tx, actor.tenantId, id);
      if (!cur || cur.state !== 'active') throw notFound('Layar');
      await this.repo.updateDisplay(tx, actor.tenantId, id, { state: 'revoked', token_hash: null, push: null, playlist_id: null });
      await this.audit.record(tx, actor, { action: 'display.revoke', targetType: 'display', targetId: id, details: { name: cur.name } });
    });
    this.hub.emit({ tenantId: actor.tenantId, displayIds: [id], revoked: true });
  }

  /** Shows a camera, cameras or a scene now; with `seconds` the push ends by itself (`until`). */
  async push(actor: Actor, id: string, raw: PushInput): Promise<Display> {
    this.policy.authorize(actor, 'display.push');
    const push = pushInputSchema.parse(raw);
    const cur = await this.repo.findDisplay(this.db, actor.tenantId, id);
    if (!cur || cur.state !== 'active') throw notFound('Layar');
    await this.checkPush(actor, cur.tier as PortalTier, push);
    const at = this.clock.now();
    const until = push.seconds ? new Date(at.getTime() + push.seconds * 1000).toISOString() : null;
    const row = await this.db.transaction().execute(async (tx) => {
      const r = await this.repo.updateDisplay(tx, actor.tenantId, id, { push: JSON.stringify({ push, at: at.toISOString(), until }) });
      await this.audit.record(tx, actor, { action: 'display.push', targetType: 'display', targetId: id, details: { push, until } });
      return r!;
    });
    this.hub.emit({ tenantId: actor.tenantId, displayIds: [id] });
    return this.present(row);
  }

  /** Ends a push: the display returns to its playlist. */
  async resume(actor: Actor, id: string): Promise<Display> {
    this.policy.authorize(actor, 'display.push');
    const row = await this.db.transaction().execute(async (tx) => {
      const cur = await this.repo.findDisplay(tx, actor.tenantId, id);
      if (!cur || cur.state !== 'active') throw notFound('Layar');
      const r = await this.repo.updateDisplay(tx, actor.tenantId, id, { push: null });
      await this.audit.record(tx, actor, { action: 'display.resume', targetType: 'display', targetId: id });
      return r!;
    });
    this.hub.emit({ tenantId: actor.tenantId, displayIds: [id] });
    return this.present(row);
  }

  /** `{ tenantId, tier, displayId }` of an active display's token, or null: the portal and HLS count a display as a viewer of its tier. */
  async viewerOfToken(token: string | null | undefined): Promise<{ tenantId: string; tier: PortalTier; displayId: string } | null> {
    if (!token || token.length > 256) return null;
    const d = await this.repo.findActiveByTokenHash(this.db, sha256Hex(token));
    return d ? { tenantId: d.tenant_id, tier: d.tier as PortalTier, displayId: d.id } : null;
  }

  private present(r: DisplayRow): Display {
    return presentDisplay(r, this.hub.isOnline(r.id), this.clock.now());
  }

  private async checkPlaylist(actor: Actor, playlistId: string, path: string): Promise<void> {
    if (!(await this.repo.findPlaylist(this.db, actor.tenantId, playlistId))) throw new DomainError('validation_failed', 'Masukan tidak valid', [{ path, message: 'daftar putar tidak dikenal' }]);
  }

  private async checkPush(actor: Actor, tier: PortalTier, push: ReturnType<typeof pushInputSchema.parse>): Promise<void> {
    if (push.kind === 'scene') {
      if (!(await this.repo.findScene(this.db, actor.tenantId, push.sceneId))) throw new DomainError('validation_failed', 'Masukan tidak valid', [{ path: 'body.sceneId', message: 'adegan tidak dikenal' }]);
      return;
    }
    const ids = push.kind === 'camera' ? [push.cameraId] : push.cameraIds;
    const path = push.kind === 'camera' ? () => 'body.cameraId' : (i: number) => `body.cameraIds.${i}`;
    await checkCameras(this.db, this.repo, actor.tenantId, ids, path, tiersFor(tier), tier);
  }
}
