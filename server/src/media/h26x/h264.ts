/**
 * RFC 6184 H.264 RTP depacketizer: single NAL unit, STAP-A and FU-A packets
 * (packetization-mode 0 and 1). STAP-B, MTAP and FU-B (interleaved mode 2) are reported as
 * unsupported: no camera we know of sends them.
 */
import type { DepacketizerLimits } from './access-unit.ts';
import { Depacketizer, NOTHING_YET, type CodecRules, type UnpackResult } from './depacketizer.ts';
import type { FragmentBuffer } from './fragment.ts';
import { copyBytes } from './slab.ts';

/** H.264 NAL unit types used here (ITU-T H.264 Table 7-1, RFC 6184 Table 1). */
export const H264Nal = {
  NonIdr: 1,
  Idr: 5,
  Sei: 6,
  Sps: 7,
  Pps: 8,
  Aud: 9,
  StapA: 24,
  FuA: 28,
} as const;

/** NAL unit type of an H.264 NAL unit (low five bits of the header). */
export function h264NalType(nal: Uint8Array): number {
  return (nal[0] ?? 0) & 0x1f;
}

function unpackH264(payload: Uint8Array, fu: FragmentBuffer): UnpackResult {
  const type = (payload[0] as number) & 0x1f;
  if (fu.active && type !== H264Nal.FuA) return { ok: false, code: 'fragment-incomplete' };
  if (type >= 1 && type <= 23) return { ok: true, nalus: [copyBytes(payload)] };
  if (type === H264Nal.StapA) return unpackStapA(payload);
  if (type === H264Nal.FuA) return unpackFuA(payload, fu);
  return { ok: false, code: 'unsupported-packet-type' };
}

function unpackStapA(payload: Uint8Array): UnpackResult {
  const nalus: Uint8Array[] = [];
  let o = 1;
  while (o < payload.length) {
    if (o + 2 > payload.length) return { ok: false, code: 'malformed-packet' };
    const size = ((payload[o] as number) << 8) | (payload[o + 1] as number);
    o += 2;
    if (size === 0 || o + size > payload.length) return { ok: false, code: 'malformed-packet' };
    nalus.push(copyBytes(payload, o, o + size));
    o += size;
  }
  if (nalus.length === 0) return { ok: false, code: 'malformed-packet' };
  return { ok: true, nalus };
}

function unpackFuA(payload: Uint8Array, fu: FragmentBuffer): UnpackResult {
  if (payload.length < 3) return { ok: false, code: 'malformed-packet' };
  const indicator = payload[0] as number;
  const header = payload[1] as number;
  const start = (header & 0x80) !== 0;
  const end = (header & 0x40) !== 0;
  if (start) {
    // a new start while one is open means the end was lost without a sequence gap
    if (fu.active) return { ok: false, code: 'fragment-incomplete' };
    fu.start((indicator & 0xe0) | (header & 0x1f), payload, 2);
  } else {
    if (!fu.active) return { ok: false, code: 'fragment-without-start' };
    fu.append(payload, 2);
  }
  return end ? { ok: true, nalus: [fu.take()] } : NOTHING_YET;
}

/** H.264 NAL rules for the shared depacketizer core. */
export const h264Rules: CodecRules = {
  nalType: h264NalType,
  isVcl: (t) => t >= 1 && t <= 5,
  isKey: (t) => t === H264Nal.Idr,
  parameterSetTypes: [H264Nal.Sps, H264Nal.Pps],
  audType: H264Nal.Aud,
  unpack: unpackH264,
};

/** Parameter sets known before the first packet, usually from SDP `sprop-parameter-sets`. */
export interface H264InitialParameters {
  sps?: Uint8Array;
  pps?: Uint8Array;
}

/**
 * Creates an H.264 depacketizer. Access units are assembled on the marker bit or, for cameras
 * that forget it, on a timestamp change; all slices of a picture stay in one access unit; SPS/PPS
 * from SDP or the last in-band copy are inserted before IDR pictures that lack them; packet loss
 * drops the affected picture.
 */
export function createH264Depacketizer(initial: H264InitialParameters = {}, limits: DepacketizerLimits = {}): Depacketizer {
  const sets = [initial.sps, initial.pps].filter((x): x is Uint8Array => x !== undefined && x.length > 0);
  return new Depacketizer(h264Rules, sets, limits);
}
