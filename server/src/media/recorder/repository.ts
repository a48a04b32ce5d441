/**
 * The recorder's writes to the index (migration 0002): runs, recordings and the garbage table, and
 * what recovery reads. Range queries for playback live in `queries.ts`.
 * Wall times arrive as 90 kHz units since the epoch; timestamptz columns hold them rounded to ms
 * for range queries, `start_90k` keeps the exact value.
 */
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { StreamKind } from '../types.ts';
import { TICKS_PER_MS } from './timing.ts';

const toDate = (t90k: number): Date => new Date(Math.round(t90k / TICKS_PER_MS));
const bytea = (u: Uint8Array): Buffer => Buffer.from(u.buffer, u.byteOffset, u.byteLength);

export interface NewRecording {
  cameraId: string;
  runId: number;
  stream: StreamKind;
  /** Path without the id and extension, e.g. `recordings/<camera>/2026/01/05/1767574800000-`. */
  pathPrefix: string;
  start90k: number;
  codec: string;
  width: number;
  height: number;
  initBytes: number;
  sampleIndex: Uint8Array;
}

/** What an index update of an open recording writes. */
export interface RecordingProgress {
  frames: number;
  bytes: number;
  duration90k: number;
  /** Wall duration so far; the media duration until the recording closes. */
  wallDuration90k: number;
  start90k: number;
  sampleIndex: Uint8Array;
}

export interface OpenRecordingRow {
  id: number;
  runId: number;
  cameraId: string;
  path: string;
  start90k: number;
  wallDuration90k: number;
  initBytes: number;
  sampleIndex: Uint8Array;
}

export class RecordingRepository {
  constructor(private readonly db: Db) {}

  /** Wall end of the stream's latest recording, to keep a new run from starting before it. */
  async lastEnd90k(cameraId: string, stream: StreamKind): Promise<number | null> {
    const row = await this.db
      .selectFrom('recordings')
      .select(['start_90k', 'wall_duration_90k'])
      .where('camera_id', '=', cameraId)
      .where('stream', '=', stream)
      .orderBy('start_time', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row ? row.start_90k + row.wall_duration_90k : null;
  }

  async createRun(r: { node: string; cameraId: string; stream: StreamKind; codec: string; start90k: number }): Promise<number> {
    const row = await this.db
      .insertInto('recording_runs')
      .values({ node: r.node, camera_id: r.cameraId, stream: r.stream, codec: r.codec, started_at: toDate(r.start90k) })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async endRun(id: number, end90k: number, reason: string): Promise<void> {
    await this.db
      .updateTable('recording_runs')
      .set({ ended_at: sql<Date>`greatest(started_at, ${toDate(end90k)}::timestamptz)`, end_reason: reason })
      .where('id', '=', id)
      .execute();
  }

  /** Inserts an open recording; its file name ends with the row id, so the row exists before the file. */
  async createRecording(r: NewRecording): Promise<{ id: number; path: string }> {
    const start = toDate(r.start90k);
    const res = await sql<{ id: number; path: string }>`
      with n as (select nextval(pg_get_serial_sequence('recordings', 'id')) as id)
      insert into recordings (id, camera_id, run_id, stream, path, start_time, end_time, start_90k, codec, width, height, init_bytes, sample_index)
      select n.id, ${r.cameraId}::uuid, ${r.runId}::bigint, ${r.stream}::text, ${r.pathPrefix}::text || n.id || '.mp4',
        ${start}::timestamptz, ${start}::timestamptz, ${r.start90k}::bigint, ${r.codec}::text, ${r.width}::int, ${r.height}::int,
        ${r.initBytes}::int, ${bytea(r.sampleIndex)}::bytea
      from n
      returning id, path`.execute(this.db);
    const row = res.rows[0];
    if (!row) throw new Error('recordings insert returned no row');
    return { id: Number(row.id), path: row.path };
  }

  /** Index update of an open recording (its file has been synced up to `bytes`). */
  async updateProgress(id: number, p: RecordingProgress): Promise<void> {
    await this.db.updateTable('recordings').set(progressColumns(p)).where('id', '=', id).execute();
  }

  /** Final update: a recording with a hash is closed. */
  async closeRecording(id: number, p: RecordingProgress, sha256: Uint8Array): Promise<void> {
    await this.db.updateTable('recordings').set({ ...progressColumns(p), sha256: bytea(sha256) }).where('id', '=', id).execute();
  }

  /** Open recordings of this recorder node (recovery). */
  async openRecordings(node: string): Promise<OpenRecordingRow[]> {
    const rows = await this.db
      .selectFrom('recordings as x')
      .innerJoin('recording_runs as r', 'r.id', 'x.run_id')
      .select(['x.id', 'x.run_id', 'x.camera_id', 'x.path', 'x.start_90k', 'x.wall_duration_90k', 'x.init_bytes', 'x.sample_index'])
      .where('r.node', '=', node)
      .where('x.sha256', 'is', null)
      .orderBy('x.id')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      runId: r.run_id,
      cameraId: r.camera_id,
      path: r.path,
      start90k: r.start_90k,
      wallDuration90k: r.wall_duration_90k,
      initBytes: r.init_bytes,
      sampleIndex: new Uint8Array(r.sample_index),
    }));
  }

  async openRunIds(node: string): Promise<number[]> {
    const rows = await this.db.selectFrom('recording_runs').select('id').where('node', '=', node).where('ended_at', 'is', null).execute();
    return rows.map((r) => r.id);
  }

  /** Closes a run (left open by a crash or a failure) at the end of its last recording; drops it if it holds none. */
  async closeRunAtLastRecording(id: number, reason: string): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      const last = await tx
        .selectFrom('recordings')
        .select((eb) => [eb.fn.max('end_time').as('end'), eb.fn.countAll<number>().as('n')])
        .where('run_id', '=', id)
        .executeTakeFirstOrThrow();
      if (Number(last.n) === 0) {
        await tx.deleteFrom('recording_runs').where('id', '=', id).execute();
        return;
      }
      await tx
        .updateTable('recording_runs')
        .set({ ended_at: sql<Date>`greatest(started_at, ${last.end}::timestamptz)`, end_reason: reason })
        .where('id', '=', id)
        .execute();
    });
  }

  /** Removes a recording's row and queues its file for deletion, atomically. */
  async discardRecording(id: number, path: string, reason: string): Promise<number> {
    return this.db.transaction().execute(async (tx) => {
      await tx.deleteFrom('recordings').where('id', '=', id).execute();
      const g = await tx.insertInto('recording_garbage').values({ path, reason }).returning('id').executeTakeFirstOrThrow();
      return g.id;
    });
  }

  async addGarbage(path: string, reason: string): Promise<number> {
    const g = await this.db.insertInto('recording_garbage').values({ path, reason }).returning('id').executeTakeFirstOrThrow();
    return g.id;
  }

  async garbage(): Promise<{ id: number; path: string }[]> {
    return this.db.selectFrom('recording_garbage').select(['id', 'path']).orderBy('id').execute();
  }

  async removeGarbage(id: number): Promise<void> {
    await this.db.deleteFrom('recording_garbage').where('id', '=', id).execute();
  }

  /** Paths of a camera's recordings starting in [fromMs, toMs) (orphan scan of one day directory). */
  async pathsStartingIn(cameraId: string, fromMs: number, toMs: number): Promise<Set<string>> {
    const rows = await this.db
      .selectFrom('recordings')
      .select('path')
      .where('camera_id', '=', cameraId)
      .where('start_time', '>=', new Date(fromMs))
      .where('start_time', '<', new Date(toMs))
      .execute();
    return new Set(rows.map((r) => r.path));
  }
}

function progressColumns(p: RecordingProgress) {
  return {
    frames: p.frames,
    bytes: p.bytes,
    duration_90k: p.duration90k,
    wall_duration_90k: p.wallDuration90k,
    end_time: toDate(p.start90k + p.wallDuration90k),
    sample_index: bytea(p.sampleIndex),
  };
}
