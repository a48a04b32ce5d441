/**
 * AVCDecoderConfigurationRecord (ISO/IEC 14496-15 §5.3.3.1), the `avcC` box body, and the RFC 6381
 * codec string MSE needs (`avc1.PPCCLL`).
 */
import { parseH264Sps, type H264Sps, type H264SpsError } from './h264-sps.ts';

/** Decoder configuration for an H.264 track. */
export interface H264Config {
  readonly sps: H264Sps;
  /** avcC record body (without the box header). */
  readonly avcC: Uint8Array;
  /** RFC 6381 codec string, e.g. `avc1.640028`. */
  readonly codec: string;
}

/** Why an avcC could not be built. */
export type H264ConfigError = H264SpsError | 'no-pps' | 'too-large';

function hex2(n: number): string {
  return n.toString(16).padStart(2, '0');
}

/** Builds the avcC record and codec string from one SPS and one or more PPS NAL units. */
export function buildH264Config(
  sps: Uint8Array,
  ppsList: readonly Uint8Array[],
): { ok: true; config: H264Config } | { ok: false; error: H264ConfigError } {
  const parsed = parseH264Sps(sps);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  if (ppsList.length === 0 || ppsList.length > 31) return { ok: false, error: 'no-pps' };
  if (sps.length > 0xffff || ppsList.some((p) => p.length > 0xffff || p.length === 0)) {
    return { ok: false, error: 'too-large' };
  }
  const s = parsed.sps;
  // High profiles carry chroma format and bit depths after the PPS list (14496-15 §5.3.3.1.2)
  const ext = s.profileIdc === 100 || s.profileIdc === 110 || s.profileIdc === 122 || s.profileIdc === 144;
  const size = 6 + 2 + sps.length + 1 + ppsList.reduce((n, p) => n + 2 + p.length, 0) + (ext ? 4 : 0);
  const out = new Uint8Array(size);
  const v = new DataView(out.buffer);
  out[0] = 1; // configurationVersion
  out[1] = sps[1] as number; // profile, compatibility and level copied from the SPS itself
  out[2] = sps[2] as number;
  out[3] = sps[3] as number;
  out[4] = 0xfc | 3; // lengthSizeMinusOne = 3: four-byte NAL lengths
  out[5] = 0xe0 | 1; // one SPS
  v.setUint16(6, sps.length);
  out.set(sps, 8);
  let o = 8 + sps.length;
  out[o++] = ppsList.length;
  for (const p of ppsList) {
    v.setUint16(o, p.length);
    out.set(p, o + 2);
    o += 2 + p.length;
  }
  if (ext) {
    out[o++] = 0xfc | s.chromaFormatIdc;
    out[o++] = 0xf8 | (s.bitDepthLuma - 8);
    out[o++] = 0xf8 | (s.bitDepthChroma - 8);
    out[o++] = 0; // numOfSequenceParameterSetExt
  }
  const codec = `avc1.${hex2(sps[1] as number)}${hex2(sps[2] as number)}${hex2(sps[3] as number)}`;
  return { ok: true, config: { sps: s, avcC: out, codec } };
}
