import { z } from 'zod';
import { pageOf } from './common.ts';

/** Legal deadlines in working days (UU 14/2008 KIP; docs/ppid.md). */
export const PPID_DEADLINES = { answer: 10, extension: 7, objectionFile: 30, objectionAnswer: 30, disputeFile: 14, disputeSettle: 100 } as const;

const dateOnly = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'tanggal YYYY-MM-DD');
const text = (max: number) => z.string().trim().min(1).max(max);

export const REQUESTER_KINDS = ['perorangan', 'badan_hukum', 'kelompok'] as const;
export const DELIVERY_METHODS = ['email', 'ambil_langsung', 'pos'] as const;
export const COPY_FORMATS = ['softcopy', 'hardcopy'] as const;
/** Alaveteli-like states: waiting, clarification, and the outcomes. */
export const PPID_REQUEST_STATUSES = ['received', 'clarification', 'granted', 'partially_granted', 'refused', 'not_held', 'withdrawn'] as const;
export const PPID_RESPONSE_KINDS = ['granted', 'partially_granted', 'refused', 'not_held', 'clarification'] as const;
/** Deadline state of an open request, shown as a badge. */
export const PPID_DEADLINE_STATES = ['on_time', 'due_soon', 'overdue', 'very_overdue', 'closed'] as const;
/** Pasal 17 UU 14/2008, letters a–j: the grounds for exempting information. */
export const EXEMPTION_GROUNDS = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'] as const;
/** Pasal 35(1) a–g: the seven grounds of an objection. */
export const OBJECTION_GROUNDS = ['a_refused', 'b_periodic_not_provided', 'c_not_answered', 'd_not_as_requested', 'e_not_fulfilled', 'f_unreasonable_fee', 'g_late'] as const;
export const OBJECTION_DECISIONS = ['upheld', 'rejected'] as const;
export const DISPUTE_OUTCOMES = ['pending', 'mediated', 'requester_won', 'agency_won', 'withdrawn'] as const;
export const INFO_CATEGORIES = ['berkala', 'serta_merta', 'setiap_saat', 'dikecualikan'] as const;

export const ppidRequestStatusSchema = z.enum(PPID_REQUEST_STATUSES);
export type PpidRequestStatus = z.infer<typeof ppidRequestStatusSchema>;
export type PpidDeadlineState = (typeof PPID_DEADLINE_STATES)[number];
export type ObjectionGround = (typeof OBJECTION_GROUNDS)[number];
export type InfoCategory = (typeof INFO_CATEGORIES)[number];

/** What a citizen sends (Pasal 4 Perki 1/2021: identity, information, purpose, how to receive it). */
export const ppidRequestInputSchema = z
  .strictObject({
    requesterKind: z.enum(REQUESTER_KINDS),
    name: text(120),
    /** NIK (16 digits) for a person; the registration number of a legal entity or group. */
    idNumber: z.string().trim().regex(/^[0-9A-Za-z./-]{5,40}$/, 'nomor identitas tidak valid'),
    address: text(300),
    phone: z.string().trim().regex(/^\+?[0-9 ()-]{6,20}$/, 'nomor telepon tidak valid'),
    email: z.email().max(200),
    information: text(3000),
    purpose: text(1000),
    deliveryMethod: z.enum(DELIVERY_METHODS),
    copyFormat: z.enum(COPY_FORMATS),
  })
  .refine((v) => v.requesterKind !== 'perorangan' || /^\d{16}$/.test(v.idNumber), { message: 'NIK harus 16 angka', path: ['idNumber'] });
export type PpidRequestInput = z.infer<typeof ppidRequestInputSchema>;

export const ppidReceiptSchema = z.object({ registrationNumber: z.string(), trackingCode: z.string(), receivedOn: dateOnly, dueOn: dateOnly });
export type PpidReceipt = z.infer<typeof ppidReceiptSchema>;

/** Proof of ownership for the public: the registration number plus the secret code given at filing. */
export const ppidTrackInputSchema = z.strictObject({
  registrationNumber: z.string().trim().min(5).max(40),
  trackingCode: z.string().trim().min(8).max(64),
});
export type PpidTrackInput = z.infer<typeof ppidTrackInputSchema>;

export const ppidDocumentSchema = z.object({ id: z.uuid(), filename: z.string(), mime: z.string(), size: z.number().int(), createdAt: z.string() });
export type PpidDocument = z.infer<typeof ppidDocumentSchema>;

export const ppidDeadlineSchema = z.object({
  receivedOn: dateOnly,
  dueOn: dateOnly,
  extended: z.boolean(),
  state: z.enum(PPID_DEADLINE_STATES),
  /** Working days left until the due date (negative: working days late). */
  workingDaysLeft: z.number().int(),
  /** Days off between receipt and due date, so the date can be checked by hand. */
  daysOff: z.array(z.object({ date: dateOnly, kind: z.string(), label: z.string() })),
});
export type PpidDeadline = z.infer<typeof ppidDeadlineSchema>;

export const ppidEventSchema = z.object({ at: z.string(), kind: z.string(), actor: z.string(), note: z.string().nullable() });
export type PpidEvent = z.infer<typeof ppidEventSchema>;

export const ppidObjectionSchema = z.object({
  id: z.uuid(),
  ground: z.enum(OBJECTION_GROUNDS),
  reason: z.string(),
  filedOn: dateOnly,
  dueOn: dateOnly,
  decision: z.enum(OBJECTION_DECISIONS).nullable(),
  decisionText: z.string().nullable(),
  decidedOn: dateOnly.nullable(),
  /** Last day to file a dispute at the Komisi Informasi (14 working days after the answer or its deadline). */
  disputeDeadline: dateOnly,
  disputeNumber: z.string().nullable(),
  disputeFiledOn: dateOnly.nullable(),
  disputeOutcome: z.enum(DISPUTE_OUTCOMES).nullable(),
  disputeSettledOn: dateOnly.nullable(),
});
export type PpidObjection = z.infer<typeof ppidObjectionSchema>;

/** What both the requester and the officers see of a request's course: deadline, answer, documents, history, objections. */
const caseFields = {
  deadline: ppidDeadlineSchema,
  extensionReason: z.string().nullable(),
  responseKind: z.enum(PPID_RESPONSE_KINDS).nullable(),
  responseText: z.string().nullable(),
  exemptionGround: z.enum(EXEMPTION_GROUNDS).nullable(),
  consequenceTest: z.string().nullable(),
  respondedOn: dateOnly.nullable(),
  documents: z.array(ppidDocumentSchema),
  events: z.array(ppidEventSchema),
  objections: z.array(ppidObjectionSchema),
};

/** What the requester sees on the tracking page: no one else's data, nothing internal. */
export const ppidTrackedRequestSchema = z.object({
  registrationNumber: z.string(),
  status: ppidRequestStatusSchema,
  information: z.string(),
  ...caseFields,
  /** Whether an objection can be filed now, and until when. */
  objectionOpenUntil: dateOnly.nullable(),
});
export type PpidTrackedRequest = z.infer<typeof ppidTrackedRequestSchema>;

export const ppidRequestSummarySchema = z.object({
  id: z.uuid(),
  registrationNumber: z.string(),
  name: z.string(),
  information: z.string(),
  status: ppidRequestStatusSchema,
  organizationId: z.uuid().nullable(),
  organizationName: z.string().nullable(),
  submittedAt: z.string(),
  deadline: ppidDeadlineSchema.omit({ daysOff: true }),
  openObjection: z.boolean(),
});
export type PpidRequestSummary = z.infer<typeof ppidRequestSummarySchema>;
export const ppidRequestPageSchema = pageOf(ppidRequestSummarySchema);

export const ppidRequestDetailSchema = ppidRequestSummarySchema.extend({
  requesterKind: z.enum(REQUESTER_KINDS),
  idNumber: z.string(),
  address: z.string(),
  phone: z.string(),
  email: z.string(),
  purpose: z.string(),
  deliveryMethod: z.enum(DELIVERY_METHODS),
  copyFormat: z.enum(COPY_FORMATS),
  ...caseFields,
});
export type PpidRequestDetail = z.infer<typeof ppidRequestDetailSchema>;

export const ppidRequestQuerySchema = z.object({
  status: ppidRequestStatusSchema.optional(),
  state: z.enum(PPID_DEADLINE_STATES).optional(),
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type PpidRequestQuery = z.infer<typeof ppidRequestQuerySchema>;

export const ppidRouteInputSchema = z.strictObject({ organizationId: z.uuid(), note: z.string().trim().max(1000).optional() });
export const ppidExtendInputSchema = z.strictObject({ reason: text(2000) });
export const ppidRespondInputSchema = z
  .strictObject({
    kind: z.enum(PPID_RESPONSE_KINDS),
    text: text(5000),
    exemptionGround: z.enum(EXEMPTION_GROUNDS).optional(),
    consequenceTest: z.string().trim().min(20).max(5000).optional(),
  })
  .refine((v) => !['refused', 'partially_granted'].includes(v.kind) || (v.exemptionGround && v.consequenceTest), {
    message: 'penolakan (seluruh atau sebagian) wajib menyebut dasar Pasal 17 dan uji konsekuensi',
    path: ['consequenceTest'],
  });
export type PpidRespondInput = z.infer<typeof ppidRespondInputSchema>;

export const ppidObjectionInputSchema = ppidTrackInputSchema.extend({ ground: z.enum(OBJECTION_GROUNDS), reason: text(3000) });
export type PpidObjectionInput = z.infer<typeof ppidObjectionInputSchema>;
export const ppidClarifyInputSchema = ppidTrackInputSchema.extend({ text: text(3000) });
export const ppidDecideInputSchema = z.strictObject({ decision: z.enum(OBJECTION_DECISIONS), text: text(5000) });
export const ppidDisputeInputSchema = z.strictObject({
  number: z.string().trim().min(1).max(80),
  filedOn: dateOnly,
  outcome: z.enum(DISPUTE_OUTCOMES).default('pending'),
  settledOn: dateOnly.nullable().optional(),
});

/** Daftar Informasi Publik: one item of the registry. */
export const ppidInfoItemSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  summary: z.string(),
  category: z.enum(INFO_CATEGORIES),
  organizationId: z.uuid(),
  organizationName: z.string(),
  period: z.string(),
  legalBasis: z.string().nullable(),
  published: z.boolean(),
  updatedAt: z.string(),
  documents: z.array(ppidDocumentSchema),
});
export type PpidInfoItem = z.infer<typeof ppidInfoItemSchema>;
export const ppidInfoPageSchema = pageOf(ppidInfoItemSchema);

const infoShape = {
  title: text(300),
  summary: z.string().trim().max(3000),
  category: z.enum(INFO_CATEGORIES),
  organizationId: z.uuid(),
  period: text(60),
  legalBasis: z.string().trim().max(2000).nullable(),
  published: z.boolean(),
};
const infoFields = z.strictObject({ ...infoShape, summary: infoShape.summary.default(''), legalBasis: infoShape.legalBasis.default(null), published: infoShape.published.default(false) });
const exemptNeedsBasis = (v: { category?: string; legalBasis?: string | null; published?: boolean }) => v.category !== 'dikecualikan' || (!!v.legalBasis && !v.published);
const exemptMessage = { message: 'informasi dikecualikan wajib mencantumkan dasar hukum dan tidak dapat dipublikasikan', path: ['legalBasis'] };
export const ppidInfoInputSchema = infoFields.refine(exemptNeedsBasis, exemptMessage);
export type PpidInfoInput = z.infer<typeof ppidInfoInputSchema>;
/** A change names only what changes: no defaults here, or a PATCH would reset what it does not mention. */
export const ppidInfoUpdateSchema = z.strictObject(infoShape).partial();
export type PpidInfoUpdate = z.infer<typeof ppidInfoUpdateSchema>;
export const ppidInfoQuerySchema = z.object({
  q: z.string().trim().max(100).optional(),
  category: z.enum(INFO_CATEGORIES).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type PpidInfoQuery = z.infer<typeof ppidInfoQuerySchema>;

/** The editable working-day calendar. */
export const ppidCalendarDaySchema = z.object({ date: dateOnly, label: z.string(), kind: z.enum(['holiday', 'cuti_bersama', 'workday']), source: z.enum(['library', 'decree', 'tenant']) });
export type PpidCalendarDay = z.infer<typeof ppidCalendarDaySchema>;
export const ppidCalendarDayInputSchema = z.strictObject({ date: dateOnly, label: text(200), kind: z.enum(['holiday', 'cuti_bersama', 'workday']) });
export type PpidCalendarDayInput = z.infer<typeof ppidCalendarDayInputSchema>;

/** The annual report of Perki 1/2021 Pasal 56. */
export const ppidReportSchema = z.object({
  year: z.number().int(),
  requests: z.number().int(),
  byStatus: z.record(z.string(), z.number().int()),
  refusedByGround: z.record(z.string(), z.number().int()),
  answered: z.number().int(),
  averageWorkingDays: z.number().nullable(),
  answeredLate: z.number().int(),
  extended: z.number().int(),
  perRequest: z.array(z.object({ registrationNumber: z.string(), receivedOn: dateOnly, respondedOn: dateOnly.nullable(), workingDays: z.number().int().nullable(), status: ppidRequestStatusSchema })),
  objections: z.number().int(),
  objectionsByGround: z.record(z.string(), z.number().int()),
  objectionsByDecision: z.record(z.string(), z.number().int()),
  disputes: z.number().int(),
  disputesByOutcome: z.record(z.string(), z.number().int()),
});
export type PpidReport = z.infer<typeof ppidReportSchema>;
