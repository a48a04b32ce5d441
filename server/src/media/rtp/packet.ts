/**
 * RTP fixed header (RFC 3550 §5.1) parsing and serialization, with bounds checks on every field.
 */

/** A parsed RTP packet. `payload` is a view into the input buffer (no copy). */
export interface RtpPacket {
  readonly padding: boolean;
  readonly marker: boolean;
  readonly payloadType: number;
  /** 16-bit sequence number. */
  readonly sequenceNumber: number;
  /** 32-bit media timestamp (unsigned). */
  readonly timestamp: number;
  /** 32-bit synchronization source (unsigned). */
  readonly ssrc: number;
  readonly csrc: readonly number[];
  /** Header extension (RFC 3550 §5.3.1), or null when the X bit is clear. */
  readonly extension: { readonly profile: number; readonly data: Uint8Array } | null;
  readonly payload: Uint8Array;
}

/** Why bytes are not a valid RTP packet. */
export type RtpParseError =
  | 'too-short'
  | 'bad-version'
  | 'truncated-csrc'
  | 'truncated-extension'
  | 'bad-padding';

/** Result of {@link parseRtp}. */
export type RtpParseResult = { ok: true; packet: RtpPacket } | { ok: false; error: RtpParseError };

const HEADER = 12;

const NO_CSRC: readonly number[] = Object.freeze([]);

function u16(b: Uint8Array, o: number): number {
  return (b[o]! << 8) | b[o + 1]!;
}

function u32(b: Uint8Array, o: number): number {
  return ((b[o]! << 24) | (b[o + 1]! << 16) | (b[o + 2]! << 8) | b[o + 3]!) >>> 0;
}

/** Parses one RTP packet; never throws. Runs for every packet of every camera: no DataView, no array unless CSRCs are present. */
export function parseRtp(buf: Uint8Array): RtpParseResult {
  if (buf.length < HEADER) return { ok: false, error: 'too-short' };
  const b0 = buf[0]!;
  const b1 = buf[1]!;
  if (b0 >>> 6 !== 2) return { ok: false, error: 'bad-version' };
  const padding = (b0 & 0x20) !== 0;
  const hasExtension = (b0 & 0x10) !== 0;
  const csrcCount = b0 & 0x0f;
  let offset = HEADER + csrcCount * 4;
  if (offset > buf.length) return { ok: false, error: 'truncated-csrc' };
  let csrc = NO_CSRC;
  if (csrcCount > 0) {
    const list: number[] = [];
    for (let i = 0; i < csrcCount; i++) list.push(u32(buf, HEADER + i * 4));
    csrc = list;
  }
  let extension: RtpPacket['extension'] = null;
  if (hasExtension) {
    if (offset + 4 > buf.length) return { ok: false, error: 'truncated-extension' };
    const profile = u16(buf, offset);
    const words = u16(buf, offset + 2);
    const end = offset + 4 + words * 4;
    if (end > buf.length) return { ok: false, error: 'truncated-extension' };
    extension = { profile, data: buf.subarray(offset + 4, end) };
    offset = end;
  }
  let end = buf.length;
  if (padding) {
    // the last byte counts the padding bytes, itself included
    const pad = buf[buf.length - 1] as number;
    if (pad === 0 || offset + pad > buf.length) return { ok: false, error: 'bad-padding' };
    end -= pad;
  }
  return {
    ok: true,
    packet: {
      padding,
      marker: (b1 & 0x80) !== 0,
      payloadType: b1 & 0x7f,
      sequenceNumber: u16(buf, 2),
      timestamp: u32(buf, 4),
      ssrc: u32(buf, 8),
      csrc,
      extension,
      payload: buf.subarray(offset, end),
    },
  };
}

/** Fields for {@link serializeRtp}; optional ones default to zero/empty. */
export interface RtpPacketInit {
  marker?: boolean;
  payloadType: number;
  sequenceNumber: number;
  timestamp: number;
  ssrc: number;
  csrc?: readonly number[];
  extension?: { profile: number; data: Uint8Array } | null;
  /** Number of padding bytes to append (1..255), or 0 for none. */
  paddingBytes?: number;
  payload: Uint8Array;
}

/**
 * Serializes an RTP packet. Used by tests and by anything that re-sends RTP; values are masked to
 * their field widths, and extension data is zero-padded to a 32-bit boundary.
 */
export function serializeRtp(p: RtpPacketInit): Uint8Array {
  const csrc = (p.csrc ?? []).slice(0, 15);
  const ext = p.extension ?? null;
  const extWords = ext ? Math.ceil(ext.data.length / 4) : 0;
  const pad = Math.max(0, Math.min(255, p.paddingBytes ?? 0));
  const size = HEADER + csrc.length * 4 + (ext ? 4 + extWords * 4 : 0) + p.payload.length + pad;
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  view.setUint8(0, 0x80 | (pad > 0 ? 0x20 : 0) | (ext ? 0x10 : 0) | csrc.length);
  view.setUint8(1, (p.marker ? 0x80 : 0) | (p.payloadType & 0x7f));
  view.setUint16(2, p.sequenceNumber & 0xffff);
  view.setUint32(4, p.timestamp >>> 0);
  view.setUint32(8, p.ssrc >>> 0);
  let o = HEADER;
  for (const c of csrc) {
    view.setUint32(o, c >>> 0);
    o += 4;
  }
  if (ext) {
    view.setUint16(o, ext.profile & 0xffff);
    view.setUint16(o + 2, extWords);
    out.set(ext.data, o + 4);
    o += 4 + extWords * 4;
  }
  out.set(p.payload, o);
  if (pad > 0) out[size - 1] = pad;
  return out;
}
