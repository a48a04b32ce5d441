import { randomInt } from 'node:crypto';
import { ACTIVE_INCIDENT_STATUSES, type KioskState, type PairingStart } from '@pantau/shared';
import type { Db } from '../../platform/db/database.ts';
import type { Clock } from '../../platform/clock.ts';
import { randomToken, safeEqual, sha256Hex } from '../../platform/crypto/tokens.ts';
import { DomainError } from '../../platform/http/errors.ts';
import type { AuditWriter } from '../audit/index.ts';
import { DisplaysRepository, type DisplayRow } from './displays.repository.ts';
import { cameraIdsOf, presentPlaylist, presentScene, resolveKioskState, showingOf, type CameraFacts } from './displays.present.ts';

// no I, O, 0, 1: a code read aloud across a lobby is not misheard
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const PAIRING_MINUTES = 15;
const LAST_SEEN_EVERY_MS = 60_000;
const MAP_INCIDENTS = 500;

export function pairingCode(): string {
  const pick = () => Array.from({ length: 4 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
  return `${pick()}-${pick()}`;
}

const unauthenticated = () => new DomainError('unauthenticated', 'Layar belum dipasangkan atau sudah dicabut');

/**
 * The kiosk's side: pairing, its state and map points. No session and no role here: the screen
 * proves itself with the pairing secret, then with its display token (both stored hashed).
 */
export class KioskService {
  private readonly repo = new DisplaysRepository();
  private readonly seen = new Map<string, number>();
  constructor(
    private readonly db: Db,
    private readonly audit: AuditWriter,
    private readonly clock: Clock,
  ) {}

  async startPairing(): Promise<PairingStart> {
    const now = this.clock.now();
    await this.repo.deleteStalePairings(this.db, new Date(now.getTime() - 3_600_000));
    const secret = randomToken(24);
    const expiresAt = new Date(now.getTime() + PAIRING_MINUTES * 60_000);
    for (let attempt = 0; ; attempt++) {
      const code = pairingCode();
      // 32^8 codes: a clash is rare; retry rather than let the unique index fail the request
      if (attempt < 5 && (await this.repo.codeInUse(this.db, code))) continue;
      const row = await this.repo.insertPairing(this.db, { code, secretHash: sha256Hex(secret), expiresAt });
      return { pairingId: row.id, code, secret, expiresAt: expiresAt.toISOString() };
    }
  }

  /**
   * Where a pairing stands. Once approved, the first poll with the right secret gets a fresh
   * display token; every later poll reads `expired` — the token is handed out exactly once.
   */
  async pollPairing(input: { pairingId: string; secret: string }): Promise<{ state: 'waiting' | 'approved' | 'expired'; token?: string }> {
    const p = await this.repo.findPairing(this.db, input.pairingId);
    // an unknown id or a wrong secret reads like an expired pairing: the screen simply starts over
    if (!p || !safeEqual(p.secret_hash, sha256Hex(input.secret))) return { state: 'expired' };
    if (!p.display_id) return { state: p.expires_at.getTime() > this.clock.now().getTime() ? 'waiting' : 'expired' };
    const displayId = p.display_id;
    return this.db.transaction().execute(async (tx) => {
      if (!(await this.repo.claimToken(tx, p.id))) return { state: 'expired' as const };
      const d = await this.repo.findActiveById(tx, displayId);
      if (!d) return { state: 'expired' as const };
      const token = randomToken(32);
      await this.repo.setToken(tx, displayId, sha256Hex(token));
      await this.audit.record(tx, { kind: 'anonymous', tenantId: d.tenant_id, label: `layar ${d.name}`, ip: null }, { action: 'display.token_issued', targetType: 'display', targetId: displayId });
      return { state: 'approved' as const, token };
    });
  }

  /** The active display row of a token, or null. */
  async displayOf(token: string | null | undefined): Promise<DisplayRow | null> {
    if (!token || token.length > 256) return null;
    return (await this.repo.findActiveByTokenHash(this.db, sha256Hex(token))) ?? null;
  }

  async requireDisplay(token: string | null | undefined): Promise<DisplayRow> {
    const d = await this.displayOf(token);
    if (!d) throw unauthenticated();
    return d;
  }

  /** The display's whole state for its tier (401 when the token is revoked or unknown). */
  async state(token: string | null | undefined): Promise<KioskState> {
    return this.stateOf(await this.requireDisplay(token));
  }

  /** Re-reads the display (it may have changed) and resolves its state; null if it is gone. */
  async stateById(displayId: string): Promise<KioskState | null> {
    const d = await this.repo.findActiveById(this.db, displayId);
    return d ? this.stateOf(d) : null;
  }

  async stateOf(d: DisplayRow): Promise<KioskState> {
    const now = this.clock.now();
    const playlistRow = d.playlist_id ? await this.repo.findPlaylist(this.db, d.tenant_id, d.playlist_id) : undefined;
    const items = playlistRow ? presentPlaylist(playlistRow).items : [];
    const showing = showingOf(d, now);
    const sceneIds = new Set(items.map((i) => i.sceneId));
    if (showing.mode === 'push' && showing.push.kind === 'scene') sceneIds.add(showing.push.sceneId);
    const scenes = new Map((await this.repo.findScenes(this.db, d.tenant_id, [...sceneIds])).map((r) => [r.id, presentScene(r)]));
    const camIds = new Set([...scenes.values()].flatMap((s) => cameraIdsOf(s.tiles)));
    if (showing.mode === 'push' && showing.push.kind === 'camera') camIds.add(showing.push.cameraId);
    if (showing.mode === 'push' && showing.push.kind === 'cameras') showing.push.cameraIds.forEach((id) => camIds.add(id));
    const cameras = new Map<string, CameraFacts>((await this.repo.camerasByIds(this.db, d.tenant_id, [...camIds])).map((c) => [c.id, c]));
    return resolveKioskState({ display: d, playlist: items, scenes, cameras, now });
  }

  /** Open incidents for the map: category and status only; a public lobby gets ~100 m rounding. */
  async incidents(token: string | null | undefined): Promise<{ lat: number; lng: number; category: string; status: string }[]> {
    const d = await this.requireDisplay(token);
    const rows = await this.repo.openIncidents(this.db, d.tenant_id, ACTIVE_INCIDENT_STATUSES, MAP_INCIDENTS);
    const round = d.tier === 'public' ? (x: number) => Math.round(x * 1000) / 1000 : (x: number) => x;
    return rows.map((r) => ({ lat: round(r.lat), lng: round(r.lng), category: r.category_name ?? r.category_code, status: r.status }));
  }

  /** Notes that the display is alive, at most once a minute per display. */
  async touch(displayId: string): Promise<void> {
    const now = this.clock.now().getTime();
    if (now - (this.seen.get(displayId) ?? 0) < LAST_SEEN_EVERY_MS) return;
    this.seen.set(displayId, now);
    await this.repo.touchLastSeen(this.db, displayId, new Date(now));
  }
}
