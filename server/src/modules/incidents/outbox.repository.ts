import type { Executor } from '../../platform/db/database.ts';

export interface OutboxMessage {
  tenantId: string;
  channel: 'in_app' | 'email' | 'webhook';
  recipientUserId?: string | null;
  recipientOrgId?: string | null;
  recipientRole?: string | null;
  address?: string | null;
  subject: string;
  body: Record<string, unknown>;
  incidentId: string | null;
}

/** The notification outbox: written in the change's transaction, delivered by the worker. */
export class OutboxRepository {
  async enqueue(db: Executor, at: Date, messages: OutboxMessage[]): Promise<void> {
    if (!messages.length) return;
    await db
      .insertInto('notification_outbox')
      .values(
        messages.map((m) => ({
          tenant_id: m.tenantId,
          channel: m.channel,
          recipient_user_id: m.recipientUserId ?? null,
          recipient_org_id: m.recipientOrgId ?? null,
          recipient_role: m.recipientRole ?? null,
          address: m.address ?? null,
          subject: m.subject,
          body: JSON.stringify(m.body),
          incident_id: m.incidentId,
          // in-app messages are delivered by being in the table
          status: m.channel === 'in_app' ? ('sent' as const) : ('pending' as const),
          sent_at: m.channel === 'in_app' ? at : null,
          next_attempt_at: at,
          created_at: at,
        })),
      )
      .execute();
  }

  /** Claims due messages; `skip locked` lets several workers share the outbox. */
  due(db: Executor, now: Date, limit: number) {
    return db.selectFrom('notification_outbox').selectAll().where('status', '=', 'pending').where('next_attempt_at', '<=', now).orderBy('next_attempt_at').limit(limit).forUpdate().skipLocked().execute();
  }

  markSent(db: Executor, id: string, at: Date) {
    return db.updateTable('notification_outbox').set({ status: 'sent', sent_at: at, attempts: (eb) => eb('attempts', '+', 1), last_error: null }).where('id', '=', id).execute();
  }

  markFailed(db: Executor, id: string, error: string, next: Date | null) {
    return db
      .updateTable('notification_outbox')
      .set({ status: next ? 'pending' : 'failed', next_attempt_at: next ?? new Date(0), attempts: (eb) => eb('attempts', '+', 1), last_error: error.slice(0, 500) })
      .where('id', '=', id)
      .execute();
  }

  /** In-app notifications addressed to the user, their organization or their role. */
  inbox(db: Executor, tenantId: string, who: { userId: string; organizationId: string | null; role: string }, limit: number) {
    return db
      .selectFrom('notification_outbox')
      .select(['id', 'subject', 'incident_id', 'created_at', 'read_at'])
      .where('tenant_id', '=', tenantId)
      .where('channel', '=', 'in_app')
      .where((eb) =>
        eb.or([
          eb('recipient_user_id', '=', who.userId),
          eb('recipient_role', '=', who.role),
          ...(who.organizationId ? [eb('recipient_org_id', '=', who.organizationId)] : []),
        ]),
      )
      .orderBy('created_at', 'desc')
      .limit(limit)
      .execute();
  }
}
