/**
 * SDP (RFC 8866) parsing for RTSP DESCRIBE responses: media sections, rtpmap, fmtp and control
 * URLs resolved per RFC 2326 §C.1.1, plus H.264 (RFC 6184 §8.1) and H.265 (RFC 7798 §7.1)
 * parameters. Tolerant of what cameras send; never throws.
 */

/** One `m=` section. */
export interface MediaDescription {
  /** `video`, `audio`, `application`, ... */
  readonly kind: string;
  readonly port: number;
  readonly protocol: string;
  readonly payloadTypes: readonly number[];
  /** rtpmap of the first payload type (or the static type's defaults), or null. */
  readonly rtpmap: { readonly encoding: string; readonly clockRate: number; readonly channels: number | null } | null;
  /** fmtp parameters of the first payload type; keys lower-cased. */
  readonly fmtp: ReadonlyMap<string, string>;
  /** Absolute control URL for SETUP. */
  readonly control: string;
  /** sendonly / recvonly / sendrecv / inactive, if stated. */
  readonly direction: string | null;
}

/** A parsed session description. */
export interface SessionDescription {
  readonly sessionName: string;
  /** Aggregate control URL for PLAY/TEARDOWN. */
  readonly control: string;
  readonly media: readonly MediaDescription[];
}

/** Why an SDP body was refused. */
export type SdpError = 'not-sdp' | 'too-large';

const MAX_SDP_BYTES = 64 * 1024;
const MAX_MEDIA = 32;
const STATIC_TYPES: Record<number, [string, number, number | null]> = {
  0: ['PCMU', 8000, 1],
  8: ['PCMA', 8000, 1],
  14: ['MPA', 90000, null],
  26: ['JPEG', 90000, null],
  32: ['MPV', 90000, null],
};

/**
 * Resolves a control attribute against the base URL (Content-Base, else Content-Location, else
 * the DESCRIBE URL). Relative controls are appended to the base with one `/`, as ffmpeg and
 * live555 do: most cameras send `Content-Base` without a trailing slash and still mean
 * `base/trackID=1`, which strict RFC 3986 resolution would turn into a sibling path.
 */
export function resolveControl(base: string, control: string | undefined): string {
  if (control === undefined || control === '' || control === '*') return base;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(control)) return control;
  if (control.startsWith('/') && URL.canParse(control, base)) return new URL(control, base).toString();
  return base.endsWith('/') ? base + control : `${base}/${control}`;
}

interface Section {
  m: string | null;
  attrs: [string, string][];
}

/** Parses an SDP body; `baseUrl` is the base for control URLs (see {@link resolveControl}). */
export function parseSdp(text: string, baseUrl: string): { ok: true; sdp: SessionDescription } | { ok: false; error: SdpError } {
  if (text.length > MAX_SDP_BYTES) return { ok: false, error: 'too-large' };
  const sections: Section[] = [{ m: null, attrs: [] }];
  let sessionName = '';
  let sawVersion = false;
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line.length < 2 || line[1] !== '=') continue;
    const type = line[0];
    const value = line.slice(2);
    const current = sections[sections.length - 1] as Section;
    if (type === 'v') sawVersion = true;
    else if (type === 's' && sections.length === 1) sessionName = value;
    else if (type === 'm') {
      if (sections.length > MAX_MEDIA) continue;
      sections.push({ m: value, attrs: [] });
    } else if (type === 'a') {
      const colon = value.indexOf(':');
      current.attrs.push(colon < 0 ? [value, ''] : [value.slice(0, colon), value.slice(colon + 1)]);
    }
  }
  if (!sawVersion && sections.length === 1) return { ok: false, error: 'not-sdp' };
  const session = sections[0] as Section;
  const sessionControl = session.attrs.find(([k]) => k === 'control')?.[1].trim();
  const control = resolveControl(baseUrl, sessionControl);
  const media: MediaDescription[] = [];
  for (const s of sections.slice(1)) {
    // RFC 2326 §C.1.1: media-level relative URLs resolve against the base URL, not the aggregate
    const parsed = parseMedia(s, baseUrl);
    if (parsed) media.push(parsed);
  }
  return { ok: true, sdp: { sessionName, control, media } };
}

function parseMedia(s: Section, base: string): MediaDescription | null {
  const [kind, portText, protocol, ...fmts] = (s.m ?? '').trim().split(/\s+/);
  if (kind === undefined || kind === '' || protocol === undefined) return null;
  const payloadTypes = fmts.filter((f) => /^\d{1,3}$/.test(f)).map(Number).filter((n) => n < 128);
  const pt = payloadTypes[0];
  let rtpmap: MediaDescription['rtpmap'] = null;
  let fmtp = new Map<string, string>();
  let control: string | undefined;
  let direction: string | null = null;
  for (const [k, v] of s.attrs) {
    if (k === 'control') control = v.trim();
    else if (k === 'sendonly' || k === 'recvonly' || k === 'sendrecv' || k === 'inactive') direction = k;
    else if (k === 'rtpmap' || k === 'fmtp') {
      const m = /^(\d{1,3})\s+(.*)$/.exec(v.trim());
      if (!m || Number(m[1]) !== pt) continue;
      if (k === 'rtpmap') rtpmap = parseRtpmap(m[2] as string) ?? rtpmap;
      else fmtp = parseFmtp(m[2] as string);
    }
  }
  if (rtpmap === null && pt !== undefined && STATIC_TYPES[pt]) {
    const [encoding, clockRate, channels] = STATIC_TYPES[pt];
    rtpmap = { encoding, clockRate, channels };
  }
  const port = Number(portText?.split('/')[0]);
  return { kind, port: Number.isFinite(port) ? port : 0, protocol, payloadTypes, rtpmap, fmtp, control: resolveControl(base, control), direction };
}

function parseRtpmap(v: string): MediaDescription['rtpmap'] {
  const m = /^([^/\s]+)\/(\d{1,9})(?:\/(\d{1,3}))?/.exec(v.trim());
  if (!m) return null;
  return { encoding: (m[1] as string).toUpperCase(), clockRate: Number(m[2]), channels: m[3] === undefined ? null : Number(m[3]) };
}

/** Parses `key=value; key=value` (values may contain `=`, as base64 does). */
export function parseFmtp(v: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of v.split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    out.set(part.slice(0, eq).trim().toLowerCase(), part.slice(eq + 1).trim());
  }
  return out;
}

const b64 = (s: string): Uint8Array => new Uint8Array(Buffer.from(s.trim(), 'base64'));
const list = (s: string | undefined): Uint8Array[] => (s ?? '').split(',').map(b64).filter((x) => x.length > 0);

/** H.264 parameters from fmtp. */
export interface H264Fmtp {
  /** 0 (single NAL) or 1 (non-interleaved); 2 is interleaved and unsupported. */
  readonly packetizationMode: number;
  readonly profileLevelId: string | null;
  readonly sps: readonly Uint8Array[];
  readonly pps: readonly Uint8Array[];
}

/** Reads H.264 fmtp; `sprop-parameter-sets` holds base64 SPS and PPS NAL units. */
export function h264Fmtp(fmtp: ReadonlyMap<string, string>): H264Fmtp {
  const sets = list(fmtp.get('sprop-parameter-sets'));
  const mode = Number(fmtp.get('packetization-mode') ?? '0');
  return {
    packetizationMode: Number.isInteger(mode) ? mode : 0,
    profileLevelId: fmtp.get('profile-level-id') ?? null,
    sps: sets.filter((n) => ((n[0] as number) & 0x1f) === 7),
    pps: sets.filter((n) => ((n[0] as number) & 0x1f) === 8),
  };
}

/** H.265 parameters from fmtp. */
export interface H265Fmtp {
  readonly vps: readonly Uint8Array[];
  readonly sps: readonly Uint8Array[];
  readonly pps: readonly Uint8Array[];
  /** Non-zero means DONL fields in packets, which this client does not support. */
  readonly maxDonDiff: number;
}

/** Reads H.265 fmtp (`sprop-vps`, `sprop-sps`, `sprop-pps`, `sprop-max-don-diff`). */
export function h265Fmtp(fmtp: ReadonlyMap<string, string>): H265Fmtp {
  const don = Number(fmtp.get('sprop-max-don-diff') ?? '0');
  return {
    vps: list(fmtp.get('sprop-vps')),
    sps: list(fmtp.get('sprop-sps')),
    pps: list(fmtp.get('sprop-pps')),
    maxDonDiff: Number.isFinite(don) ? don : 0,
  };
}
