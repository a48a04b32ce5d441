import { sql } from 'kysely';
import type { AuditQuery } from '@pantau/shared';
import type { Executor } from '../../platform/db/database.ts';
import type { ChainedFields } from './audit.chain.ts';

// Any constant: serializes appends so two transactions never chain onto the same previous row.
const AUDIT_LOCK = 7_210_001;

export interface AuditRow extends ChainedFields {
  id: number;
  prevHash: string;
  hash: string;
}

const columns = ['id', 'tenant_id', 'at', 'actor_id', 'actor_label', 'action', 'target_type', 'target_id', 'ip', 'details', 'prev_hash', 'hash'] as const;

function toRow(r: any): AuditRow {
  return {
    id: Number(r.id),
    tenantId: r.tenant_id,
    at: new Date(r.at),
    actorId: r.actor_id,
    actorLabel: r.actor_label,
    action: r.action,
    targetType: r.target_type,
    targetId: r.target_id,
    ip: r.ip,
    details: r.details ?? {},
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

export class AuditRepository {
  /** Takes the append lock for the rest of the transaction and returns the newest hash. */
  async lockAndGetLastHash(tx: Executor): Promise<string | null> {
    await sql`select pg_advisory_xact_lock(${AUDIT_LOCK})`.execute(tx);
    const last = await tx.selectFrom('audit_log').select('hash').orderBy('id', 'desc').limit(1).executeTakeFirst();
    return last?.hash ?? null;
  }

  /** Inserts rows in chain order (identity ids follow insertion order within one statement batch). */
  async appendMany(tx: Executor, rows: { fields: ChainedFields; prevHash: string; hash: string }[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 500) {
      await tx
        .insertInto('audit_log')
        .values(
          rows.slice(i, i + 500).map(({ fields: f, prevHash, hash }) => ({
            tenant_id: f.tenantId,
            at: f.at,
            actor_id: f.actorId,
            actor_label: f.actorLabel,
            action: f.action,
            target_type: f.targetType,
            target_id: f.targetId,
            ip: f.ip,
            details: JSON.stringify(f.details),
            prev_hash: prevHash,
            hash,
          })),
        )
        .execute();
    }
  }

  async listByTenant(db: Executor, tenantId: string, q: AuditQuery): Promise<{ items: AuditRow[]; total: number }> {
    let base = db.selectFrom('audit_log').where('tenant_id', '=', tenantId);
    if (q.action) base = base.where('action', 'like', `${q.action.replace(/[%_\\]/g, '\\$&')}%`);
    if (q.actorId) base = base.where('actor_id', '=', q.actorId);
    if (q.targetType) base = base.where('target_type', '=', q.targetType);
    if (q.targetId) base = base.where('target_id', '=', q.targetId);
    if (q.from) base = base.where('at', '>=', new Date(q.from));
    if (q.to) base = base.where('at', '<', new Date(q.to));
    const [rows, count] = await Promise.all([
      base.select(columns).orderBy('id', 'desc').limit(q.limit).offset(q.offset).execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items: rows.map(toRow), total: Number(count.n) };
  }

  /** The whole chain in order, in pages, for verification. */
  async *streamAll(db: Executor, pageSize = 5000): AsyncGenerator<AuditRow> {
    let after = 0;
    for (;;) {
      const rows = await db.selectFrom('audit_log').select(columns).where('id', '>', String(after)).orderBy('id').limit(pageSize).execute();
      if (rows.length === 0) return;
      for (const r of rows) yield toRow(r);
      after = Number(rows[rows.length - 1]!.id);
    }
  }
}
