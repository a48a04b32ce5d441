import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { ACTIVE_INCIDENT_STATUSES, incidentCreateSchema, type IncidentDetail, type IncidentPriority, type IncidentQuery, type IncidentSummary, type incidentUpdateSchema } from '@pantau/shared';
import type { Executor } from '../../platform/db/database.ts';
import type { Actor } from '../../platform/authz/actor.ts';
import { inRegionScope } from '../../platform/authz/actor.ts';
import { DomainError } from '../../platform/http/errors.ts';
import type { IncidentCore } from './incidents.core.ts';
import { DEFAULT_SLA, makeTicket, reopenDeadline } from './incidents.lifecycle.ts';
import { boxAround, distanceM, regionAt, shippedRegionShapes, type RegionShape } from './incidents.geo.ts';
import { presentAttachment, presentCheck, presentEvent, presentSummary, presentTask } from './incidents.present.ts';

/** Duplicate suggestions: same category, within this distance, created within this window (DOMAIN.md). */
export const DUPLICATE_RADIUS_M = 200;
export const DUPLICATE_WINDOW_MS = 6 * 60 * 60_000;

type CreateInput = z.output<typeof incidentCreateSchema>;
/** Extra facts of channels other than the console form. */
export interface CreateExtra {
  channel?: 'open311' | 'web' | 'sensor';
  reopenCodeHash?: string | null;
  open311Attributes?: Record<string, string> | null;
}

/** Intake, the board, the incident page: one model for every channel. */
export class IncidentsService {
  constructor(
    private readonly core: IncidentCore,
    private readonly shapes: RegionShape[] = shippedRegionShapes(),
  ) {}

  /** Region derived from the point (the shipped boundaries; deepest match wins). */
  regionOf(lat: number, lng: number): string | null {
    return regionAt(this.shapes, lat, lng);
  }

  /** The answer is built from what was written: a new incident has no tasks, attachments or duplicates yet. */
  async create(actor: Actor, input: CreateInput, extra: CreateExtra = {}): Promise<IncidentDetail> {
    this.core.policy.authorize(actor, extra.channel === 'open311' ? 'incident.open311.submit' : 'incident.create');
    const { row, checks, event } = await this.write(actor, input, extra);
    const seesReporter = this.core.policy.can(actor, 'incident.reporter.read');
    return {
      ...presentSummary({ ...row, owner_name: actor.kind === 'user' ? actor.label : null }, this.core.clock.now()),
      reporter: seesReporter ? { name: row.reporter_name, phone: row.reporter_phone, email: row.reporter_email, anonymous: row.reporter_anonymous } : null,
      mergedIntoId: null,
      sopOverride: false,
      reopenUntil: null,
      checklist: checks.map(presentCheck),
      tasks: [],
      events: [presentEvent(event)],
      attachments: [],
      duplicates: [],
    };
  }

  /** Shared by the public form and Open311: validation, SLA, SOP snapshot, audit; returns the row. */
  async insert(actor: Actor | null, input: CreateInput, extra: CreateExtra & { tenantId?: string } = {}) {
    return (await this.write(actor, input, extra)).row;
  }

  private async write(actor: Actor | null, input: CreateInput, extra: CreateExtra & { tenantId?: string }) {
    const { core } = this;
    const tenantId = actor?.tenantId ?? extra.tenantId!;
    const category = await core.config.findCategory(core.db, tenantId, input.category);
    if (!category?.active) throw new DomainError('validation_failed', 'Kategori tidak dikenal', [{ path: 'body.category', message: 'kategori tidak dikenal' }]);
    const regionCode = this.regionOf(input.lat, input.lng);
    if (actor && actor.regionCodes.length && !(regionCode && inRegionScope(actor, regionCode))) {
      throw new DomainError('validation_failed', 'Lokasi di luar wilayah Anda', [{ path: 'body.lat', message: 'di luar wilayah Anda' }]);
    }
    const priority = (input.priority ?? category.default_priority) as IncidentPriority;
    const sla = (await core.config.slaFor(core.db, tenantId, category.code, priority)) ?? { response_minutes: DEFAULT_SLA[priority].responseMinutes, resolve_minutes: DEFAULT_SLA[priority].resolveMinutes };
    const now = core.clock.now();
    const reporter = input.reporter;
    const written = await core.db.transaction().execute(async (tx) => {
      const inc = await core.repo.insert(tx, {
        tenant_id: tenantId,
        ticket: makeTicket(now, randomBytes(6)),
        channel: extra.channel ?? input.channel,
        category_code: category.code,
        priority,
        status: 'received',
        lat: input.lat,
        lng: input.lng,
        region_code: regionCode,
        address: input.address,
        description: input.description,
        reporter_name: reporter?.anonymous ? null : (reporter?.name ?? null),
        reporter_phone: reporter?.phone ?? null,
        reporter_email: reporter?.email ?? null,
        reporter_anonymous: reporter?.anonymous ?? reporter === null,
        reopen_code_hash: extra.reopenCodeHash ?? null,
        owner_id: actor?.kind === 'user' ? actor.userId : null,
        created_by: actor?.userId ?? null,
        created_at: now,
        updated_at: now,
        response_due_at: new Date(now.getTime() + sla.response_minutes * 60_000),
        resolve_due_at: new Date(now.getTime() + sla.resolve_minutes * 60_000),
        open311_attributes: extra.open311Attributes ? JSON.stringify(extra.open311Attributes) : null,
      });
      const steps = await core.config.listSop(tx, tenantId, category.code);
      const checks = await core.repo.insertChecks(tx, inc.id, steps);
      const event = await core.record(tx, actor, inc, {
        kind: 'created',
        action: 'incident.create',
        to: 'received',
        public: true,
        details: { channel: inc.channel, category: inc.category_code, priority },
        notify: priority === 'critical' ? [{ tenantId, channel: 'in_app', recipientRole: 'operator', subject: `Insiden KRITIS ${inc.ticket}: ${category.name}`, body: { ticket: inc.ticket }, incidentId: inc.id }] : [],
      });
      return { row: inc, checks, event };
    });
    await core.broadcast(written.row, 'created', []);
    return written;
  }

  async list(actor: Actor, q: IncidentQuery): Promise<{ items: IncidentSummary[]; total: number }> {
    this.core.policy.authorize(actor, 'incident.read');
    const statuses = q.status === 'all' ? null : q.status === 'active' ? [...ACTIVE_INCIDENT_STATUSES] : [q.status];
    const { rows, total } = await this.core.repo.list(this.core.db, this.core.scopeOf(actor), { statuses, category: q.category, priority: q.priority, regionCode: q.regionCode, q: q.q, limit: q.limit, offset: q.offset });
    const now = this.core.clock.now();
    return { items: rows.map((r) => presentSummary(r, now)), total };
  }

  async get(actor: Actor, id: string, db: Executor = this.core.db): Promise<IncidentDetail> {
    this.core.policy.authorize(actor, 'incident.read');
    const { core } = this;
    const r = await core.load(db, actor, id);
    const [checks, tasks, events, attachments, merged] = await Promise.all([
      core.repo.listChecks(db, id),
      core.repo.listTasks(db, id),
      core.repo.listEvents(db, id),
      core.repo.listAttachments(db, id),
      core.repo.mergedInto(db, id),
    ]);
    const seesReporter = core.policy.can(actor, 'incident.reporter.read');
    const incidentFacts = { ticket: r.ticket, category_code: r.category_code, priority: r.priority, address: r.address, lat: r.lat, lng: r.lng, description: r.description };
    const visibleTasks = actor.role === 'agency_officer' ? tasks.filter((t) => t.organization_id === actor.organizationId) : tasks;
    return {
      ...presentSummary(r, core.clock.now()),
      reporter: seesReporter ? { name: r.reporter_name, phone: r.reporter_phone, email: r.reporter_email, anonymous: r.reporter_anonymous } : null,
      mergedIntoId: r.merged_into_id,
      sopOverride: r.sop_override,
      reopenUntil: reopenDeadline(r)?.toISOString() ?? null,
      checklist: checks.map(presentCheck),
      tasks: visibleTasks.map((t) => presentTask({ ...t, ...incidentFacts })),
      // agency officers see the status history and their own notes, not the command center's internal comments
      events: events.filter((e) => actor.role !== 'agency_officer' || e.kind !== 'comment').map(presentEvent),
      attachments: attachments.map(presentAttachment),
      duplicates: merged,
    };
  }

  async update(actor: Actor, id: string, input: z.infer<typeof incidentUpdateSchema>): Promise<IncidentDetail> {
    this.core.policy.authorize(actor, 'incident.manage');
    const { core } = this;
    if (input.category && !(await core.config.findCategory(core.db, actor.tenantId, input.category))?.active) {
      throw new DomainError('validation_failed', 'Kategori tidak dikenal', [{ path: 'body.category', message: 'kategori tidak dikenal' }]);
    }
    const row = await core.db.transaction().execute(async (tx) => {
      const before = await core.lock(tx, actor, id);
      const changed = Object.fromEntries(Object.entries(input).filter(([k, v]) => v !== undefined && v !== (before as unknown as Record<string, unknown>)[k === 'category' ? 'category_code' : k]));
      const row = await core.repo.update(tx, actor.tenantId, id, {
        ...(input.category ? { category_code: input.category } : {}),
        ...(input.priority ? { priority: input.priority } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        ...(input.address !== undefined ? { address: input.address } : {}),
        updated_at: core.clock.now(),
      });
      await core.record(tx, actor, row, { kind: 'updated', action: 'incident.update', note: Object.keys(changed).join(', ') || null, details: { changed: Object.keys(changed) } });
      return row;
    });
    await core.broadcast(row, 'updated');
    return this.get(actor, id);
  }

  /** Open incidents of the same category near a point: offered while creating, to merge instead. */
  async duplicates(actor: Actor, q: { category: string; lat: number; lng: number }): Promise<(IncidentSummary & { distanceM: number })[]> {
    this.core.policy.authorize(actor, 'incident.read');
    const now = this.core.clock.now();
    const rows = await this.core.repo.openNear(this.core.db, actor.tenantId, q.category, boxAround(q.lat, q.lng, DUPLICATE_RADIUS_M), new Date(now.getTime() - DUPLICATE_WINDOW_MS));
    return rows
      .filter((r) => !r.region_code || inRegionScope(actor, r.region_code))
      .map((r) => ({ ...presentSummary(r, now), distanceM: Math.round(distanceM(q.lat, q.lng, r.lat, r.lng)) }))
      .filter((r) => r.distanceM <= DUPLICATE_RADIUS_M)
      .sort((a, b) => a.distanceM - b.distanceM);
  }

  /** In-app notifications for the signed-in user (their own, their role's, their agency's). */
  async inbox(actor: Actor) {
    this.core.policy.authorize(actor, 'incident.read');
    if (!actor.userId) return [];
    const rows = await this.core.outbox.inbox(this.core.db, actor.tenantId, { userId: actor.userId, organizationId: actor.organizationId, role: actor.role }, 50);
    return rows.map((r) => ({ id: r.id, subject: r.subject, incidentId: r.incident_id, createdAt: r.created_at.toISOString(), readAt: r.read_at?.toISOString() ?? null }));
  }
}
