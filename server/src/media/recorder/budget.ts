import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { absolutePath, removeFile } from './paths.ts';

export interface RetentionPolicy {
  /** Bytes recordings may use; the oldest go first beyond it. */
  budgetBytes: number;
  /** Days kept for cameras without their own `retention_days`; null: no age limit. */
  defaultRetentionDays: number | null;
  /** Now, ms (injected for tests). */
  nowMs: number;
  /** Free bytes to keep on the volume whatever the budget says (0: ignore free space). */
  minFreeBytes?: number;
  /** Free bytes on the volume now (statfs), when known. */
  freeBytes?: number | null;
}

export interface BudgetResult {
  totalBytes: number;
  deleted: number;
  freedBytes: number;
  /** Recordings deleted for age (retention days). */
  expired: number;
  /** Closed recordings beyond the budget that are held as evidence and were kept. */
  heldOverBudget: boolean;
}

/** A closed recording under an active evidence hold is never deleted (SQL fragment, alias `r`). */
const NOT_HELD = sql<boolean>`not exists (select 1 from evidence_holds h where h.camera_id = r.camera_id and h.released_at is null and h.start_time < r.end_time and h.end_time > r.start_time)`;

/**
 * Retention while recording goes on (never stop recording on a full disk; delete):
 * 1. recordings older than their camera's retention days go;
 * 2. beyond the budget (or when the volume runs short of free space) the oldest go first.
 * Held evidence is skipped; open recordings are never touched. Byte totals come from
 * `recording_totals` (kept by a trigger), so no directory is walked and nothing is summed. Crash-safe:
 * a recording's row leaves the index and its file enters `recording_garbage` in one transaction; the
 * file is unlinked afterwards, and recovery finishes any unlink a crash interrupted.
 */
export async function enforceRetention(db: Db, dataDir: string, p: RetentionPolicy, batch = 200): Promise<BudgetResult> {
  const result: BudgetResult = { totalBytes: 0, deleted: 0, freedBytes: 0, expired: 0, heldOverBudget: false };
  // 1. age
  for (;;) {
    const victims = await db
      .selectFrom('recordings as r')
      .leftJoin('cameras as c', 'c.id', 'r.camera_id')
      .select(['r.id', 'r.path', 'r.bytes', 'r.run_id'])
      .where('r.sha256', 'is not', null)
      .where(sql<boolean>`coalesce(c.retention_days, ${p.defaultRetentionDays ?? null}::integer) is not null`)
      .where(sql<boolean>`r.end_time < ${new Date(p.nowMs)}::timestamptz - make_interval(days => coalesce(c.retention_days, ${p.defaultRetentionDays ?? null}::integer))`)
      .where(NOT_HELD)
      .orderBy('r.start_time')
      .limit(batch)
      .execute();
    if (victims.length === 0) break;
    const freed = await remove(db, dataDir, victims, 'retention');
    result.expired += victims.length;
    result.deleted += victims.length;
    result.freedBytes += freed;
    if (victims.length < batch) break;
  }
  // 2. budget and free space
  let total = await totalBytes(db);
  const shortOfSpace = p.minFreeBytes && p.freeBytes != null ? Math.max(0, p.minFreeBytes - p.freeBytes) : 0;
  const limit = Math.max(0, Math.min(p.budgetBytes, total - shortOfSpace));
  while (total > limit) {
    const oldest = await db
      .selectFrom('recordings as r')
      .select(['r.id', 'r.path', 'r.bytes', 'r.run_id'])
      .where('r.sha256', 'is not', null) // closed recordings only: an open one is still being written
      .where(NOT_HELD)
      .orderBy('r.start_time')
      .orderBy('r.id')
      .limit(batch)
      .execute();
    if (oldest.length === 0) {
      // what is left is open or held: recording goes on, the operator sees it on the storage page
      result.heldOverBudget = true;
      break;
    }
    const victims: typeof oldest = [];
    let planned = 0;
    for (const r of oldest) {
      if (total - planned <= limit) break;
      victims.push(r);
      planned += Number(r.bytes);
    }
    const freed = await remove(db, dataDir, victims, 'budget');
    total -= freed;
    result.deleted += victims.length;
    result.freedBytes += freed;
  }
  result.totalBytes = await totalBytes(db);
  return result;
}

async function totalBytes(db: Db): Promise<number> {
  const { rows } = await sql<{ total: string | number }>`select coalesce(sum(bytes), 0) as total from recording_totals`.execute(db);
  return Number(rows[0]?.total ?? 0);
}

/** Deletes index rows and queues their files in one transaction, then unlinks; returns the bytes freed. */
async function remove(db: Db, dataDir: string, victims: { id: number; path: string; bytes: number; run_id: number }[], reason: string): Promise<number> {
  const garbage = await db.transaction().execute(async (tx) => {
    // the hold check again inside the transaction: a hold created since the select wins
    const gone = await tx
      .deleteFrom('recordings as r')
      .where('r.id', 'in', victims.map((v) => v.id))
      .where(NOT_HELD)
      .returning(['r.path', 'r.bytes', 'r.run_id'])
      .execute();
    if (gone.length === 0) return { files: [], bytes: 0 };
    const files = await tx
      .insertInto('recording_garbage')
      .values(gone.map((v) => ({ path: v.path, reason })))
      .returning(['id', 'path'])
      .execute();
    const runIds = [...new Set(gone.map((v) => Number(v.run_id)))];
    await tx
      .deleteFrom('recording_runs')
      .where('id', 'in', runIds)
      .where('ended_at', 'is not', null)
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('recordings').select('id').whereRef('recordings.run_id', '=', 'recording_runs.id'))))
      .execute();
    return { files, bytes: gone.reduce((n, v) => n + Number(v.bytes), 0) };
  });
  for (const g of garbage.files) {
    await removeFile(absolutePath(dataDir, g.path));
    await db.deleteFrom('recording_garbage').where('id', '=', g.id).execute();
  }
  return garbage.bytes;
}
