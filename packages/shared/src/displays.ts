import { z } from 'zod';
import { portalTierSchema } from './portal.ts';

/**
 * Smart Display contracts: lobby screens and wall panels that pair with a code, play scheduled
 * playlists of scenes, and take pushes from the console. A display shows only what its tier allows.
 */

export const DISPLAY_STATES = ['active', 'revoked'] as const;
export const displayStateSchema = z.enum(DISPLAY_STATES);

/** Layouts a scene can take; each has a fixed number of tile slots (SCENE_SLOTS). */
export const SCENE_LAYOUTS = ['full', 'split', 'main_side', 'quad'] as const;
export const sceneLayoutSchema = z.enum(SCENE_LAYOUTS);
export type SceneLayout = z.infer<typeof sceneLayoutSchema>;
export const SCENE_SLOTS: Record<SceneLayout, number> = { full: 1, split: 2, main_side: 3, quad: 4 };

export const CAMERA_GRIDS = [1, 4, 9, 16] as const;
const gridSchema = z.union([z.literal(1), z.literal(4), z.literal(9), z.literal(16)]);
const textLine = z.string().trim().min(1).max(280);

/** A tile as stored and edited in the console. */
export const tileSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('cameras'),
    cameraIds: z.array(z.uuid()).min(1).max(64),
    grid: gridSchema,
    /** With more cameras than cells, pages rotate every this many seconds. */
    dwellSeconds: z.number().int().min(5).max(3600).default(20),
  }),
  z.strictObject({ kind: z.literal('incident_map') }),
  z.strictObject({ kind: z.literal('stats') }),
  z.strictObject({ kind: z.literal('announcements'), messages: z.array(textLine).min(1).max(20) }),
  z.strictObject({ kind: z.literal('clock_weather'), weatherText: z.string().trim().max(120).default('') }),
]);
export type Tile = z.infer<typeof tileSchema>;

export const sceneInputSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(120),
    layout: sceneLayoutSchema,
    tiles: z.array(tileSchema).min(1).max(4),
    /** Announcement lines scrolled along the bottom edge; empty for none. */
    ticker: z.array(textLine).max(20).default([]),
  })
  .refine((s) => s.tiles.length === SCENE_SLOTS[s.layout], { message: 'jumlah tile harus sama dengan slot tata letak', path: ['tiles'] });
export type SceneInput = z.input<typeof sceneInputSchema>;

export const sceneSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  layout: sceneLayoutSchema,
  tiles: z.array(tileSchema),
  ticker: z.array(z.string()),
  updatedAt: z.string(),
});
export type Scene = z.infer<typeof sceneSchema>;

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'format JJ:MM');

/** One playlist entry; outside its days/time window (display's local time, WIB by default) it is skipped. */
export const playlistItemSchema = z.strictObject({
  sceneId: z.uuid(),
  seconds: z.number().int().min(5).max(86_400),
  /** 0 = Sunday … 6 = Saturday; empty means every day. */
  days: z.array(z.number().int().min(0).max(6)).max(7).default([]),
  from: hhmm.nullable().default(null),
  to: hhmm.nullable().default(null),
});
export type PlaylistItem = z.infer<typeof playlistItemSchema>;

export const playlistInputSchema = z.strictObject({
  name: z.string().trim().min(1).max(120),
  items: z.array(playlistItemSchema).min(1).max(50),
});
export type PlaylistInput = z.input<typeof playlistInputSchema>;

export const playlistSchema = z.object({ id: z.uuid(), name: z.string(), items: z.array(playlistItemSchema), updatedAt: z.string() });
export type Playlist = z.infer<typeof playlistSchema>;

/** What the console pushes to a display right now. */
export const pushInputSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('camera'), cameraId: z.uuid(), seconds: z.number().int().min(5).max(86_400).nullable().default(null) }),
  z.strictObject({ kind: z.literal('cameras'), cameraIds: z.array(z.uuid()).min(1).max(16), grid: gridSchema, seconds: z.number().int().min(5).max(86_400).nullable().default(null) }),
  z.strictObject({ kind: z.literal('scene'), sceneId: z.uuid(), seconds: z.number().int().min(5).max(86_400).nullable().default(null) }),
]);
export type PushInput = z.input<typeof pushInputSchema>;

/** What a display is showing: its playlist, or a push (until `until`, or until resumed). */
export const displayShowingSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('playlist') }),
  z.object({ mode: z.literal('push'), push: pushInputSchema, at: z.string(), until: z.string().nullable() }),
]);
export type DisplayShowing = z.infer<typeof displayShowingSchema>;

export const displaySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  location: z.string(),
  tier: portalTierSchema,
  state: displayStateSchema,
  playlistId: z.uuid().nullable(),
  showing: displayShowingSchema,
  /** Connected to the server now (its WebSocket is open). */
  online: z.boolean(),
  lastSeenAt: z.string().nullable(),
  pairedAt: z.string(),
});
export type Display = z.infer<typeof displaySchema>;

export const displayUpdateSchema = z.strictObject({
  name: z.string().trim().min(1).max(120).optional(),
  location: z.string().trim().max(200).optional(),
  tier: portalTierSchema.optional(),
  playlistId: z.uuid().nullable().optional(),
});

/** Pairing: the screen asks for a code and shows it; an operator approves the code in the console. */
export const PAIRING_CODE_PATTERN = /^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/;
export const pairingStartSchema = z.object({ pairingId: z.uuid(), code: z.string(), secret: z.string(), expiresAt: z.string() });
export type PairingStart = z.infer<typeof pairingStartSchema>;
export const pairingPollSchema = z.object({ pairingId: z.uuid(), secret: z.string().min(16).max(128) });
export const pairingStatusSchema = z.object({ state: z.enum(['waiting', 'approved', 'expired']) });
export const pairingApproveSchema = z.strictObject({
  code: z.string().trim().toUpperCase().regex(PAIRING_CODE_PATTERN, 'kode pemasangan tidak valid'),
  name: z.string().trim().min(1).max(120),
  location: z.string().trim().max(200).default(''),
  tier: portalTierSchema.default('public'),
  playlistId: z.uuid().nullable().default(null),
});
export type PairingApprove = z.input<typeof pairingApproveSchema>;

/** A tile as the kiosk receives it: cameras resolved to what the display's tier may show. */
export const kioskCameraSchema = z.object({ id: z.uuid(), name: z.string(), hls: z.string() });
export const kioskTileSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('cameras'), cameras: z.array(kioskCameraSchema), grid: gridSchema, dwellSeconds: z.number() }),
  z.object({ kind: z.literal('incident_map') }),
  z.object({ kind: z.literal('stats') }),
  z.object({ kind: z.literal('announcements'), messages: z.array(z.string()) }),
  z.object({ kind: z.literal('clock_weather'), weatherText: z.string() }),
]);
export type KioskTile = z.infer<typeof kioskTileSchema>;
export const kioskSceneSchema = z.object({ id: z.string(), name: z.string(), layout: sceneLayoutSchema, tiles: z.array(kioskTileSchema), ticker: z.array(z.string()) });
export type KioskScene = z.infer<typeof kioskSceneSchema>;

/** Everything a kiosk needs to run unattended; sent on connect and whenever it changes. */
export const kioskStateSchema = z.object({
  display: z.object({ id: z.uuid(), name: z.string(), tier: portalTierSchema }),
  playlist: z.array(z.object({ scene: kioskSceneSchema, seconds: z.number(), days: z.array(z.number()), from: z.string().nullable(), to: z.string().nullable() })),
  /** A pushed scene (a pushed camera arrives as a one-tile scene) and when it ends; null = playlist. */
  override: z.object({ scene: kioskSceneSchema, until: z.string().nullable() }).nullable(),
  serverTime: z.string(),
  /** The display's clock zone for schedules, e.g. Asia/Jakarta. */
  timeZone: z.string(),
});
export type KioskState = z.infer<typeof kioskStateSchema>;

/** Incident points for the map tile: category and status only, rounded for `public` displays. */
export const kioskIncidentSchema = z.object({ lat: z.number(), lng: z.number(), category: z.string(), status: z.string() });

/** Server → kiosk messages on the display WebSocket. */
export const kioskMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('state'), state: kioskStateSchema }),
  z.object({ type: z.literal('revoked') }),
]);
export type KioskMessage = z.infer<typeof kioskMessageSchema>;

export const DISPLAY_WS_PATH = '/api/display/ws';
