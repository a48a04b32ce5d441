import type { AuditEntry, AuditQuery } from '@pantau/shared';
import type { Db, Executor } from '../../platform/db/database.ts';
import type { Actor } from '../../platform/authz/actor.ts';
import type { Policy } from '../../platform/authz/policy.ts';
import type { Clock } from '../../platform/clock.ts';
import { AuditRepository, type AuditRow } from './audit.repository.ts';
import { chainHash, GENESIS_HASH } from './audit.chain.ts';

export interface AuditEvent {
  action: string;
  targetType?: string | null;
  targetId?: string | null;
  details?: Record<string, unknown>;
}

/** What other modules get: append an event inside their own transaction. */
export interface AuditWriter {
  record(tx: Executor, actor: Actor | AnonymousActor, event: AuditEvent): Promise<void>;
  /** Many events of one actor in one append (bulk imports): one lock, one chain walk in memory. */
  recordMany(tx: Executor, actor: Actor, events: AuditEvent[]): Promise<void>;
}

/** A failed login has no actor yet: only the tenant (if known), a label and the IP. */
export interface AnonymousActor {
  kind: 'anonymous';
  tenantId: string | null;
  label: string;
  ip: string | null;
}

export interface VerifyResult {
  ok: boolean;
  rows: number;
  /** The first row whose stored hash or link does not match, with the reason. */
  firstBad: { id: number; reason: string } | null;
}

export class AuditService implements AuditWriter {
  private readonly repo = new AuditRepository();
  constructor(
    private readonly db: Db,
    private readonly policy: Policy,
    private readonly clock: Clock,
  ) {}

  async record(tx: Executor, actor: Actor | AnonymousActor, event: AuditEvent): Promise<void> {
    await this.append(tx, actor, [event]);
  }

  async recordMany(tx: Executor, actor: Actor, events: AuditEvent[]): Promise<void> {
    if (events.length) await this.append(tx, actor, events);
  }

  private async append(tx: Executor, actor: Actor | AnonymousActor, events: AuditEvent[]): Promise<void> {
    let prev = (await this.repo.lockAndGetLastHash(tx)) ?? GENESIS_HASH;
    const at = this.clock.now();
    const rows = events.map((event) => {
      const fields = {
        tenantId: actor.tenantId,
        at,
        actorId: actor.kind === 'anonymous' ? null : actor.userId,
        actorLabel: actor.label,
        action: event.action,
        targetType: event.targetType ?? null,
        targetId: event.targetId ?? null,
        ip: actor.ip,
        // round-trip through JSON so what we hash is exactly what jsonb will hand back
        details: JSON.parse(JSON.stringify(event.details ?? {})) as Record<string, unknown>,
      };
      const hash = chainHash(prev, fields);
      const row = { fields, prevHash: prev, hash };
      prev = hash;
      return row;
    });
    await this.repo.appendMany(tx, rows);
  }

  async list(actor: Actor, q: AuditQuery): Promise<{ items: AuditEntry[]; total: number }> {
    this.policy.authorize(actor, 'audit.read');
    const page = await this.repo.listByTenant(this.db, actor.tenantId, q);
    return { items: page.items.map(present), total: page.total };
  }

  /** Recomputes the whole chain; used by `npm run audit:verify`. */
  async verify(): Promise<VerifyResult> {
    let prev = GENESIS_HASH;
    let rows = 0;
    for await (const r of this.repo.streamAll(this.db)) {
      rows++;
      if (r.prevHash !== prev) return { ok: false, rows, firstBad: { id: r.id, reason: 'prev_hash does not match the previous row (row removed or reordered)' } };
      if (chainHash(prev, r) !== r.hash) return { ok: false, rows, firstBad: { id: r.id, reason: 'hash does not match the row content (row altered)' } };
      prev = r.hash;
    }
    return { ok: true, rows, firstBad: null };
  }
}

function present(r: AuditRow): AuditEntry {
  return {
    id: String(r.id),
    at: r.at.toISOString(),
    actorId: r.actorId,
    actorLabel: r.actorLabel,
    action: r.action,
    targetType: r.targetType,
    targetId: r.targetId,
    ip: r.ip,
    details: r.details,
    hash: r.hash,
  };
}
