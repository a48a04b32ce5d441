import { z } from 'zod';
import { regionCodeSchema } from './common.ts';

/** Where an incident came from: one model for every channel. */
export const INCIDENT_CHANNELS = ['call_112', 'web', 'open311', 'cctv', 'sensor'] as const;
export const incidentChannelSchema = z.enum(INCIDENT_CHANNELS);
export type IncidentChannel = z.infer<typeof incidentChannelSchema>;

export const INCIDENT_PRIORITIES = ['critical', 'high', 'medium', 'low'] as const;
export const incidentPrioritySchema = z.enum(INCIDENT_PRIORITIES);
export type IncidentPriority = z.infer<typeof incidentPrioritySchema>;

/** Lifecycle (DOMAIN.md): received → verified → dispatched → in_progress ↔ on_hold → resolved → closed. */
export const INCIDENT_STATUSES = ['received', 'verified', 'rejected', 'merged', 'dispatched', 'in_progress', 'on_hold', 'resolved', 'closed'] as const;
export const incidentStatusSchema = z.enum(INCIDENT_STATUSES);
export type IncidentStatus = z.infer<typeof incidentStatusSchema>;
/**
 * The state machine: which status may follow which (server enforces it, console offers it).
 * `merged` and `rejected` are ends; leaving `resolved`/`closed` for `in_progress` is a reopen.
 */
export const INCIDENT_TRANSITIONS: Record<IncidentStatus, readonly IncidentStatus[]> = {
  received: ['verified', 'rejected', 'merged'],
  verified: ['dispatched', 'rejected', 'merged', 'in_progress'],
  dispatched: ['in_progress', 'on_hold', 'resolved'],
  in_progress: ['on_hold', 'resolved'],
  on_hold: ['in_progress', 'resolved'],
  resolved: ['closed', 'in_progress'],
  closed: ['in_progress'],
  rejected: [],
  merged: [],
};
/** Statuses of an incident still being handled (the operator board). */
export const ACTIVE_INCIDENT_STATUSES = ['received', 'verified', 'dispatched', 'in_progress', 'on_hold'] as const satisfies readonly IncidentStatus[];

/** The seeded categories; a tenant may add more (`incident_categories`). */
export const DEFAULT_INCIDENT_CATEGORIES = [
  'kebakaran', 'banjir', 'kecelakaan_lalu_lintas', 'kemacetan', 'pohon_tumbang', 'lampu_jalan_mati',
  'jalan_rusak', 'kerumunan_demo', 'kriminalitas', 'kesehatan_darurat', 'sampah', 'lainnya',
] as const;
export const categoryCodeSchema = z.string().regex(/^[a-z][a-z0-9_]{1,39}$/, 'kode kategori: huruf kecil, angka, garis bawah');

export const TASK_STATUSES = ['dispatched', 'en_route', 'on_scene', 'done'] as const;
export const taskStatusSchema = z.enum(TASK_STATUSES);
export type TaskStatus = z.infer<typeof taskStatusSchema>;

/** SLA state of a timer: met (done in time), late (done after due), ok, warning (≥ 75 % used), breached. */
export const SLA_STATES = ['ok', 'warning', 'breached', 'met', 'late'] as const;
export const slaStateSchema = z.enum(SLA_STATES);
export type SlaState = z.infer<typeof slaStateSchema>;
export const slaTimerSchema = z.object({ dueAt: z.string(), doneAt: z.string().nullable(), state: slaStateSchema });
export type SlaTimer = z.infer<typeof slaTimerSchema>;

export const latSchema = z.number().min(-90).max(90);
export const lngSchema = z.number().min(-180).max(180);

export const incidentCategorySchema = z.object({
  code: z.string(),
  name: z.string(),
  defaultPriority: incidentPrioritySchema,
  active: z.boolean(),
});
export type IncidentCategory = z.infer<typeof incidentCategorySchema>;
export const incidentCategoryInputSchema = z.strictObject({
  code: categoryCodeSchema,
  name: z.string().trim().min(1).max(80),
  defaultPriority: incidentPrioritySchema,
  active: z.boolean().default(true),
});
export type IncidentCategoryInput = z.infer<typeof incidentCategoryInputSchema>;

/** Reporter: personal data, visible only to roles with `incident.reporter.read`. */
export const reporterSchema = z.object({
  name: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  anonymous: z.boolean(),
});
export type Reporter = z.infer<typeof reporterSchema>;
export const reporterInputSchema = z.strictObject({
  name: z.string().trim().max(120).nullable().default(null),
  phone: z.string().trim().regex(/^[+0-9 ()-]{3,20}$/, 'nomor telepon tidak valid').nullable().default(null),
  email: z.email().max(200).nullable().default(null),
  anonymous: z.boolean().default(false),
});

export const incidentSummarySchema = z.object({
  id: z.uuid(),
  ticket: z.string(),
  channel: incidentChannelSchema,
  category: z.string(),
  priority: incidentPrioritySchema,
  status: incidentStatusSchema,
  lat: z.number(),
  lng: z.number(),
  regionCode: z.string().nullable(),
  address: z.string(),
  description: z.string(),
  ownerId: z.string().nullable(),
  ownerName: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  response: slaTimerSchema,
  resolution: slaTimerSchema,
  escalated: z.boolean(),
});
export type IncidentSummary = z.infer<typeof incidentSummarySchema>;
/** A duplicate candidate: a board row with its distance from the new report. */
export const incidentNearSchema = incidentSummarySchema.extend({ distanceM: z.number() });

export const sopCheckSchema = z.object({
  id: z.uuid(),
  position: z.number().int(),
  title: z.string(),
  required: z.boolean(),
  doneAt: z.string().nullable(),
  doneBy: z.string().nullable(),
});
export type SopCheck = z.infer<typeof sopCheckSchema>;

export const incidentTaskSchema = z.object({
  id: z.uuid(),
  incidentId: z.uuid(),
  ticket: z.string(),
  organizationId: z.uuid(),
  organizationName: z.string(),
  status: taskStatusSchema,
  note: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** For the agency workspace: enough of the incident to act on, never reporter data. */
  category: z.string(),
  priority: incidentPrioritySchema,
  address: z.string(),
  lat: z.number(),
  lng: z.number(),
  description: z.string(),
});
export type IncidentTask = z.infer<typeof incidentTaskSchema>;

export const incidentEventSchema = z.object({
  id: z.uuid(),
  at: z.string(),
  actor: z.string(),
  kind: z.string(),
  fromStatus: incidentStatusSchema.nullable(),
  toStatus: incidentStatusSchema.nullable(),
  note: z.string().nullable(),
});
export type IncidentEvent = z.infer<typeof incidentEventSchema>;

export const ATTACHMENT_KINDS = ['photo', 'recording'] as const;
export const incidentAttachmentSchema = z.object({
  id: z.uuid(),
  kind: z.enum(ATTACHMENT_KINDS),
  mime: z.string().nullable(),
  size: z.number().int().nullable(),
  cameraId: z.uuid().nullable(),
  cameraName: z.string().nullable(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  hold: z.boolean(),
  /** Recording attachments: the evidence export made for them (with a hold), and its state. */
  exportStatus: z.enum(['pending', 'ready', 'failed']).nullable(),
  exportId: z.uuid().nullable(),
  createdAt: z.string(),
});
export type IncidentAttachment = z.infer<typeof incidentAttachmentSchema>;

export const incidentDetailSchema = incidentSummarySchema.extend({
  reporter: reporterSchema.nullable(),
  mergedIntoId: z.uuid().nullable(),
  sopOverride: z.boolean(),
  reopenUntil: z.string().nullable(),
  checklist: z.array(sopCheckSchema),
  tasks: z.array(incidentTaskSchema),
  events: z.array(incidentEventSchema),
  attachments: z.array(incidentAttachmentSchema),
  duplicates: z.array(z.object({ id: z.uuid(), ticket: z.string() })),
});
export type IncidentDetail = z.infer<typeof incidentDetailSchema>;

const locationFields = {
  lat: latSchema,
  lng: lngSchema,
  address: z.string().trim().max(300).default(''),
};
export const incidentCreateSchema = z.strictObject({
  channel: z.enum(['call_112', 'cctv', 'web']).default('call_112'),
  category: categoryCodeSchema,
  priority: incidentPrioritySchema.optional(),
  ...locationFields,
  description: z.string().trim().min(1).max(4000),
  reporter: reporterInputSchema.nullable().default(null),
});
export type IncidentCreate = z.input<typeof incidentCreateSchema>;

/** The public web form: no priority, no channel; the ticket is returned with a reopen code. */
export const publicIncidentCreateSchema = z.strictObject({
  category: categoryCodeSchema,
  ...locationFields,
  description: z.string().trim().min(10).max(4000),
  reporter: reporterInputSchema.nullable().default(null),
});
export const publicIncidentCreatedSchema = z.object({ ticket: z.string(), reopenCode: z.string() });

export const incidentUpdateSchema = z.strictObject({
  category: categoryCodeSchema.optional(),
  priority: incidentPrioritySchema.optional(),
  description: z.string().trim().min(1).max(4000).optional(),
  address: z.string().trim().max(300).optional(),
});

/** Status changes an operator makes by hand; dispatch, merge and reopen have their own routes. */
export const TRANSITION_TARGETS = ['verified', 'rejected', 'in_progress', 'on_hold', 'resolved', 'closed'] as const;
export const transitionInputSchema = z.strictObject({
  to: z.enum(TRANSITION_TARGETS),
  note: z.string().trim().max(2000).nullable().default(null),
  /** Supervisor only: resolve although required SOP steps are open (logged). */
  overrideSop: z.boolean().default(false),
});
export type TransitionInput = z.input<typeof transitionInputSchema>;

export const dispatchInputSchema = z.strictObject({
  /** Empty: the agencies of the routing rules for the incident's category and region. */
  organizationIds: z.array(z.uuid()).max(20).default([]),
  note: z.string().trim().max(2000).nullable().default(null),
});
export const taskUpdateSchema = z.strictObject({ status: taskStatusSchema, note: z.string().trim().max(2000).nullable().default(null) });
export const mergeInputSchema = z.strictObject({ intoId: z.uuid() });
export const assignInputSchema = z.strictObject({ userId: z.uuid() });
export const commentInputSchema = z.strictObject({ note: z.string().trim().min(1).max(4000) });
export const checkInputSchema = z.strictObject({ done: z.boolean() });
export const recordingAttachSchema = z.strictObject({ cameraId: z.uuid(), minutesBefore: z.number().int().min(1).max(60).default(5) });

export const incidentQuerySchema = z.object({
  /** `active` (default), `all`, or one status. */
  status: z.union([z.enum(['active', 'all']), incidentStatusSchema]).default('active'),
  category: z.string().max(40).optional(),
  priority: incidentPrioritySchema.optional(),
  regionCode: regionCodeSchema.optional(),
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type IncidentQuery = z.infer<typeof incidentQuerySchema>;
export const incidentPageSchema = z.object({ items: z.array(incidentSummarySchema), total: z.number().int() });

export const nearQuerySchema = z.object({
  category: categoryCodeSchema,
  lat: z.coerce.number().min(-90).max(90),
  lng: z.coerce.number().min(-180).max(180),
});
export const nearbyCameraSchema = z.object({ id: z.uuid(), name: z.string(), lat: z.number(), lng: z.number(), status: z.string(), distanceM: z.number() });
export const nearbyCamerasQuerySchema = z.object({ radius: z.coerce.number().int().min(50).max(5000).default(500) });

export const sopStepSchema = z.object({ id: z.uuid(), position: z.number().int(), title: z.string(), required: z.boolean() });
export const sopInputSchema = z.strictObject({
  steps: z.array(z.strictObject({ title: z.string().trim().min(1).max(200), required: z.boolean() })).max(50),
});
export const routingRuleSchema = z.object({ id: z.uuid(), category: z.string(), regionCode: z.string().nullable(), organizationId: z.uuid(), organizationName: z.string() });
export const routingRuleInputSchema = z.strictObject({ category: categoryCodeSchema, regionCode: regionCodeSchema.nullable().default(null), organizationId: z.uuid() });
export const slaRuleSchema = z.object({ category: z.string().nullable(), priority: incidentPrioritySchema, responseMinutes: z.number().int(), resolveMinutes: z.number().int() });
export type SlaRule = z.infer<typeof slaRuleSchema>;
export const slaInputSchema = z.strictObject({
  category: categoryCodeSchema.nullable(),
  priority: incidentPrioritySchema,
  responseMinutes: z.number().int().min(1).max(60 * 24 * 90),
  resolveMinutes: z.number().int().min(1).max(60 * 24 * 365),
});

export const notificationSchema = z.object({ id: z.uuid(), subject: z.string(), incidentId: z.uuid().nullable(), createdAt: z.string(), readAt: z.string().nullable() });

/** Public tracking page: status history only, no personal data, no internal notes. */
export const publicTrackingSchema = z.object({
  ticket: z.string(),
  category: z.string(),
  status: incidentStatusSchema,
  createdAt: z.string(),
  regionCode: z.string().nullable(),
  history: z.array(z.object({ at: z.string(), status: incidentStatusSchema })),
  canReopenUntil: z.string().nullable(),
});
export type PublicTracking = z.infer<typeof publicTrackingSchema>;
export const reopenInputSchema = z.strictObject({ reopenCode: z.string().min(8).max(64), reason: z.string().trim().min(1).max(2000) });

export const statsQuerySchema = z.object({ from: z.iso.datetime({ offset: true }).optional(), to: z.iso.datetime({ offset: true }).optional() });
const countRow = z.object({ key: z.string(), count: z.number().int() });
const durationStats = z.object({ count: z.number().int(), meanMinutes: z.number().nullable(), p90Minutes: z.number().nullable() });
export const incidentStatsSchema = z.object({
  from: z.string(),
  to: z.string(),
  total: z.number().int(),
  byCategory: z.array(countRow),
  byStatus: z.array(countRow),
  byRegion: z.array(countRow),
  byAgency: z.array(countRow),
  byDay: z.array(countRow),
  firstResponse: durationStats,
  resolution: durationStats,
});
export type IncidentStats = z.infer<typeof incidentStatsSchema>;

/** Pushed on the live socket when an incident or one of its tasks changes; clients refetch. */
export const incidentLiveEventSchema = z.object({
  type: z.literal('incident'),
  incidentId: z.uuid(),
  status: incidentStatusSchema,
  priority: incidentPrioritySchema,
  change: z.string(),
});
export type IncidentLiveEvent = z.infer<typeof incidentLiveEventSchema>;
