import { z } from 'zod';
import { regionCodeSchema } from './common.ts';
import { cameraCategorySchema } from './cameras.ts';

/**
 * The public portal's contracts. A portal viewer has a tier: `public` (anyone) or `pimpinan`
 * (a signed-in official, or a paired Smart Display approved for that tier). `internal` cameras
 * never appear outside the console, whoever asks.
 */
export const PORTAL_TIERS = ['public', 'pimpinan'] as const;
export const portalTierSchema = z.enum(PORTAL_TIERS);
export type PortalTier = z.infer<typeof portalTierSchema>;

/** Cookie a paired Smart Display carries (httpOnly); resolved to a tier by the displays module. */
export const DISPLAY_COOKIE = 'pantau_display';

/** Where a camera's live HLS playlist lives; the same path for portal pages and displays. */
export const hlsPlaylistPath = (cameraId: string) => `/api/public/hls/${cameraId}/index.m3u8`;

/** Status as the public sees it: no reasons, no error texts (they can reveal network layout). */
export const PUBLIC_CAMERA_STATUSES = ['online', 'offline'] as const;
export const publicCameraStatusSchema = z.enum(PUBLIC_CAMERA_STATUSES);

/** A camera on the portal: what a citizen may know, nothing more (no code, address, URLs, owner). */
export const publicCameraSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  regionCode: regionCodeSchema,
  regionName: z.string(),
  category: cameraCategorySchema,
  lat: z.number(),
  lng: z.number(),
  status: publicCameraStatusSchema,
  /** `pimpinan` only appears for officials; the portal marks those cameras. */
  tier: portalTierSchema,
  /** Live playlist path (hlsPlaylistPath), present while the camera is online. */
  hls: z.string().nullable(),
});
export type PublicCamera = z.infer<typeof publicCameraSchema>;

export const publicCameraQuerySchema = z.object({
  tenant: z.string().max(64).optional(),
  region: regionCodeSchema.optional(),
  category: cameraCategorySchema.optional(),
  q: z.string().trim().max(100).optional(),
});
export type PublicCameraQuery = z.infer<typeof publicCameraQuerySchema>;

export const publicCameraListSchema = z.object({
  viewer: portalTierSchema,
  cameras: z.array(publicCameraSchema),
  /** Regions that have at least one listed camera, for the filter. */
  regions: z.array(z.object({ code: regionCodeSchema, name: z.string(), cameras: z.number().int() })),
});
export type PublicCameraList = z.infer<typeof publicCameraListSchema>;

/** The portal's landing facts: which jurisdiction, who is looking. */
export const portalInfoSchema = z.object({
  tenant: z.object({ slug: z.string(), name: z.string() }),
  viewer: portalTierSchema,
  /** Display name of a signed-in official; null for the public. */
  officialName: z.string().nullable(),
  mapTileUrl: z.string().nullable(),
  mapAttribution: z.string().nullable(),
});
export type PortalInfo = z.infer<typeof portalInfoSchema>;

/** Transparency statistics: aggregates only, never a single report's content. */
export const transparencyStatsSchema = z.object({
  from: z.string(),
  to: z.string(),
  reports: z.object({
    total: z.number().int(),
    byCategory: z.array(z.object({ category: z.string(), label: z.string(), count: z.number().int() })),
    byStatus: z.array(z.object({ status: z.string(), count: z.number().int() })),
  }),
  /** Average hours from report to resolution, over reports resolved in the period. */
  resolution: z.object({
    byCategory: z.array(z.object({ category: z.string(), label: z.string(), resolved: z.number().int(), avgHours: z.number().nullable() })),
    byAgency: z.array(z.object({ agency: z.string(), resolved: z.number().int(), avgHours: z.number().nullable() })),
  }),
  cameras: z.object({
    /** Cameras listed for this viewer's tier and how many are online now. */
    total: z.number().int(),
    online: z.number().int(),
    byRegion: z.array(z.object({ regionCode: regionCodeSchema, regionName: z.string(), total: z.number().int(), online: z.number().int() })),
  }),
});
export type TransparencyStats = z.infer<typeof transparencyStatsSchema>;

export const transparencyQuerySchema = z.object({
  tenant: z.string().max(64).optional(),
  /** Period in days ending now (default 30). */
  days: z.coerce.number().int().min(1).max(366).default(30),
});
