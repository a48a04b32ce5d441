import { z } from 'zod';
import { regionCodeSchema } from './common.ts';

export const REGION_LEVELS = ['provinsi', 'kabupaten', 'kota', 'kecamatan', 'desa'] as const;

export const regionSchema = z.object({
  code: regionCodeSchema,
  name: z.string(),
  level: z.enum(REGION_LEVELS),
  parentCode: regionCodeSchema.nullable(),
});
export type Region = z.infer<typeof regionSchema>;

export const ORGANIZATION_KINDS = ['opd', 'agency'] as const;

export const organizationSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(ORGANIZATION_KINDS),
});
export type Organization = z.infer<typeof organizationSchema>;

export const organizationInputSchema = z.strictObject({
  code: z.string().trim().min(2).max(32).regex(/^[a-z0-9-]+$/, 'huruf kecil, angka dan tanda hubung'),
  name: z.string().trim().min(2).max(200),
  kind: z.enum(ORGANIZATION_KINDS),
});
export type OrganizationInput = z.infer<typeof organizationInputSchema>;

export const tenantSchema = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  regionCode: regionCodeSchema,
});
export type Tenant = z.infer<typeof tenantSchema>;
