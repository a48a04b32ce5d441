import { z } from 'zod';
import { cameraStatusSchema } from './cameras.ts';
import { incidentLiveEventSchema } from './incidents.ts';

/**
 * Live video over one WebSocket per browser tab (`/api/live`), multiplexing any number of cameras.
 * Text frames carry JSON control messages; binary frames carry media:
 * byte 0 = kind (0 init segment, 1 fragment, 2 keyframe fragment), bytes 1–2 = channel (uint16 BE),
 * then the fMP4 bytes. A `init` text message (with the MIME type) always precedes its binary init.
 */
export const LIVE_PATH = '/api/live';
export const LIVE_KIND = { init: 0, fragment: 1, keyFragment: 2 } as const;
export const LIVE_MAX_CHANNELS = 64;

export const liveStreamSchema = z.enum(['main', 'sub']);
export type LiveStream = z.infer<typeof liveStreamSchema>;

export const liveClientMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('subscribe'), channel: z.number().int().min(1).max(65535), cameraId: z.uuid(), stream: liveStreamSchema }),
  z.strictObject({ type: z.literal('unsubscribe'), channel: z.number().int().min(1).max(65535) }),
  z.strictObject({ type: z.literal('ping') }),
]);
export type LiveClientMessage = z.infer<typeof liveClientMessageSchema>;

export const LIVE_ERROR_CODES = ['not_found', 'forbidden', 'media_unavailable', 'bad_message', 'too_many_channels'] as const;

export const liveServerMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('init'), channel: z.number(), mime: z.string() }),
  z.object({ type: z.literal('ended'), channel: z.number(), reason: z.string() }),
  z.object({ type: z.literal('error'), channel: z.number().nullable(), code: z.enum(LIVE_ERROR_CODES), message: z.string() }),
  z.object({
    type: z.literal('camera-status'),
    cameraId: z.uuid(),
    status: cameraStatusSchema,
    reason: z.string().nullable(),
    fps: z.number().nullable(),
    bitrateKbps: z.number().nullable(),
    lastFrameAt: z.string().nullable(),
  }),
  z.object({ type: z.literal('pong') }),
  incidentLiveEventSchema,
]);
export type LiveServerMessage = z.infer<typeof liveServerMessageSchema>;
