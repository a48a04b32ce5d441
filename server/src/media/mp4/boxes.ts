/**
 * Pure ISO BMFF (MP4) box writers for one-video-track fragmented MP4 (ISO/IEC 14496-12).
 * Each function returns the complete box bytes; composition is plain nesting.
 */

const encoder = new TextEncoder();

/** Concatenates byte arrays. */
export function concat(parts: readonly Uint8Array[]): Uint8Array {
  let size = 0;
  for (const p of parts) size += p.length;
  const out = new Uint8Array(size);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** Big-endian unsigned integers of 1, 2 or 4 bytes, or 8 bytes for values up to 2^53. */
export function u8(n: number): Uint8Array {
  return Uint8Array.of(n & 0xff);
}
export function u16(n: number): Uint8Array {
  return Uint8Array.of((n >>> 8) & 0xff, n & 0xff);
}
export function u32(n: number): Uint8Array {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setUint32(0, n >>> 0);
  return b;
}
export function u64(n: number): Uint8Array {
  const b = new Uint8Array(8);
  const v = new DataView(b.buffer);
  v.setUint32(0, Math.floor(n / 2 ** 32) >>> 0);
  v.setUint32(4, n % 2 ** 32 >>> 0);
  return b;
}

// live fan-out writes several boxes per picture: encode each four-character code once
const fourccCache = new Map<string, Uint8Array>();
function fourcc(type: string): Uint8Array {
  let b = fourccCache.get(type);
  if (!b) {
    b = encoder.encode(type.slice(0, 4).padEnd(4, ' '));
    fourccCache.set(type, b);
  }
  return b;
}

/** A box: 32-bit size, four-character type, then the payload parts (one allocation). */
export function box(type: string, ...payload: Uint8Array[]): Uint8Array {
  let size = 8;
  for (const p of payload) size += p.length;
  const out = new Uint8Array(size);
  new DataView(out.buffer).setUint32(0, size);
  out.set(fourcc(type), 4);
  let o = 8;
  for (const p of payload) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** A full box: a box whose payload starts with version (8 bits) and flags (24 bits). */
export function fullBox(type: string, version: number, flags: number, ...payload: Uint8Array[]): Uint8Array {
  return box(type, Uint8Array.of(version, (flags >>> 16) & 0xff, (flags >>> 8) & 0xff, flags & 0xff), ...payload);
}

const zeros = (n: number): Uint8Array => new Uint8Array(n);
// unity transformation matrix (14496-12 §8.2.2.3)
const MATRIX = concat([u32(0x00010000), u32(0), u32(0), u32(0), u32(0x00010000), u32(0), u32(0), u32(0), u32(0x40000000)]);

/** `ftyp`: isom with iso6 (fragments with tfdt) and the codec brand. */
export function ftyp(codecBrand: string): Uint8Array {
  const brands = ['isom', 'iso6', 'iso2', codecBrand, 'mp41'];
  return box('ftyp', encoder.encode('isom'), u32(0x200), ...brands.map((b) => encoder.encode(b)));
}

/** `mvhd` with unknown (zero) duration, as fragments carry the media. */
export function mvhd(timescale: number, nextTrackId: number): Uint8Array {
  return fullBox('mvhd', 0, 0, u32(0), u32(0), u32(timescale), u32(0), u32(0x00010000), u16(0x0100), zeros(10), MATRIX, zeros(24), u32(nextTrackId));
}

/** `tkhd` for an enabled video track of the given display size. */
export function tkhd(trackId: number, width: number, height: number): Uint8Array {
  return fullBox('tkhd', 0, 0x000003, u32(0), u32(0), u32(trackId), u32(0), u32(0), zeros(8), u16(0), u16(0), u16(0), u16(0), MATRIX, u32(width * 65536), u32(height * 65536));
}

/** `mdhd` with language `und`. */
export function mdhd(timescale: number): Uint8Array {
  return fullBox('mdhd', 0, 0, u32(0), u32(0), u32(timescale), u32(0), u16(0x55c4), u16(0));
}

/** `hdlr` for video. */
export function hdlrVideo(): Uint8Array {
  return fullBox('hdlr', 0, 0, u32(0), encoder.encode('vide'), zeros(12), encoder.encode('VideoHandler\0'));
}

/** `vmhd`; flags must be 1 (14496-12 §12.1.2). */
export function vmhd(): Uint8Array {
  return fullBox('vmhd', 0, 1, u16(0), u16(0), u16(0), u16(0));
}

/** `dinf` with one self-contained `url ` entry. */
export function dinf(): Uint8Array {
  return box('dinf', fullBox('dref', 0, 0, u32(1), fullBox('url ', 0, 1)));
}

/** Visual sample entry (`avc1`, `hev1`, `hvc1`) wrapping a codec configuration box. */
export function visualSampleEntry(type: string, width: number, height: number, configBox: Uint8Array): Uint8Array {
  return box(
    type,
    zeros(6),
    u16(1), // data_reference_index
    zeros(16), // pre_defined, reserved, pre_defined[3]
    u16(width),
    u16(height),
    u32(0x00480000), // 72 dpi
    u32(0x00480000),
    u32(0),
    u16(1), // frame_count
    zeros(32), // compressorname
    u16(0x0018), // depth
    u16(0xffff), // pre_defined = -1
    configBox,
  );
}

/** `stbl` with one sample description and empty sample tables (samples live in fragments). */
export function stbl(sampleEntry: Uint8Array): Uint8Array {
  return box(
    'stbl',
    fullBox('stsd', 0, 0, u32(1), sampleEntry),
    fullBox('stts', 0, 0, u32(0)),
    fullBox('stsc', 0, 0, u32(0)),
    fullBox('stsz', 0, 0, u32(0), u32(0)),
    fullBox('stco', 0, 0, u32(0)),
  );
}

/** `mvex` with a `trex` of neutral defaults (every fragment states its own). */
export function mvex(trackId: number): Uint8Array {
  return box('mvex', fullBox('trex', 0, 0, u32(trackId), u32(1), u32(0), u32(0), u32(0)));
}

/** `mfhd` with the fragment sequence number (starts at 1, increases by one). */
export function mfhd(sequence: number): Uint8Array {
  return fullBox('mfhd', 0, 0, u32(sequence));
}

/** `tfhd` with default-base-is-moof, so `trun` data offsets are relative to the moof. */
export function tfhd(trackId: number): Uint8Array {
  return fullBox('tfhd', 0, 0x020000, u32(trackId));
}

/** `tfdt` (version 1, 64-bit) with the decode time of the fragment's first sample. */
export function tfdt(baseMediaDecodeTime: number): Uint8Array {
  return fullBox('tfdt', 1, 0, u64(baseMediaDecodeTime));
}

/** One `trun` entry. */
export interface TrunSample {
  duration: number;
  size: number;
  flags: number;
}

/** Sample flags: sync samples depend on nothing; others depend on earlier ones and are not sync. */
export const SAMPLE_FLAGS_KEY = 0x02000000;
export const SAMPLE_FLAGS_NON_KEY = 0x01010000;

/** `trun` with data offset, per-sample duration, size and flags (composition offsets all zero). */
export function trun(dataOffset: number, samples: readonly TrunSample[]): Uint8Array {
  // written in place: the recorder and live view build one per fragment for every camera
  const size = trunSize(samples.length);
  const out = new Uint8Array(size);
  const v = new DataView(out.buffer);
  v.setUint32(0, size);
  out.set(fourcc('trun'), 4);
  v.setUint32(8, 0x000001 | 0x000100 | 0x000200 | 0x000400); // version 0 and flags
  v.setUint32(12, samples.length);
  v.setUint32(16, dataOffset >>> 0);
  let o = 20;
  for (const s of samples) {
    v.setUint32(o, s.duration >>> 0);
    v.setUint32(o + 4, s.size >>> 0);
    v.setUint32(o + 8, s.flags >>> 0);
    o += 12;
  }
  return out;
}

/** Size of a `trun` box for `n` samples, needed to compute its own data offset. */
export function trunSize(n: number): number {
  return 12 + 8 + n * 12;
}

