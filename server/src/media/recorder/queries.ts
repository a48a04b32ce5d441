/**
 * Read side of the recording index: what playback, the timeline and the storage page ask for.
 */
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { StreamKind } from '../types.ts';
import { MAX_RECORDING_SECONDS, MAX_SLEW_PPM, TICKS_PER_MS } from './timing.ts';

/** Longest wall duration a recording can have: bounds the index scan of range queries. */
const MAX_RECORDING_MS = MAX_RECORDING_SECONDS * 1000 * (1 + MAX_SLEW_PPM / 1e6) + 1000;

/** A recording overlapping a queried range. */
export interface RecordingInfo {
  id: number;
  runId: number;
  path: string;
  /** Wall start and end, 90 kHz since the epoch (exact) and ms (may be fractional). */
  start90k: number;
  end90k: number;
  startMs: number;
  endMs: number;
  duration90k: number;
  wallDuration90k: number;
  frames: number;
  bytes: number;
  codec: string;
  width: number;
  height: number;
  initBytes: number;
  /** Still being written. */
  open: boolean;
  sha256: string | null;
}

/** A run overlapping a queried range; the time between two runs is a gap in recording. */
export interface RunInfo {
  id: number;
  startMs: number;
  /** Null while the run is open. */
  endMs: number | null;
  endReason: string | null;
  /** End of the last recording the run holds (for an open run, how far it is recorded). */
  recordedUntilMs: number | null;
  codec: string;
}

/** Per-camera storage use, for retention and the storage page. */
export interface StorageTotals {
  cameraId: string;
  bytes: number;
  recordings: number;
  oldestMs: number | null;
}

export class RecordingQueries {
  constructor(private readonly db: Db) {}

  /** Recordings overlapping [fromMs, toMs), oldest first. */
  async recordingsInRange(cameraId: string, stream: StreamKind, fromMs: number, toMs: number): Promise<RecordingInfo[]> {
    const rows = await this.db
      .selectFrom('recordings')
      .selectAll()
      .where('camera_id', '=', cameraId)
      .where('stream', '=', stream)
      // recordings are at most MAX_RECORDING long: this bound keeps the scan on the index
      .where('start_time', '>', new Date(fromMs - MAX_RECORDING_MS))
      .where('start_time', '<', new Date(toMs))
      .where('end_time', '>', new Date(fromMs))
      .orderBy('start_time')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      runId: r.run_id,
      path: r.path,
      start90k: r.start_90k,
      end90k: r.start_90k + r.wall_duration_90k,
      startMs: r.start_90k / TICKS_PER_MS,
      endMs: (r.start_90k + r.wall_duration_90k) / TICKS_PER_MS,
      duration90k: r.duration_90k,
      wallDuration90k: r.wall_duration_90k,
      frames: r.frames,
      bytes: r.bytes,
      codec: r.codec,
      width: r.width,
      height: r.height,
      initBytes: r.init_bytes,
      open: r.sha256 === null,
      sha256: r.sha256 === null ? null : Buffer.from(r.sha256).toString('hex'),
    }));
  }

  /**
   * Recorded stretches overlapping [fromMs, toMs): recordings less than half a second apart merged
   * in SQL (gaps and islands), so a week of one camera (~10,000 recordings) returns a few rows.
   */
  async spansInRange(cameraId: string, stream: StreamKind, fromMs: number, toMs: number): Promise<{ start90k: number; end90k: number }[]> {
    const { rows } = await sql<{ s: string; e: string }>`
      select min(start_90k) as s, max(end_90k) as e from (
        select start_90k, end_90k, sum(case when start_90k - prev_end <= 45000 then 0 else 1 end) over (order by start_time, id) as island
        from (
          select id, start_time, start_90k, start_90k + wall_duration_90k as end_90k,
                 lag(start_90k + wall_duration_90k) over (order by start_time, id) as prev_end
          from recordings
          where camera_id = ${cameraId} and stream = ${stream}
            and start_time > ${new Date(fromMs - MAX_RECORDING_MS)} and start_time < ${new Date(toMs)} and end_time > ${new Date(fromMs)}
        ) x
      ) y group by island order by 1`.execute(this.db);
    return rows.map((r) => ({ start90k: Number(r.s), end90k: Number(r.e) }));
  }

  /** Path and SHA-256 (null while open) of recordings by id. */
  async hashesOf(ids: number[]): Promise<{ id: number; path: string; sha256: Uint8Array | null }[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.selectFrom('recordings').select(['id', 'path', 'sha256']).where('id', 'in', ids).execute();
    return rows.map((r) => ({ id: Number(r.id), path: r.path, sha256: r.sha256 }));
  }

  /** Recordings overlapping [fromMs, toMs) with their per-frame index, oldest first (playback, export). */
  async indexedInRange(cameraId: string, stream: StreamKind, fromMs: number, toMs: number) {
    return this.db
      .selectFrom('recordings')
      .select(['id', 'run_id', 'path', 'start_90k', 'codec', 'width', 'height', 'init_bytes', 'sample_index'])
      .where('camera_id', '=', cameraId)
      .where('stream', '=', stream)
      .where('start_time', '>', new Date(fromMs - MAX_RECORDING_MS))
      .where('start_time', '<', new Date(toMs))
      .where('end_time', '>', new Date(fromMs))
      .where('frames', '>', 0)
      .orderBy('start_time')
      .execute();
  }

  /** Runs overlapping [fromMs, toMs), oldest first; `recordedUntil` costs a scan of each run's recordings. */
  async runsInRange(cameraId: string, stream: StreamKind, fromMs: number, toMs: number, opts: { recordedUntil?: boolean } = {}): Promise<RunInfo[]> {
    const withUntil = opts.recordedUntil ?? true;
    const rows = await this.db
      .selectFrom('recording_runs as r')
      .select((eb) => [
        'r.id',
        'r.started_at',
        'r.ended_at',
        'r.end_reason',
        'r.codec',
        withUntil
          ? eb.selectFrom('recordings as x').select((e) => e.fn.max('x.end_time').as('m')).whereRef('x.run_id', '=', 'r.id').as('recorded_until')
          : sql<Date | null>`null::timestamptz`.as('recorded_until'),
      ])
      .where('r.camera_id', '=', cameraId)
      .where('r.stream', '=', stream)
      .where('r.started_at', '<', new Date(toMs))
      .where((eb) => eb.or([eb('r.ended_at', 'is', null), eb('r.ended_at', '>', new Date(fromMs))]))
      .orderBy('r.started_at')
      .orderBy('r.id')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      startMs: r.started_at.getTime(),
      endMs: r.ended_at === null ? null : r.ended_at.getTime(),
      endReason: r.end_reason,
      recordedUntilMs: r.recorded_until === null ? null : new Date(r.recorded_until).getTime(),
      codec: r.codec,
    }));
  }

  /** Bytes, count and oldest recording per camera (all cameras, or one). */
  async storageTotals(cameraId?: string): Promise<StorageTotals[]> {
    let q = this.db
      .selectFrom('recordings')
      .select((eb) => [
        'camera_id',
        sql<number>`coalesce(sum(bytes), 0)::bigint`.as('bytes'),
        eb.fn.countAll<number>().as('n'),
        eb.fn.min('start_time').as('oldest'),
      ])
      .groupBy('camera_id')
      .orderBy('camera_id');
    if (cameraId !== undefined) q = q.where('camera_id', '=', cameraId);
    const rows = await q.execute();
    return rows.map((r) => ({
      cameraId: r.camera_id,
      bytes: Number(r.bytes),
      recordings: Number(r.n),
      oldestMs: r.oldest === null ? null : new Date(r.oldest).getTime(),
    }));
  }
}
