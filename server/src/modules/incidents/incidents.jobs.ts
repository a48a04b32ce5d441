import { systemActor } from '../../platform/authz/actor.ts';
import type { SecretBox } from '../../platform/crypto/secret-box.ts';
import type { IncidentCore } from './incidents.core.ts';
import { nextAttempt, signWebhook, WEBHOOK_SIGNATURE_HEADER, WEBHOOK_TIMESTAMP_HEADER, type EmailTransport, type WebhookPoster } from './outbox.delivery.ts';

/** Background work of the worker role: SLA escalation and outbox delivery, both on the injected clock. */
export class IncidentJobs {
  constructor(
    private readonly core: IncidentCore,
    private readonly secrets: SecretBox,
    private readonly email: EmailTransport,
    private readonly post: WebhookPoster,
  ) {}

  /** Marks overdue incidents escalated and tells the supervisors; returns how many. */
  async escalateOverdue(limit = 200): Promise<number> {
    const { core } = this;
    const now = core.clock.now();
    const overdue = await core.repo.overdue(core.db, now, limit);
    for (const inc of overdue) {
      const which = inc.first_response_at === null && inc.response_due_at < now ? 'tanggapan' : 'penyelesaian';
      const row = await core.db.transaction().execute(async (tx) => {
        const locked = await core.repo.lockForUpdate(tx, inc.tenant_id, inc.id);
        if (!locked || locked.escalated_at) return null;
        const updated = await core.repo.update(tx, inc.tenant_id, inc.id, { escalated_at: now });
        await core.record(tx, systemActor(inc.tenant_id), inc, {
          kind: 'escalated',
          action: 'incident.escalate',
          note: `SLA ${which} terlampaui`,
          details: { sla: which },
          notify: [{ tenantId: inc.tenant_id, channel: 'in_app', recipientRole: 'admin', subject: `Eskalasi ${inc.ticket}: SLA ${which} terlampaui`, body: { ticket: inc.ticket, sla: which }, incidentId: inc.id }],
        });
        return updated;
      });
      if (row) await core.broadcast(row, 'escalated');
    }
    return overdue.length;
  }

  /** Delivers due e-mail and webhook messages; failures retry with backoff, then fail for good. */
  async deliverOutbox(limit = 50): Promise<{ sent: number; failed: number }> {
    const { core } = this;
    let sent = 0;
    let failed = 0;
    await core.db.transaction().execute(async (tx) => {
      const due = await core.outbox.due(tx, core.clock.now(), limit);
      for (const m of due) {
        try {
          if (m.channel === 'email') await this.email.send(m.address!, m.subject, JSON.stringify(m.body, null, 2));
          else if (m.channel === 'webhook') await this.sendWebhook(tx, m);
          await core.outbox.markSent(tx, m.id, core.clock.now());
          sent++;
        } catch (err) {
          failed++;
          await core.outbox.markFailed(tx, m.id, err instanceof Error ? err.message : String(err), nextAttempt(m.attempts, core.clock.now()));
        }
      }
    });
    return { sent, failed };
  }

  private async sendWebhook(tx: Parameters<IncidentCore['config']['findEndpoint']>[0], m: { recipient_org_id: string | null; address: string | null; body: Record<string, unknown> }): Promise<void> {
    const ep = m.recipient_org_id ? await this.core.config.findEndpoint(tx, m.recipient_org_id) : undefined;
    const secret = ep?.webhook_secret_enc ? this.secrets.open(ep.webhook_secret_enc) : '';
    const body = JSON.stringify(m.body);
    const ts = Math.floor(this.core.clock.now().getTime() / 1000);
    const res = await this.post(m.address!, { 'content-type': 'application/json', [WEBHOOK_TIMESTAMP_HEADER]: String(ts), [WEBHOOK_SIGNATURE_HEADER]: signWebhook(secret, ts, body) }, body);
    if (res.status < 200 || res.status >= 300) throw new Error(`webhook answered ${res.status}`);
  }
}
