import type { IncidentPriority, IncidentStatus } from '@pantau/shared';
import type { Db, Executor } from '../../platform/db/database.ts';
import type { Actor } from '../../platform/authz/actor.ts';
import type { Policy } from '../../platform/authz/policy.ts';
import type { Clock } from '../../platform/clock.ts';
import { notFound } from '../../platform/http/errors.ts';
import type { AuditWriter } from '../audit/index.ts';
import { IncidentsRepository, type IncidentRow, type IncidentScope } from './incidents.repository.ts';
import { IncidentConfigRepository } from './incidents.config.repository.ts';
import { OutboxRepository, type OutboxMessage } from './outbox.repository.ts';
import type { IncidentEvents } from './incidents.events.ts';

/** What a change records besides the row itself: timeline entry, audit row, notifications. */
export interface ChangeRecord {
  kind: string;
  action: string;
  from?: IncidentStatus | null;
  to?: IncidentStatus | null;
  note?: string | null;
  /** Shown on the public tracking page. */
  public?: boolean;
  details?: Record<string, unknown>;
  notify?: OutboxMessage[];
}

/**
 * The shared machinery of the incident services: scope, loading with 404, and recording a change
 * (timeline + audit + outbox in the caller's transaction; live push after commit).
 */
export class IncidentCore {
  readonly repo = new IncidentsRepository();
  readonly config = new IncidentConfigRepository();
  readonly outbox = new OutboxRepository();
  constructor(
    readonly db: Db,
    readonly policy: Policy,
    readonly audit: AuditWriter,
    readonly clock: Clock,
    readonly events: IncidentEvents,
  ) {}

  scopeOf(actor: Actor): IncidentScope {
    return { tenantId: actor.tenantId, regionCodes: actor.regionCodes, organizationId: actor.role === 'agency_officer' ? (actor.organizationId ?? '00000000-0000-0000-0000-000000000000') : null };
  }

  /** The incident if the actor may see it; otherwise 404 (never reveal what lies outside the scope). */
  async load(db: Executor, actor: Actor, id: string) {
    const row = await this.repo.find(db, this.scopeOf(actor), id);
    if (!row) throw notFound('Insiden');
    return row;
  }

  /** Loads and locks the row inside a transaction. */
  async lock(tx: Executor, actor: Actor, id: string): Promise<IncidentRow> {
    await this.load(tx, actor, id);
    const row = await this.repo.lockForUpdate(tx, actor.tenantId, id);
    if (!row) throw notFound('Insiden');
    return row;
  }

  /** Returns the timeline entry written. */
  async record(tx: Executor, actor: Actor | null, incident: Pick<IncidentRow, 'id' | 'tenant_id' | 'ticket'>, c: ChangeRecord) {
    const at = this.clock.now();
    const label = actor?.label ?? 'pelapor';
    const event = await this.repo.insertEvent(tx, { incidentId: incident.id, at, actorId: actor?.userId ?? null, actorLabel: label, kind: c.kind, from: c.from, to: c.to, note: c.note, public: c.public });
    const details = { ticket: incident.ticket, ...(c.from ? { from: c.from } : {}), ...(c.to ? { to: c.to } : {}), ...(c.details ?? {}) };
    const auditActor = actor ?? { kind: 'anonymous' as const, tenantId: incident.tenant_id, label, ip: null };
    await this.audit.record(tx, auditActor, { action: c.action, targetType: 'incident', targetId: incident.id, details });
    if (c.notify?.length) await this.outbox.enqueue(tx, at, c.notify);
    return event;
  }

  /** Pushes a committed change to the live socket; `orgs` when the caller knows the agencies (none for a new incident). */
  async broadcast(incident: { id: string; status: string; priority: string; region_code: string | null }, change: string, orgs?: string[]): Promise<void> {
    orgs ??= (await this.repo.listTasks(this.db, incident.id)).map((t) => t.organization_id);
    this.events.emit({ incidentId: incident.id, status: incident.status as IncidentStatus, priority: incident.priority as IncidentPriority, change, regionCode: incident.region_code, organizationIds: orgs });
  }
}
