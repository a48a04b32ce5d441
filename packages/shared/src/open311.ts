import { z } from 'zod';

/**
 * Open311 GeoReport v2 (open311.github.io GeoReport_v2) plus mySociety's `servicerequestupdates`
 * extension. Field names follow the spec exactly (snake_case); ids are strings; every datetime
 * carries a timezone. XML and JSON carry the same data.
 */
export const OPEN311_BASE = '/open311/v2';
export const OPEN311_FORMATS = ['json', 'xml'] as const;
export type Open311Format = (typeof OPEN311_FORMATS)[number];
/** Default window of GET requests: 90 days, at most 1000 requests. */
export const OPEN311_WINDOW_DAYS = 90;
export const OPEN311_MAX_REQUESTS = 1000;

export const open311ErrorSchema = z.object({ code: z.number().int(), description: z.string() });
export type Open311Error = z.infer<typeof open311ErrorSchema>;

export const open311ServiceSchema = z.object({
  service_code: z.string(),
  service_name: z.string(),
  description: z.string(),
  metadata: z.boolean(),
  type: z.enum(['realtime', 'batch', 'blackbox']),
  keywords: z.string(),
  group: z.string(),
});
export type Open311Service = z.infer<typeof open311ServiceSchema>;

export const OPEN311_DATATYPES = ['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist'] as const;
export const open311AttributeSchema = z.object({
  variable: z.boolean(),
  code: z.string(),
  datatype: z.enum(OPEN311_DATATYPES),
  required: z.boolean(),
  datatype_description: z.string(),
  order: z.number().int(),
  description: z.string(),
  values: z.array(z.object({ key: z.string(), name: z.string() })),
});
export type Open311Attribute = z.infer<typeof open311AttributeSchema>;
export const open311ServiceDefinitionSchema = z.object({ service_code: z.string(), attributes: z.array(open311AttributeSchema) });

/** POST requests: form fields (the spec's names). `attribute[code]` keys are collected apart. */
const num = z.coerce.number();
export const open311PostSchema = z.looseObject({
  api_key: z.string().optional(),
  jurisdiction_id: z.string().max(64).optional(),
  service_code: z.string().max(40).optional(),
  lat: num.min(-90).max(90).optional(),
  long: num.min(-180).max(180).optional(),
  address_string: z.string().max(300).optional(),
  address_id: z.string().max(100).optional(),
  email: z.email().max(200).optional(),
  device_id: z.string().max(200).optional(),
  account_id: z.string().max(200).optional(),
  first_name: z.string().max(100).optional(),
  last_name: z.string().max(100).optional(),
  phone: z.string().max(30).optional(),
  description: z.string().max(4000).optional(),
  media_url: z.string().max(1000).optional(),
});

export const open311RequestsQuerySchema = z.object({
  jurisdiction_id: z.string().max(64).optional(),
  service_request_id: z.string().max(2000).optional(),
  service_code: z.string().max(1000).optional(),
  start_date: z.string().max(40).optional(),
  end_date: z.string().max(40).optional(),
  status: z.string().max(20).optional(),
});

export const open311RequestSchema = z.object({
  service_request_id: z.string(),
  status: z.enum(['open', 'closed']),
  status_notes: z.string(),
  service_name: z.string(),
  service_code: z.string(),
  description: z.string(),
  agency_responsible: z.string(),
  service_notice: z.string(),
  requested_datetime: z.string(),
  updated_datetime: z.string(),
  expected_datetime: z.string(),
  address: z.string(),
  address_id: z.string(),
  zipcode: z.string(),
  lat: z.number(),
  long: z.number(),
  media_url: z.string(),
});
export type Open311Request = z.infer<typeof open311RequestSchema>;

/** mySociety's richer statuses for updates. */
export const OPEN311_UPDATE_STATUSES = ['OPEN', 'INVESTIGATING', 'IN_PROGRESS', 'ACTION_SCHEDULED', 'DUPLICATE', 'NOT_COUNCILS_RESPONSIBILITY', 'NO_FURTHER_ACTION', 'INTERNAL_REFERRAL', 'FIXED', 'CLOSED'] as const;
export const open311UpdateSchema = z.object({
  update_id: z.string(),
  service_request_id: z.string(),
  status: z.enum(OPEN311_UPDATE_STATUSES),
  updated_datetime: z.string(),
  description: z.string(),
  media_url: z.string(),
});
export type Open311Update = z.infer<typeof open311UpdateSchema>;
export const open311UpdatesQuerySchema = z.object({ jurisdiction_id: z.string().max(64).optional(), start_date: z.string().max(40).optional(), end_date: z.string().max(40).optional() });
