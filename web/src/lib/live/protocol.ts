import { LIVE_KIND, liveServerMessageSchema, type LiveClientMessage, type LiveServerMessage } from '@pantau/shared';

/** What a binary frame carries: the init segment, a fragment, or a fragment that starts with a keyframe. */
export type MediaKind = 'init' | 'fragment' | 'key';

export interface MediaFrame {
  kind: MediaKind;
  channel: number;
  /** The fMP4 bytes (a view into the received buffer, no copy). */
  data: Uint8Array;
}

/** A status push for one camera, as the server sends it. */
export type CameraStatusPush = Extract<LiveServerMessage, { type: 'camera-status' }>;
export type LiveErrorCode = Extract<LiveServerMessage, { type: 'error' }>['code'];

const KINDS: Record<number, MediaKind> = {
  [LIVE_KIND.init]: 'init',
  [LIVE_KIND.fragment]: 'fragment',
  [LIVE_KIND.keyFragment]: 'key',
};

/** Splits a binary frame: byte 0 kind, bytes 1–2 channel (uint16 big-endian), then fMP4. Null when malformed. */
export function parseMediaFrame(buf: ArrayBuffer): MediaFrame | null {
  if (buf.byteLength < 3) return null;
  const head = new DataView(buf, 0, 3);
  const kind = KINDS[head.getUint8(0)];
  if (!kind) return null;
  return { kind, channel: head.getUint16(1), data: new Uint8Array(buf, 3) };
}

/** Parses a text frame against the shared contract; null for anything the server should not send. */
export function parseServerMessage(text: string): LiveServerMessage | null {
  try {
    const r = liveServerMessageSchema.safeParse(JSON.parse(text));
    return r.success ? r.data : null;
  } catch {
    return null;
  }
}

export function encodeClientMessage(m: LiveClientMessage): string {
  return JSON.stringify(m);
}

/** Reconnect delays: 1, 2, 5, then every 10 s. */
export const RECONNECT_BACKOFF_MS = [1000, 2000, 5000, 10_000] as const;

export function backoffDelay(attempt: number): number {
  return RECONNECT_BACKOFF_MS[Math.min(attempt, RECONNECT_BACKOFF_MS.length - 1)]!;
}

/** Close codes the server uses on the upgrade: no session, or a page from another origin. */
export const CLOSE_UNAUTHENTICATED = 4401;
export const CLOSE_ORIGIN = 4403;

/** True for H.265 sample entries, which Chromium builds without proprietary codecs cannot decode. */
export function isHevc(mime: string): boolean {
  return /\b(hev1|hvc1)\b/.test(mime);
}
