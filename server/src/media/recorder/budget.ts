import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { absolutePath, removeFile } from './paths.ts';

export interface BudgetResult {
  totalBytes: number;
  deleted: number;
  freedBytes: number;
}

/**
 * Keeps recordings within a disk budget by deleting the oldest closed recordings first, while
 * recording goes on (never stop recording on a full disk; delete). Crash-safe: a recording's row
 * leaves the index and its file enters `recording_garbage` in one transaction; the file is unlinked
 * afterwards, and recovery finishes any unlink a crash interrupted. Runs left without recordings go too.
 *
 * A stop-gap until per-camera retention and evidence holds: it sums the index on each call, which is
 * fine for a few hundred cameras but not for a city (byte counters belong in the database then).
 */
export async function enforceBudget(db: Db, dataDir: string, budgetBytes: number, batch = 200): Promise<BudgetResult> {
  const { rows } = await sql<{ total: string | number }>`select coalesce(sum(bytes), 0) as total from recordings`.execute(db);
  let total = Number(rows[0]?.total ?? 0);
  const result: BudgetResult = { totalBytes: total, deleted: 0, freedBytes: 0 };
  while (total > budgetBytes) {
    const oldest = await db
      .selectFrom('recordings')
      .select(['id', 'path', 'bytes', 'run_id'])
      .where('sha256', 'is not', null) // closed recordings only: an open one is still being written
      .orderBy('start_time')
      .orderBy('id')
      .limit(batch)
      .execute();
    if (oldest.length === 0) break;
    const victims: typeof oldest = [];
    let freed = 0;
    for (const r of oldest) {
      if (total - freed <= budgetBytes) break;
      victims.push(r);
      freed += Number(r.bytes);
    }
    const garbage = await db.transaction().execute(async (tx) => {
      await tx.deleteFrom('recordings').where('id', 'in', victims.map((v) => v.id)).execute();
      const g = await tx
        .insertInto('recording_garbage')
        .values(victims.map((v) => ({ path: v.path, reason: 'budget' })))
        .returning(['id', 'path'])
        .execute();
      const runIds = [...new Set(victims.map((v) => v.run_id))];
      await tx
        .deleteFrom('recording_runs')
        .where('id', 'in', runIds)
        .where('ended_at', 'is not', null)
        .where(({ not, exists, selectFrom }) => not(exists(selectFrom('recordings').select('id').whereRef('recordings.run_id', '=', 'recording_runs.id'))))
        .execute();
      return g;
    });
    for (const g of garbage) {
      await removeFile(absolutePath(dataDir, g.path));
      await db.deleteFrom('recording_garbage').where('id', '=', g.id).execute();
    }
    total -= freed;
    result.deleted += victims.length;
    result.freedBytes += freed;
  }
  result.totalBytes = total;
  return result;
}
