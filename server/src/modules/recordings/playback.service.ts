/**
 * Watching recorded video: the timeline of a camera, playable items for a range, the MP4 bytes
 * themselves and keyframe thumbnails. Visibility of the camera is checked first, every time.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { MAX_PLAYBACK_ITEM_MINUTES, MAX_TIMELINE_DAYS, type Playback as PlaybackBody, type PlaybackItem, type RangeQuery, type Timeline } from '@pantau/shared';
import type { Db } from '../../platform/db/database.ts';
import type { Actor } from '../../platform/authz/actor.ts';
import type { Policy } from '../../platform/authz/policy.ts';
import { badRequest, DomainError, notFound } from '../../platform/http/errors.ts';
import type { AuditWriter } from '../audit/index.ts';
import type { CamerasService } from '../cameras/index.ts';
import { spanFps, type Playback, type PlannedSpan, type VirtualMp4 } from '../../media/index.ts';
import type { EvidenceService } from './evidence.service.ts';
import { decodeThumbnail } from './thumbnail.ts';

const iso = (ms: number): string => new Date(Math.round(ms)).toISOString();
const DAY = 86_400_000;

export interface PlaybackServiceOptions {
  dataDir: string;
  ffmpegPath: string | null;
  now: () => number;
}

export class PlaybackService {
  constructor(
    private readonly db: Db,
    private readonly policy: Policy,
    private readonly audit: AuditWriter,
    private readonly cameras: CamerasService,
    private readonly evidence: EvidenceService,
    private readonly playback: Playback,
    private readonly o: PlaybackServiceOptions,
  ) {}

  /** Recorded stretches, gaps with their reasons, bookmarks and holds of one camera over a range. */
  async timeline(actor: Actor, cameraId: string, q: RangeQuery): Promise<Timeline> {
    this.policy.authorize(actor, 'recording.view');
    const from = Date.parse(q.from);
    const to = Date.parse(q.to);
    if (to - from > MAX_TIMELINE_DAYS * DAY) throw badRequest(`Rentang waktu paling lama ${MAX_TIMELINE_DAYS} hari`, [{ path: 'query.to', message: 'terlalu jauh dari from' }]);
    await this.cameras.get(actor, cameraId);
    const [{ spans, runs }, bookmarks, holds] = await Promise.all([
      this.playback.recorded(cameraId, q.stream, from, to),
      this.evidence.bookmarksOf(actor, cameraId, from, to),
      this.evidence.holdsOf(actor, cameraId, from, to),
    ]);
    const recorded = spans.map((s) => ({ start: iso(Math.max(s.startMs, from)), end: iso(Math.min(s.endMs, to)) }));
    const gaps: Timeline['gaps'] = [];
    const now = this.o.now();
    let cursor = from;
    for (const s of [...spans, { startMs: Math.min(to, now), endMs: Math.min(to, now) }]) {
      if (s.startMs - cursor > 1000) {
        // the run that ended at the gap's start says why
        const ended = runs.filter((r) => r.endMs !== null && r.endMs <= s.startMs + 1000 && r.endMs >= cursor - 2000).pop();
        gaps.push({ start: iso(cursor), end: iso(s.startMs), reason: ended?.endReason ?? null });
      }
      cursor = Math.max(cursor, s.endMs);
    }
    const open = runs.some((r) => r.endMs === null);
    return { cameraId, from: q.from, to: q.to, recorded, gaps, bookmarks, holds, live: open && to >= now - 60_000 };
  }

  /** Playable items (≤ 60 min each) for a range, each an MP4 URL, and the gaps between them. Audited. */
  async items(actor: Actor, cameraId: string, q: RangeQuery): Promise<PlaybackBody> {
    this.policy.authorize(actor, 'recording.view');
    const from = Date.parse(q.from);
    const to = Date.parse(q.to);
    if (to - from > DAY) throw badRequest('Rentang putar ulang paling lama 24 jam', [{ path: 'query.to', message: 'terlalu jauh dari from' }]);
    await this.cameras.get(actor, cameraId);
    const plan = await this.playback.plan(cameraId, q.stream, from, to);
    const items: PlaybackItem[] = [];
    for (const span of plan.spans) items.push(...windows(span, cameraId, q.stream));
    await this.db.transaction().execute((tx) => this.audit.record(tx, actor, { action: 'recording.view', targetType: 'camera', targetId: cameraId, details: { from: q.from, to: q.to, stream: q.stream } }));
    return { items, gaps: plan.gaps.map((g) => ({ start: iso(g.start90k / 90), end: iso(g.end90k / 90), reason: g.reason })) };
  }

  /** The MP4 of the one stretch that starts at `from` (an item's URL). */
  async video(actor: Actor, cameraId: string, q: RangeQuery, edit: boolean): Promise<VirtualMp4> {
    this.policy.authorize(actor, 'recording.view');
    await this.cameras.get(actor, cameraId);
    const plan = await this.playback.plan(cameraId, q.stream, Date.parse(q.from), Date.parse(q.to));
    const span = plan.spans[0];
    if (!span) throw notFound('Rekaman');
    return this.playback.file(span, { edit });
  }

  /**
   * JPEG of the keyframe at or before `at` (cached). Expected outcomes are values: `unavailable`
   * without ffmpeg, `none` where nothing is recorded.
   */
  async thumbnail(actor: Actor, cameraId: string, at: number): Promise<{ kind: 'jpeg'; jpeg: Buffer } | { kind: 'unavailable' | 'none' }> {
    this.policy.authorize(actor, 'recording.view');
    await this.cameras.get(actor, cameraId);
    if (!this.o.ffmpegPath) return { kind: 'unavailable' };
    const plan = await this.playback.plan(cameraId, 'main', at, at + 1);
    const span = plan.spans[0];
    if (!span) return { kind: 'none' };
    const key = span.keyStart90k;
    const path = join(this.o.dataDir, 'thumbnails', cameraId, `${key}.jpg`);
    try {
      return { kind: 'jpeg', jpeg: await readFile(path) };
    } catch {
      // not cached yet
    }
    const one: PlannedSpan = { ...span, start90k: key, end90k: key + span.samples[0]!.duration, samples: [span.samples[0]!], pieces: firstBytes(span, span.samples[0]!.size) };
    let jpeg: Buffer;
    try {
      jpeg = await decodeThumbnail(this.o.ffmpegPath, this.playback.file(one, { edit: false }).read());
    } catch (err) {
      throw new DomainError('unavailable', 'Gambar pratinjau tidak dapat dibuat', { reason: (err as Error).message.slice(0, 300) });
    }
    await mkdir(dirname(path), { recursive: true });
    await writeFile(`${path}.tmp`, jpeg);
    await rename(`${path}.tmp`, path);
    return { kind: 'jpeg', jpeg };
  }
}

/** The data pieces holding the first `bytes` of a span. */
function firstBytes(span: PlannedSpan, bytes: number) {
  const out = [];
  let left = bytes;
  for (const p of span.pieces) {
    if (left <= 0) break;
    out.push({ ...p, length: Math.min(p.length, left) });
    left -= p.length;
  }
  return out;
}

/** Cuts a span into items of at most MAX_PLAYBACK_ITEM_MINUTES, each from the keyframe before it. */
function windows(span: PlannedSpan, cameraId: string, stream: string): PlaybackItem[] {
  const max = MAX_PLAYBACK_ITEM_MINUTES * 60 * 90_000;
  const fps = spanFps(span);
  const out: PlaybackItem[] = [];
  // keyframe times of the span, to name each window's decoding start
  const keys: number[] = [];
  let t = span.keyStart90k;
  for (const s of span.samples) {
    if (s.isKey) keys.push(t);
    t += s.duration;
  }
  for (let start = span.start90k; start < span.end90k; start += max) {
    const end = Math.min(span.end90k, start + max);
    let key = keys[0]!;
    for (const k of keys) if (k <= start) key = k;
    const from = iso(start / 90);
    const to = iso(end / 90);
    out.push({
      start: from,
      end: to,
      keyframeStart: iso(key / 90),
      url: `/api/cameras/${cameraId}/video.mp4?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&stream=${stream}`,
      codec: span.codec,
      width: span.width,
      height: span.height,
      fps,
    });
  }
  return out;
}
