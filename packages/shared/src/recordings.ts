import { z } from 'zod';

/**
 * Playback, bookmarks, evidence export, evidence holds and storage: the contracts of recorded video.
 * Times on the wire are ISO 8601 strings with a timezone (UTC `Z` from the server).
 */

const instant = z.iso.datetime({ offset: true });
/** Longest range one timeline query may span. */
export const MAX_TIMELINE_DAYS = 31;
/** Longest range one export may span. */
export const MAX_EXPORT_HOURS = 24;
/** Longest stretch one playback item covers (longer spans are cut into several items). */
export const MAX_PLAYBACK_ITEM_MINUTES = 60;

export const streamKindSchema = z.enum(['main', 'sub']);

export const rangeQuerySchema = z
  .object({ from: instant, to: instant, stream: streamKindSchema.default('main') })
  .refine((v) => Date.parse(v.from) < Date.parse(v.to), { message: '`from` harus sebelum `to`', path: ['to'] });
export type RangeQuery = z.infer<typeof rangeQuerySchema>;

/** A stretch of time [start, end). */
export const spanSchema = z.object({ start: z.string(), end: z.string() });
export type Span = z.infer<typeof spanSchema>;

/** Why there is no video: the run before the gap ended with this reason (`crash`, `backlog`, `offline`, `detach`, …). */
export const gapSchema = spanSchema.extend({ reason: z.string().nullable() });
export type Gap = z.infer<typeof gapSchema>;

export const bookmarkSchema = z.object({
  id: z.uuid(),
  cameraId: z.uuid(),
  cameraName: z.string(),
  start: z.string(),
  /** Null for a single instant. */
  end: z.string().nullable(),
  note: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
});
export type Bookmark = z.infer<typeof bookmarkSchema>;

export const bookmarkInputSchema = z
  .strictObject({ cameraId: z.uuid(), start: instant, end: instant.nullable().default(null), note: z.string().trim().min(1).max(1000) })
  .refine((v) => v.end === null || Date.parse(v.start) < Date.parse(v.end), { message: 'akhir harus setelah awal', path: ['end'] });
export type BookmarkInput = z.input<typeof bookmarkInputSchema>;

export const bookmarkQuerySchema = z.object({
  cameraId: z.uuid().optional(),
  from: instant.optional(),
  to: instant.optional(),
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

export const holdSchema = z.object({
  id: z.uuid(),
  cameraId: z.uuid(),
  cameraName: z.string(),
  start: z.string(),
  end: z.string(),
  reason: z.string(),
  caseNumber: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  releasedAt: z.string().nullable(),
  releasedBy: z.string().nullable(),
  releaseReason: z.string().nullable(),
});
export type Hold = z.infer<typeof holdSchema>;

export const holdInputSchema = z
  .strictObject({ cameraId: z.uuid(), start: instant, end: instant, reason: z.string().trim().min(3).max(1000), caseNumber: z.string().trim().max(100).nullable().default(null) })
  .refine((v) => Date.parse(v.start) < Date.parse(v.end), { message: 'akhir harus setelah awal', path: ['end'] });
export type HoldInput = z.input<typeof holdInputSchema>;
export const holdReleaseSchema = z.strictObject({ reason: z.string().trim().min(3).max(1000) });

/** What the timeline of one camera shows for a range. */
export const timelineSchema = z.object({
  cameraId: z.uuid(),
  from: z.string(),
  to: z.string(),
  /** Recorded stretches, merged where recordings touch. */
  recorded: z.array(spanSchema),
  gaps: z.array(gapSchema),
  bookmarks: z.array(bookmarkSchema),
  holds: z.array(holdSchema),
  /** Still recording at `to` (the last span is open). */
  live: z.boolean(),
});
export type Timeline = z.infer<typeof timelineSchema>;

/**
 * One playable stretch: `url` is a standard MP4 built from the recordings (HTTP range requests),
 * starting at the keyframe at or before `start`. Play it from `start - keyframeStart` seconds.
 */
export const playbackItemSchema = z.object({
  start: z.string(),
  end: z.string(),
  keyframeStart: z.string(),
  url: z.string(),
  /** RFC 6381 codec string, e.g. `avc1.640028`, for `MediaSource.isTypeSupported`/`canPlayType`. */
  codec: z.string(),
  width: z.number().int(),
  height: z.number().int(),
  fps: z.number(),
});
export type PlaybackItem = z.infer<typeof playbackItemSchema>;

export const playbackSchema = z.object({ items: z.array(playbackItemSchema), gaps: z.array(gapSchema) });
export type Playback = z.infer<typeof playbackSchema>;

export const EXPORT_STATUSES = ['queued', 'running', 'done', 'failed'] as const;

export const exportFileSchema = z.object({
  name: z.string(),
  cameraId: z.uuid(),
  start: z.string(),
  end: z.string(),
  bytes: z.number().int(),
  sha256: z.string(),
  url: z.string(),
});

export const exportSchema = z.object({
  id: z.uuid(),
  status: z.enum(EXPORT_STATUSES),
  /** 0..1 */
  progress: z.number(),
  cameraIds: z.array(z.uuid()),
  from: z.string(),
  to: z.string(),
  reason: z.string(),
  caseNumber: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  error: z.string().nullable(),
  files: z.array(exportFileSchema),
  gaps: z.array(gapSchema.extend({ cameraId: z.uuid() })),
  /** Signed manifest (JSON) and its Ed25519 signature, once done. */
  manifestUrl: z.string().nullable(),
  signatureUrl: z.string().nullable(),
  /** Whole export as one ZIP, once done. */
  zipUrl: z.string().nullable(),
  holdIds: z.array(z.uuid()),
});
export type Export = z.infer<typeof exportSchema>;

export const exportInputSchema = z
  .strictObject({
    cameraIds: z.array(z.uuid()).min(1).max(16),
    from: instant,
    to: instant,
    reason: z.string().trim().min(3).max(1000),
    caseNumber: z.string().trim().max(100).nullable().default(null),
    /** Also put the range on evidence hold for every camera. */
    hold: z.boolean().default(false),
  })
  .refine((v) => Date.parse(v.from) < Date.parse(v.to), { message: '`from` harus sebelum `to`', path: ['to'] })
  .refine((v) => Date.parse(v.to) - Date.parse(v.from) <= MAX_EXPORT_HOURS * 3_600_000, { message: `paling lama ${MAX_EXPORT_HOURS} jam per ekspor`, path: ['to'] });
export type ExportInput = z.input<typeof exportInputSchema>;

export const storageCameraSchema = z.object({
  cameraId: z.uuid(),
  name: z.string(),
  code: z.string(),
  regionCode: z.string(),
  bytes: z.number(),
  recordings: z.number().int(),
  oldest: z.string().nullable(),
  /** Days of video kept now (oldest recording to now). */
  daysRetained: z.number(),
  /** Per-camera retention; null uses the installation default. */
  retentionDays: z.number().int().nullable(),
  /** Bytes a day at the last day's rate. */
  bytesPerDay: z.number(),
  /** Days the budget lasts at the current rate of the whole installation, for this camera's share. */
  projectedDays: z.number().nullable(),
  heldBytes: z.number(),
});

export const storageSchema = z.object({
  totalBytes: z.number(),
  heldBytes: z.number(),
  budgetBytes: z.number(),
  defaultRetentionDays: z.number().int().nullable(),
  volume: z.object({ sizeBytes: z.number(), freeBytes: z.number() }).nullable(),
  bytesPerDay: z.number(),
  projectedDays: z.number().nullable(),
  cameras: z.array(storageCameraSchema),
  regions: z.array(z.object({ regionCode: z.string(), regionName: z.string(), bytes: z.number(), cameras: z.number().int() })),
});
export type Storage = z.infer<typeof storageSchema>;

export const retentionInputSchema = z.strictObject({ retentionDays: z.number().int().min(1).max(3650).nullable() });
