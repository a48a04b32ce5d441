import type { PpidObjection } from '@pantau/shared';
import { z } from 'zod';
import { ppidDecideInputSchema, ppidDisputeInputSchema } from '@pantau/shared';
import type { Actor } from '../../platform/authz/actor.ts';
import type { Policy } from '../../platform/authz/policy.ts';
import { conflict, notFound } from '../../platform/http/errors.ts';
import type { AuditWriter } from '../audit/index.ts';
import { presentObjection, type PpidContext } from './ppid.context.ts';

/** The atasan PPID's answer to an objection, and the record of a dispute at the Komisi Informasi. */
export class PpidObjectionsService {
  constructor(
    private readonly ctx: PpidContext,
    private readonly policy: Policy,
    private readonly audit: AuditWriter,
  ) {}

  /** Upheld: the PPID must now provide the information; rejected: the requester may go to the Komisi Informasi. */
  async decide(actor: Actor, id: string, input: z.infer<typeof ppidDecideInputSchema>): Promise<PpidObjection> {
    this.policy.authorize(actor, 'ppid.objection.decide');
    return this.ctx.db.transaction().execute(async (tx) => {
      const o = await this.ctx.requests.findObjection(tx, actor.tenantId, id);
      if (!o) throw notFound('Keberatan');
      if (o.decision) throw conflict('Keberatan sudah diputus');
      const cal = await this.ctx.calendar(tx, actor.tenantId);
      const updated = await this.ctx.requests.updateObjection(tx, actor.tenantId, id, { decision: input.decision, decision_text: input.text, decided_on: this.ctx.today(cal) });
      const req = { tenant_id: actor.tenantId, id: o.request_id };
      const row = await this.ctx.requests.find(tx, { tenantId: actor.tenantId, organizationId: null }, o.request_id);
      await this.ctx.addEvent(tx, req, `objection_${input.decision}`, actor.label, input.text.slice(0, 500));
      if (row) await this.ctx.notify(tx, req, 'email', row.email, `Tanggapan atasan PPID atas keberatan ${row.registration_number}`, input.text);
      await this.audit.record(tx, actor, { action: 'ppid.objection.decide', targetType: 'ppid_objection', targetId: id, details: { decision: input.decision } });
      return presentObjection(cal, updated);
    });
  }

  /** Records (or updates) the Komisi Informasi dispute that followed an objection. */
  async recordDispute(actor: Actor, id: string, input: z.infer<typeof ppidDisputeInputSchema>): Promise<PpidObjection> {
    this.policy.authorize(actor, 'ppid.request.handle');
    return this.ctx.db.transaction().execute(async (tx) => {
      const o = await this.ctx.requests.findObjection(tx, actor.tenantId, id);
      if (!o || !(await this.ctx.requests.find(tx, await this.ctx.scopeOf(actor, tx), o.request_id))) throw notFound('Keberatan');
      const cal = await this.ctx.calendar(tx, actor.tenantId);
      const updated = await this.ctx.requests.updateObjection(tx, actor.tenantId, id, {
        dispute_number: input.number,
        dispute_filed_on: input.filedOn,
        dispute_outcome: input.outcome,
        dispute_settled_on: input.settledOn ?? null,
      });
      await this.ctx.addEvent(tx, { tenant_id: actor.tenantId, id: o.request_id }, 'dispute', actor.label, `Sengketa Komisi Informasi ${input.number}: ${input.outcome}`);
      await this.audit.record(tx, actor, { action: 'ppid.dispute.record', targetType: 'ppid_objection', targetId: id, details: { number: input.number, outcome: input.outcome } });
      return presentObjection(cal, updated);
    });
  }
}
