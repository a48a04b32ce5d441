/**
 * Minimal H.265 SPS parsing (ITU-T H.265 §7.3.2.2: profile/tier/level, chroma format, picture
 * size with conformance window, bit depth) and the HEVCDecoderConfigurationRecord (`hvcC`,
 * ISO/IEC 14496-15 §8.3.3) with its RFC 6381 codec string.
 */
import { BitReader, removeEmulationPrevention } from './bitreader.ts';

/** Fields of an H.265 SPS used for the container. */
export interface H265Sps {
  readonly profileSpace: number;
  readonly tierFlag: number;
  readonly profileIdc: number;
  readonly compatibilityFlags: number;
  /** The 48 constraint-indicator bits as six bytes. */
  readonly constraintBytes: readonly number[];
  readonly levelIdc: number;
  readonly maxSubLayers: number;
  readonly temporalIdNesting: boolean;
  readonly chromaFormatIdc: number;
  readonly bitDepthLuma: number;
  readonly bitDepthChroma: number;
  readonly width: number;
  readonly height: number;
}

/** Why an H.265 SPS or config could not be read or built. */
export type H265SpsError = 'not-sps' | 'truncated' | 'out-of-range';

/** Parses an SPS NAL unit (two-byte header included). */
export function parseH265Sps(nal: Uint8Array): { ok: true; sps: H265Sps } | { ok: false; error: H265SpsError } {
  if (nal.length < 15 || (((nal[0] as number) >> 1) & 0x3f) !== 33) return { ok: false, error: 'not-sps' };
  const r = new BitReader(removeEmulationPrevention(nal.subarray(2)));
  r.skipBits(4); // sps_video_parameter_set_id
  const maxSubLayersMinus1 = r.readBits(3);
  const temporalIdNesting = r.readFlag();
  const profileSpace = r.readBits(2);
  const tierFlag = r.readBits(1);
  const profileIdc = r.readBits(5);
  const compatibilityFlags = r.readBits(32);
  const constraintBytes = [0, 0, 0, 0, 0, 0].map(() => r.readBits(8));
  const levelIdc = r.readBits(8);
  const subProfile: boolean[] = [];
  const subLevel: boolean[] = [];
  for (let i = 0; i < maxSubLayersMinus1; i++) {
    subProfile.push(r.readFlag());
    subLevel.push(r.readFlag());
  }
  if (maxSubLayersMinus1 > 0) r.skipBits(2 * (8 - maxSubLayersMinus1));
  for (let i = 0; i < maxSubLayersMinus1; i++) {
    if (subProfile[i]) r.skipBits(88);
    if (subLevel[i]) r.skipBits(8);
  }
  if (r.readUE() > 15) return { ok: false, error: 'out-of-range' }; // sps_seq_parameter_set_id
  const chromaFormatIdc = r.readUE();
  if (chromaFormatIdc > 3) return { ok: false, error: 'out-of-range' };
  if (chromaFormatIdc === 3) r.skipBits(1); // separate_colour_plane_flag
  const picWidth = r.readUE();
  const picHeight = r.readUE();
  let crop = [0, 0, 0, 0];
  if (r.readFlag()) crop = [r.readUE(), r.readUE(), r.readUE(), r.readUE()];
  const bitDepthLuma = r.readUE() + 8;
  const bitDepthChroma = r.readUE() + 8;
  if (r.overrun) return { ok: false, error: 'truncated' };
  const subWidthC = chromaFormatIdc === 1 || chromaFormatIdc === 2 ? 2 : 1;
  const subHeightC = chromaFormatIdc === 1 ? 2 : 1;
  const [left, right, top, bottom] = crop as [number, number, number, number];
  const width = picWidth - subWidthC * (left + right);
  const height = picHeight - subHeightC * (top + bottom);
  if (width <= 0 || height <= 0 || width > 16888 || height > 16888 || bitDepthLuma > 16 || bitDepthChroma > 16) {
    return { ok: false, error: 'out-of-range' };
  }
  return {
    ok: true,
    sps: { profileSpace, tierFlag, profileIdc, compatibilityFlags, constraintBytes, levelIdc, maxSubLayers: maxSubLayersMinus1 + 1, temporalIdNesting, chromaFormatIdc, bitDepthLuma, bitDepthChroma, width, height },
  };
}

/** RFC 6381 / ISO 14496-15 Annex E codec string, e.g. `hev1.1.6.L93.B0`. */
export function h265CodecString(entry: 'hev1' | 'hvc1', s: H265Sps): string {
  const space = ['', 'A', 'B', 'C'][s.profileSpace] ?? '';
  let reversed = 0;
  for (let i = 0; i < 32; i++) if ((s.compatibilityFlags >>> i) & 1) reversed |= 1 << (31 - i);
  const bytes = [...s.constraintBytes];
  while (bytes.length > 0 && bytes[bytes.length - 1] === 0) bytes.pop();
  const constraints = bytes.map((b) => `.${b.toString(16).toUpperCase()}`).join('');
  return `${entry}.${space}${s.profileIdc}.${(reversed >>> 0).toString(16).toUpperCase()}.${s.tierFlag ? 'H' : 'L'}${s.levelIdc}${constraints}`;
}

/** Decoder configuration for an H.265 track. */
export interface H265Config {
  readonly sps: H265Sps;
  /** hvcC record body (without the box header). */
  readonly hvcC: Uint8Array;
  readonly codec: string;
  readonly sampleEntry: 'hev1' | 'hvc1';
}

/**
 * Builds hvcC from VPS, SPS and PPS. `hvc1` (Safari) promises every parameter set is in the
 * record, so samples must not carry them; `hev1` (Chrome) allows them in-band.
 */
export function buildH265Config(
  vps: Uint8Array,
  sps: Uint8Array,
  pps: Uint8Array,
  sampleEntry: 'hev1' | 'hvc1' = 'hev1',
): { ok: true; config: H265Config } | { ok: false; error: H265SpsError | 'too-large' } {
  const parsed = parseH265Sps(sps);
  if (!parsed.ok) return parsed;
  if ([vps, sps, pps].some((n) => n.length > 0xffff || n.length < 2)) return { ok: false, error: 'too-large' };
  const s = parsed.sps;
  const arrays: [number, Uint8Array][] = [[32, vps], [33, sps], [34, pps]];
  const out = new Uint8Array(23 + arrays.reduce((n, [, nal]) => n + 3 + 2 + nal.length, 0));
  const v = new DataView(out.buffer);
  out[0] = 1;
  out[1] = (s.profileSpace << 6) | (s.tierFlag << 5) | s.profileIdc;
  v.setUint32(2, s.compatibilityFlags);
  out.set(s.constraintBytes, 6);
  out[12] = s.levelIdc;
  v.setUint16(13, 0xf000); // min_spatial_segmentation_idc 0 (unknown)
  out[15] = 0xfc; // parallelismType 0 (unknown)
  out[16] = 0xfc | s.chromaFormatIdc;
  out[17] = 0xf8 | (s.bitDepthLuma - 8);
  out[18] = 0xf8 | (s.bitDepthChroma - 8);
  v.setUint16(19, 0); // avgFrameRate unknown
  out[21] = (s.maxSubLayers << 3) | ((s.temporalIdNesting ? 1 : 0) << 2) | 3; // lengthSizeMinusOne = 3
  out[22] = arrays.length;
  let o = 23;
  const complete = sampleEntry === 'hvc1' ? 0x80 : 0;
  for (const [type, nal] of arrays) {
    out[o] = complete | type;
    v.setUint16(o + 1, 1);
    v.setUint16(o + 3, nal.length);
    out.set(nal, o + 5);
    o += 5 + nal.length;
  }
  return { ok: true, config: { sps: s, hvcC: out, codec: h265CodecString(sampleEntry, s), sampleEntry } };
}
