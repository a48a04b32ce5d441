/**
 * H.264 sequence parameter set parsing (ITU-T H.264 §7.3.2.1.1 and Annex E VUI), enough for
 * container metadata: profile, level, cropped picture size, chroma format, bit depth and frame
 * rate. Decoding needs none of this; MP4 init segments and MSE codec strings do.
 */
import { BitReader, removeEmulationPrevention } from './bitreader.ts';

/** Fields of an H.264 SPS used by the muxer and by status displays. */
export interface H264Sps {
  readonly profileIdc: number;
  /** constraint_set0..5 flags and reserved bits: the byte after profile_idc. */
  readonly constraintFlags: number;
  readonly levelIdc: number;
  readonly spsId: number;
  readonly chromaFormatIdc: number;
  readonly bitDepthLuma: number;
  readonly bitDepthChroma: number;
  readonly frameMbsOnly: boolean;
  /** Displayed width in pixels, after frame cropping. */
  readonly width: number;
  /** Displayed height in pixels, after frame cropping. */
  readonly height: number;
  /** Frames per second from VUI timing info, or null when the camera does not send it. */
  readonly frameRate: number | null;
}

/** Why an SPS could not be parsed. */
export type H264SpsError = 'not-sps' | 'truncated' | 'out-of-range';

/** Result of {@link parseH264Sps}. */
export type H264SpsResult = { ok: true; sps: H264Sps } | { ok: false; error: H264SpsError };

// profiles whose SPS carries chroma_format_idc, bit depths and scaling matrices
const HIGH_PROFILES = new Set([100, 110, 122, 244, 44, 83, 86, 118, 128, 138, 139, 134, 135]);

function skipScalingList(r: BitReader, size: number): void {
  let last = 8;
  let next = 8;
  for (let j = 0; j < size && !r.overrun; j++) {
    if (next !== 0) next = (last + r.readSE() + 256) % 256;
    last = next === 0 ? last : next;
  }
}

/** Parses an SPS NAL unit (with its one-byte header, emulation prevention still in place). */
export function parseH264Sps(nal: Uint8Array): H264SpsResult {
  if (nal.length < 4 || ((nal[0] as number) & 0x1f) !== 7) return { ok: false, error: 'not-sps' };
  const r = new BitReader(removeEmulationPrevention(nal.subarray(1)));
  const profileIdc = r.readBits(8);
  const constraintFlags = r.readBits(8);
  const levelIdc = r.readBits(8);
  const spsId = r.readUE();
  let chromaFormatIdc = 1;
  let separateColourPlane = false;
  let bitDepthLuma = 8;
  let bitDepthChroma = 8;
  if (HIGH_PROFILES.has(profileIdc)) {
    chromaFormatIdc = r.readUE();
    if (chromaFormatIdc > 3) return { ok: false, error: 'out-of-range' };
    if (chromaFormatIdc === 3) separateColourPlane = r.readFlag();
    bitDepthLuma = r.readUE() + 8;
    bitDepthChroma = r.readUE() + 8;
    r.skipBits(1); // qpprime_y_zero_transform_bypass_flag
    if (r.readFlag()) {
      const lists = chromaFormatIdc === 3 ? 12 : 8;
      for (let i = 0; i < lists && !r.overrun; i++) if (r.readFlag()) skipScalingList(r, i < 6 ? 16 : 64);
    }
  }
  r.readUE(); // log2_max_frame_num_minus4
  const pocType = r.readUE();
  if (pocType === 0) {
    r.readUE(); // log2_max_pic_order_cnt_lsb_minus4
  } else if (pocType === 1) {
    r.skipBits(1);
    r.readSE();
    r.readSE();
    const cycle = r.readUE();
    if (cycle > 255) return { ok: false, error: 'out-of-range' };
    for (let i = 0; i < cycle; i++) r.readSE();
  }
  r.readUE(); // max_num_ref_frames
  r.skipBits(1); // gaps_in_frame_num_value_allowed_flag
  const widthMbs = r.readUE() + 1;
  const heightMapUnits = r.readUE() + 1;
  const frameMbsOnly = r.readFlag();
  if (!frameMbsOnly) r.skipBits(1); // mb_adaptive_frame_field_flag
  r.skipBits(1); // direct_8x8_inference_flag
  let crop = [0, 0, 0, 0];
  if (r.readFlag()) crop = [r.readUE(), r.readUE(), r.readUE(), r.readUE()];
  const frameRate = r.readFlag() ? readVuiFrameRate(r) : null;
  if (r.overrun) return { ok: false, error: 'truncated' };
  if (bitDepthLuma > 14 || bitDepthChroma > 14 || spsId > 31) {
    return { ok: false, error: 'out-of-range' };
  }
  const chromaArrayType = separateColourPlane ? 0 : chromaFormatIdc;
  const subWidthC = chromaFormatIdc === 3 ? 1 : 2;
  const subHeightC = chromaFormatIdc === 1 ? 2 : 1;
  const cropUnitX = chromaArrayType === 0 ? 1 : subWidthC;
  const cropUnitY = (chromaArrayType === 0 ? 1 : subHeightC) * (frameMbsOnly ? 1 : 2);
  const [left, right, top, bottom] = crop as [number, number, number, number];
  const width = widthMbs * 16 - cropUnitX * (left + right);
  const height = (frameMbsOnly ? 1 : 2) * heightMapUnits * 16 - cropUnitY * (top + bottom);
  if (width <= 0 || height <= 0 || width > 16384 || height > 16384) return { ok: false, error: 'out-of-range' };
  return {
    ok: true,
    sps: {
      profileIdc,
      constraintFlags,
      levelIdc,
      spsId,
      chromaFormatIdc,
      bitDepthLuma,
      bitDepthChroma,
      frameMbsOnly,
      width,
      height,
      frameRate,
    },
  };
}

/** Reads VUI up to timing info (Annex E.1.1); returns frames per second or null. */
function readVuiFrameRate(r: BitReader): number | null {
  if (r.readFlag()) {
    // aspect_ratio_info_present_flag; 255 = Extended_SAR with explicit width/height
    if (r.readBits(8) === 255) r.skipBits(32);
  }
  if (r.readFlag()) r.skipBits(1); // overscan_info_present_flag → overscan_appropriate_flag
  if (r.readFlag()) {
    r.skipBits(4); // video_format, video_full_range_flag
    if (r.readFlag()) r.skipBits(24); // colour_primaries, transfer, matrix
  }
  if (r.readFlag()) {
    r.readUE(); // chroma_sample_loc_type_top_field
    r.readUE();
  }
  if (!r.readFlag()) return null;
  const numUnitsInTick = r.readBits(32);
  const timeScale = r.readBits(32);
  if (r.overrun || numUnitsInTick === 0 || timeScale === 0) return null;
  // one frame is two ticks (field-based units), H.264 Annex E (E-39) with fixed frame rate
  return timeScale / (2 * numUnitsInTick);
}
