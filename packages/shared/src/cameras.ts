import { z } from 'zod';
import { regionCodeSchema, pageQuerySchema, pageOf } from './common.ts';

export const CAMERA_CATEGORIES = [
  'fasilitas_umum',
  'layanan_pemerintah',
  'keramaian',
  'lalu_lintas',
  'puskesmas',
  'pariwisata',
  'ruang_terbuka_hijau',
  'lainnya',
] as const;
export const cameraCategorySchema = z.enum(CAMERA_CATEGORIES);
export type CameraCategory = z.infer<typeof cameraCategorySchema>;

/** Who may see a camera: `internal` only in the console, `pimpinan` also for signed-in officials, `public` for everyone. */
export const VISIBILITIES = ['internal', 'pimpinan', 'public'] as const;
export const visibilitySchema = z.enum(VISIBILITIES);
export type Visibility = z.infer<typeof visibilitySchema>;

export const CAMERA_STATUSES = ['unknown', 'online', 'offline', 'error', 'disabled'] as const;
export const cameraStatusSchema = z.enum(CAMERA_STATUSES);
export type CameraStatus = z.infer<typeof cameraStatusSchema>;

const rtspUrlSchema = z
  .string()
  .trim()
  .max(1000)
  .refine((s) => {
    try {
      const u = new URL(s);
      return (u.protocol === 'rtsp:' || u.protocol === 'rtsps:') && u.hostname.length > 0;
    } catch {
      return false;
    }
  }, 'harus URL rtsp:// atau rtsps:// yang valid');

const codeSchema = z.string().trim().min(2).max(64).regex(/^[A-Za-z0-9._-]+$/, 'huruf, angka, titik, garis bawah, tanda hubung');

export const cameraSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  regionCode: regionCodeSchema,
  address: z.string(),
  lat: z.number(),
  lng: z.number(),
  category: cameraCategorySchema,
  organizationId: z.uuid().nullable(),
  visibility: visibilitySchema,
  tags: z.array(z.string()),
  enabled: z.boolean(),
  status: cameraStatusSchema,
  statusReason: z.string().nullable(),
  lastFrameAt: z.string().nullable(),
  /** Only for roles allowed to manage streams; stream URLs never carry credentials. */
  mainUrl: z.string().optional(),
  subUrl: z.string().nullable().optional(),
  /** Whether credentials are stored; the credentials themselves never leave the server. */
  hasCredentials: z.boolean().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Camera = z.infer<typeof cameraSchema>;

const cameraFields = {
  code: codeSchema,
  name: z.string().trim().min(2).max(200),
  regionCode: regionCodeSchema,
  address: z.string().trim().max(500).default(''),
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
  category: cameraCategorySchema,
  organizationId: z.uuid().nullable().default(null),
  visibility: visibilitySchema.default('internal'),
  mainUrl: rtspUrlSchema,
  subUrl: rtspUrlSchema.nullable().default(null),
  /** Credentials may be given here or inside the URL; either way they are stored encrypted and stripped from the URL. */
  username: z.string().max(200).nullable().default(null),
  password: z.string().max(200).nullable().default(null),
  tags: z.array(z.string().trim().min(1).max(40)).max(30).default([]),
  enabled: z.boolean().default(true),
};

export const cameraCreateSchema = z.strictObject(cameraFields);
export type CameraCreate = z.input<typeof cameraCreateSchema>;

/** Partial update; `username`/`password` set to null clear stored credentials, omitted keeps them. */
export const cameraUpdateSchema = z.strictObject({
  code: cameraFields.code.optional(),
  name: cameraFields.name.optional(),
  regionCode: regionCodeSchema.optional(),
  address: z.string().trim().max(500).optional(),
  lat: z.number().min(-90).max(90).optional(),
  lng: z.number().min(-180).max(180).optional(),
  category: cameraCategorySchema.optional(),
  organizationId: z.uuid().nullable().optional(),
  visibility: visibilitySchema.optional(),
  mainUrl: rtspUrlSchema.optional(),
  subUrl: rtspUrlSchema.nullable().optional(),
  username: z.string().max(200).nullable().optional(),
  password: z.string().max(200).nullable().optional(),
  tags: z.array(z.string().trim().min(1).max(40)).max(30).optional(),
  enabled: z.boolean().optional(),
});
export type CameraUpdate = z.infer<typeof cameraUpdateSchema>;

export const cameraQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(100).optional(),
  regionCode: regionCodeSchema.optional(),
  category: cameraCategorySchema.optional(),
  status: cameraStatusSchema.optional(),
  visibility: visibilitySchema.optional(),
  organizationId: z.uuid().optional(),
});
export type CameraQuery = z.infer<typeof cameraQuerySchema>;
export const cameraPageSchema = pageOf(cameraSchema);

/** One marker per camera for the map: small, so 10,000 cameras load at once. */
export const cameraMarkerSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  lat: z.number(),
  lng: z.number(),
  category: cameraCategorySchema,
  status: cameraStatusSchema,
  visibility: visibilitySchema,
});
export type CameraMarker = z.infer<typeof cameraMarkerSchema>;

/** CSV columns for camera import and export, in order. */
export const CAMERA_CSV_COLUMNS = [
  'code', 'name', 'region_code', 'address', 'lat', 'lng', 'category', 'organization_code',
  'visibility', 'main_url', 'sub_url', 'username', 'password', 'tags', 'enabled',
] as const;

export const importRowErrorSchema = z.object({
  line: z.number().int(),
  column: z.string().nullable(),
  message: z.string(),
});
export type ImportRowError = z.infer<typeof importRowErrorSchema>;

export const cameraImportResultSchema = z.object({
  ok: z.boolean(),
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  errors: z.array(importRowErrorSchema),
});
export type CameraImportResult = z.infer<typeof cameraImportResultSchema>;
