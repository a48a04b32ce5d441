/**
 * RFC 7798 H.265/HEVC RTP depacketizer: single NAL unit, aggregation (AP) and fragmentation
 * (FU) packets, without DONL (sprop-max-don-diff = 0, what cameras send). PACI packets are
 * reported as unsupported.
 */
import type { DepacketizerLimits } from './access-unit.ts';
import { Depacketizer, NOTHING_YET, type CodecRules, type UnpackResult } from './depacketizer.ts';
import type { FragmentBuffer } from './fragment.ts';
import { copyBytes } from './slab.ts';

/** H.265 NAL unit types used here (ITU-T H.265 Table 7-1, RFC 7798 §4.4). */
export const H265Nal = {
  BlaWLp: 16,
  RsvIrap23: 23,
  Vps: 32,
  Sps: 33,
  Pps: 34,
  Aud: 35,
  Ap: 48,
  Fu: 49,
  Paci: 50,
} as const;

/** NAL unit type of an H.265 NAL unit (six bits after the forbidden bit). */
export function h265NalType(nal: Uint8Array): number {
  return ((nal[0] ?? 0) >> 1) & 0x3f;
}

function unpackH265(payload: Uint8Array, fu: FragmentBuffer): UnpackResult {
  if (payload.length < 3) return { ok: false, code: 'malformed-packet' };
  const type = h265NalType(payload);
  if (fu.active && type !== H265Nal.Fu) return { ok: false, code: 'fragment-incomplete' };
  if (type < H265Nal.Ap) return { ok: true, nalus: [copyBytes(payload)] };
  if (type === H265Nal.Ap) return unpackAp(payload);
  if (type === H265Nal.Fu) return unpackFu(payload, fu);
  return { ok: false, code: 'unsupported-packet-type' };
}

function unpackAp(payload: Uint8Array): UnpackResult {
  const nalus: Uint8Array[] = [];
  let o = 2;
  while (o < payload.length) {
    if (o + 2 > payload.length) return { ok: false, code: 'malformed-packet' };
    const size = ((payload[o] as number) << 8) | (payload[o + 1] as number);
    o += 2;
    // a NAL unit has at least its two-byte header
    if (size < 2 || o + size > payload.length) return { ok: false, code: 'malformed-packet' };
    nalus.push(copyBytes(payload, o, o + size));
    o += size;
  }
  if (nalus.length === 0) return { ok: false, code: 'malformed-packet' };
  return { ok: true, nalus };
}

function unpackFu(payload: Uint8Array, fu: FragmentBuffer): UnpackResult {
  if (payload.length < 4) return { ok: false, code: 'malformed-packet' };
  const header = payload[2] as number;
  const start = (header & 0x80) !== 0;
  const end = (header & 0x40) !== 0;
  if (start) {
    if (fu.active) return { ok: false, code: 'fragment-incomplete' };
    // the original header: F and LayerId high bit from the payload header, type from the FU header
    fu.start([((payload[0] as number) & 0x81) | ((header & 0x3f) << 1), payload[1] as number], payload, 3);
  } else {
    if (!fu.active) return { ok: false, code: 'fragment-without-start' };
    fu.append(payload, 3);
  }
  return end ? { ok: true, nalus: [fu.take()] } : NOTHING_YET;
}

/** H.265 NAL rules for the shared depacketizer core. */
export const h265Rules: CodecRules = {
  nalType: h265NalType,
  isVcl: (t) => t < 32,
  // IRAP pictures (BLA, IDR, CRA and reserved IRAP types): a decoder can start here
  isKey: (t) => t >= H265Nal.BlaWLp && t <= H265Nal.RsvIrap23,
  parameterSetTypes: [H265Nal.Vps, H265Nal.Sps, H265Nal.Pps],
  audType: H265Nal.Aud,
  unpack: unpackH265,
};

/** Parameter sets known before the first packet, from SDP `sprop-vps/sps/pps`. */
export interface H265InitialParameters {
  vps?: Uint8Array;
  sps?: Uint8Array;
  pps?: Uint8Array;
}

/**
 * Creates an H.265 depacketizer with the same access-unit, loss and parameter-set behaviour as
 * the H.264 one (VPS/SPS/PPS inserted before IRAP pictures that lack them).
 */
export function createH265Depacketizer(initial: H265InitialParameters = {}, limits: DepacketizerLimits = {}): Depacketizer {
  const sets = [initial.vps, initial.sps, initial.pps].filter((x): x is Uint8Array => x !== undefined && x.length > 1);
  return new Depacketizer(h265Rules, sets, limits);
}
