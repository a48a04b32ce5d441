import type { z } from 'zod';
import type { IncidentDetail, IncidentStatus, IncidentTask, TaskStatus, dispatchInputSchema, transitionInputSchema } from '@pantau/shared';
import type { Actor } from '../../platform/authz/actor.ts';
import { inRegionScope } from '../../platform/authz/actor.ts';
import { conflict, DomainError, forbidden, notFound } from '../../platform/http/errors.ts';
import type { TenancyService } from '../tenancy/index.ts';
import type { IncidentCore } from './incidents.core.ts';
import type { IncidentsService } from './incidents.service.ts';
import type { OutboxMessage } from './outbox.repository.ts';
import { canMoveTask, canTransition, isActive } from './incidents.lifecycle.ts';
import { presentTask } from './incidents.present.ts';

/** Lifecycle, SOP checklist, dispatch to agencies and their tasks, merge, ownership, comments. */
export class IncidentWorkflowService {
  constructor(
    private readonly core: IncidentCore,
    private readonly incidents: IncidentsService,
    private readonly tenancy: TenancyService,
  ) {}

  async transition(actor: Actor, id: string, input: z.output<typeof transitionInputSchema>): Promise<IncidentDetail> {
    this.core.policy.authorize(actor, 'incident.manage');
    const { core } = this;
    const row = await core.db.transaction().execute(async (tx) => {
      const inc = await core.lock(tx, actor, id);
      const from = inc.status as IncidentStatus;
      if (!canTransition(from, input.to)) throw conflict(`Status ${from} tidak dapat berubah menjadi ${input.to}`, { from, to: input.to });
      let override = false;
      if (input.to === 'resolved') {
        const open = (await core.repo.listChecks(tx, id)).filter((c) => c.required && !c.done_at);
        if (open.length && !input.overrideSop) throw conflict('Langkah SOP wajib belum selesai', { code: 'sop_incomplete', steps: open.map((c) => c.title) });
        if (open.length) {
          if (!core.policy.can(actor, 'incident.supervise')) throw forbidden('Hanya supervisor yang boleh melewati langkah SOP wajib');
          override = true;
          await core.record(tx, actor, inc, { kind: 'sop_override', action: 'incident.sop_override', note: open.map((c) => c.title).join('; '), details: { steps: open.map((c) => c.title) } });
        }
      }
      const now = core.clock.now();
      const reopen = (from === 'resolved' || from === 'closed') && input.to === 'in_progress';
      const updated = await core.repo.update(tx, actor.tenantId, id, {
        status: input.to,
        updated_at: now,
        ...(inc.first_response_at === null && input.to !== 'closed' ? { first_response_at: now } : {}),
        ...(input.to === 'resolved' ? { resolved_at: now } : {}),
        ...(input.to === 'closed' ? { closed_at: now } : {}),
        ...(reopen ? { resolved_at: null, closed_at: null } : {}),
        ...(override ? { sop_override: true } : {}),
      });
      await core.record(tx, actor, inc, {
        kind: reopen ? 'reopened' : 'status',
        action: reopen ? 'incident.reopen' : 'incident.transition',
        from,
        to: input.to,
        note: input.note,
        public: true,
        notify: input.to === 'resolved' && inc.reporter_email ? [{ tenantId: inc.tenant_id, channel: 'email', address: inc.reporter_email, subject: `Laporan ${inc.ticket} telah diselesaikan`, body: { ticket: inc.ticket, status: 'resolved' }, incidentId: inc.id }] : [],
      });
      return updated;
    });
    await core.broadcast(row, 'status');
    return this.incidents.get(actor, id);
  }

  /** One task per agency: the given ones, or those of the routing rules (category × region). */
  async dispatch(actor: Actor, id: string, input: z.output<typeof dispatchInputSchema>): Promise<IncidentDetail> {
    this.core.policy.authorize(actor, 'incident.manage');
    const { core } = this;
    const orgs = new Map((await this.tenancy.organizationsOf(actor.tenantId)).map((o) => [o.id, o]));
    const bad = input.organizationIds.flatMap((o, i) => (orgs.has(o) ? [] : [{ path: `body.organizationIds.${i}`, message: 'instansi tidak dikenal' }]));
    if (bad.length) throw new DomainError('validation_failed', 'Masukan tidak valid', bad);
    const row = await core.db.transaction().execute(async (tx) => {
      const inc = await core.lock(tx, actor, id);
      const from = inc.status as IncidentStatus;
      if (!['verified', 'dispatched', 'in_progress', 'on_hold'].includes(from)) throw conflict(`Insiden berstatus ${from} belum/tidak dapat diteruskan; verifikasi dahulu`, { from, to: 'dispatched' });
      const targets = input.organizationIds.length ? input.organizationIds : await core.config.agenciesFor(tx, actor.tenantId, inc.category_code, inc.region_code);
      if (!targets.length) throw new DomainError('validation_failed', 'Tidak ada aturan penerusan untuk kategori dan wilayah ini; pilih instansi', [{ path: 'body.organizationIds', message: 'pilih minimal satu instansi' }]);
      const now = core.clock.now();
      const added: string[] = [];
      for (const org of targets) if (await core.repo.insertTask(tx, { tenantId: actor.tenantId, incidentId: id, organizationId: org, at: now, note: input.note })) added.push(org);
      if (!added.length) throw conflict('Semua instansi itu sudah menerima tugas insiden ini');
      const to: IncidentStatus = from === 'verified' ? 'dispatched' : from;
      const updated = await core.repo.update(tx, actor.tenantId, id, { status: to, updated_at: now, ...(inc.first_response_at ? {} : { first_response_at: now }) });
      const names = added.map((o) => orgs.get(o)?.name ?? o);
      await core.record(tx, actor, inc, {
        kind: 'dispatched',
        action: 'incident.dispatch',
        from,
        to,
        note: [names.join(', '), input.note].filter(Boolean).join(' — '),
        public: from !== to,
        details: { organizationIds: added },
        notify: (await Promise.all(added.map((o) => this.agencyMessages(tx, inc, o)))).flat(),
      });
      return updated;
    });
    await core.broadcast(row, 'dispatched');
    return this.incidents.get(actor, id);
  }

  /** In-app for the agency's officers, plus its e-mail and signed webhook when configured. */
  private async agencyMessages(tx: Parameters<IncidentCore['repo']['listTasks']>[0], inc: { id: string; tenant_id: string; ticket: string; category_code: string; priority: string; address: string; lat: number; lng: number; description: string }, orgId: string): Promise<OutboxMessage[]> {
    const subject = `Tugas baru ${inc.ticket}: ${inc.category_code} (${inc.priority})`;
    const body = { event: 'incident.task.dispatched', ticket: inc.ticket, incidentId: inc.id, category: inc.category_code, priority: inc.priority, address: inc.address, lat: inc.lat, lng: inc.lng, description: inc.description };
    const base = { tenantId: inc.tenant_id, subject, body, incidentId: inc.id, recipientOrgId: orgId };
    const out: OutboxMessage[] = [{ ...base, channel: 'in_app' }];
    const ep = await this.core.config.findEndpoint(tx, orgId);
    if (ep?.email) out.push({ ...base, channel: 'email', address: ep.email });
    if (ep?.webhook_url) out.push({ ...base, channel: 'webhook', address: ep.webhook_url });
    return out;
  }

  async updateTask(actor: Actor, taskId: string, input: { status: TaskStatus; note: string | null }) {
    this.core.policy.authorize(actor, 'incident.task.update');
    const { core } = this;
    const task = await core.repo.findTask(core.db, actor.tenantId, taskId);
    // an agency officer never learns of another agency's task
    if (!task || (actor.role === 'agency_officer' && task.organization_id !== actor.organizationId)) throw notFound('Tugas');
    const row = await core.db.transaction().execute(async (tx) => {
      const inc = await core.lock(tx, actor, task.incident_id);
      const current = await core.repo.findTask(tx, actor.tenantId, taskId);
      if (!canMoveTask(current!.status as TaskStatus, input.status)) throw conflict(`Tugas berstatus ${current!.status} tidak dapat kembali ke ${input.status}`, { from: current!.status, to: input.status });
      if (!isActive(inc.status as IncidentStatus)) throw conflict('Insiden sudah tidak aktif');
      const now = core.clock.now();
      await core.repo.updateTask(tx, taskId, { status: input.status, note: input.note ?? current!.note, at: now });
      await core.record(tx, actor, inc, { kind: 'task', action: 'incident.task.update', note: `${task.organization_name}: ${input.status}${input.note ? ` — ${input.note}` : ''}`, details: { taskId, organizationId: task.organization_id, status: input.status } });
      // the first agency on its way starts the work on the incident
      if (inc.status === 'dispatched' && input.status !== 'dispatched') {
        const updated = await core.repo.update(tx, actor.tenantId, inc.id, { status: 'in_progress', updated_at: now });
        await core.record(tx, actor, inc, { kind: 'status', action: 'incident.transition', from: 'dispatched', to: 'in_progress', public: true });
        return updated;
      }
      return core.repo.update(tx, actor.tenantId, inc.id, { updated_at: now });
    });
    await core.broadcast(row, 'task');
    return (await this.listTasks(actor, task.organization_id)).find((t) => t.id === taskId)!;
  }

  /** The agency workspace: an agency officer sees only its own organization's tasks. */
  async listTasks(actor: Actor, organizationId: string | null): Promise<IncidentTask[]> {
    this.core.policy.authorize(actor, 'incident.task.update');
    const org = actor.role === 'agency_officer' ? actor.organizationId : organizationId;
    if (!org) return [];
    const rows = await this.core.repo.listTasksOfOrg(this.core.db, actor.tenantId, org, 500);
    // a region-limited operator sees the tasks of incidents in its regions only
    return rows.filter((r) => !r.region_code || inRegionScope(actor, r.region_code)).map(presentTask);
  }

  async merge(actor: Actor, id: string, intoId: string): Promise<IncidentDetail> {
    this.core.policy.authorize(actor, 'incident.manage');
    const { core } = this;
    if (id === intoId) throw new DomainError('validation_failed', 'Insiden tidak dapat digabung ke dirinya sendiri', [{ path: 'body.intoId', message: 'sama' }]);
    const row = await core.db.transaction().execute(async (tx) => {
      const into = await core.lock(tx, actor, intoId);
      const inc = await core.lock(tx, actor, id);
      if (!canTransition(inc.status as IncidentStatus, 'merged')) throw conflict(`Insiden berstatus ${inc.status} tidak dapat digabung`, { from: inc.status, to: 'merged' });
      if (!isActive(into.status as IncidentStatus)) throw conflict('Insiden tujuan sudah tidak aktif');
      const now = core.clock.now();
      const updated = await core.repo.update(tx, actor.tenantId, id, { status: 'merged', merged_into_id: intoId, updated_at: now, first_response_at: inc.first_response_at ?? now });
      await core.record(tx, actor, inc, { kind: 'merged', action: 'incident.merge', from: inc.status as IncidentStatus, to: 'merged', note: into.ticket, public: true, details: { intoId, intoTicket: into.ticket } });
      await core.record(tx, actor, into, { kind: 'duplicate_attached', action: 'incident.merge.attach', note: inc.ticket, details: { fromId: id } });
      return updated;
    });
    await core.broadcast(row, 'merged');
    return this.incidents.get(actor, id);
  }

  /** Takes ownership: one owner at a time, the previous one is recorded. */
  async claim(actor: Actor, id: string): Promise<IncidentDetail> {
    this.core.policy.authorize(actor, 'incident.manage');
    const { core } = this;
    const row = await core.db.transaction().execute(async (tx) => {
      const inc = await core.lock(tx, actor, id);
      if (inc.owner_id === actor.userId) throw conflict('Anda sudah pemilik insiden ini');
      const updated = await core.repo.update(tx, actor.tenantId, id, { owner_id: actor.userId, updated_at: core.clock.now() });
      await core.record(tx, actor, inc, { kind: 'owner', action: 'incident.claim', note: actor.label, details: { previousOwnerId: inc.owner_id, ownerId: actor.userId } });
      return updated;
    });
    await core.broadcast(row, 'owner');
    return this.incidents.get(actor, id);
  }

  async comment(actor: Actor, id: string, note: string): Promise<IncidentDetail> {
    this.core.policy.authorize(actor, 'incident.manage');
    const { core } = this;
    await core.db.transaction().execute(async (tx) => {
      const inc = await core.lock(tx, actor, id);
      await core.record(tx, actor, inc, { kind: 'comment', action: 'incident.comment', note });
    });
    return this.incidents.get(actor, id);
  }

  async check(actor: Actor, id: string, checkId: string, done: boolean): Promise<IncidentDetail> {
    this.core.policy.authorize(actor, 'incident.manage');
    const { core } = this;
    await core.db.transaction().execute(async (tx) => {
      const inc = await core.lock(tx, actor, id);
      if (!isActive(inc.status as IncidentStatus)) throw conflict('Daftar periksa SOP hanya diubah selama insiden aktif');
      const c = await core.repo.setCheck(tx, id, checkId, done ? core.clock.now() : null, done ? actor.label : null);
      if (!c) throw notFound('Langkah SOP');
      await core.record(tx, actor, inc, { kind: 'sop_check', action: 'incident.sop_check', note: `${done ? '✓' : '✗'} ${c.title}`, details: { checkId, done } });
    });
    return this.incidents.get(actor, id);
  }
}
