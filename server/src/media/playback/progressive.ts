/**
 * A standard (non-fragmented) MP4 for one video track, built from sample sizes and durations
 * alone: `ftyp`, a complete `moov` (sample tables, optional edit list), then the `mdat` header. The
 * sample bytes follow the header in order, so a caller can serve the file from the recordings as
 * it is read (playback with HTTP ranges) or write it out (export) without any copy in memory and
 * without transcoding. Pure.
 */
import { box, concat, dinf, fullBox, hdlrVideo, u16, u32, u64, vmhd } from '../mp4/boxes.ts';

/** One sample as the recording index knows it. */
export interface ProgressiveSample {
  readonly size: number;
  /** 90 kHz. */
  readonly duration: number;
  readonly isKey: boolean;
}

export interface ProgressiveOptions {
  /** The whole `stsd` box, copied from a recording's init segment (same codec configuration). */
  readonly stsd: Uint8Array;
  readonly width: number;
  readonly height: number;
  /** Compatible brand after `isom`: `avc1`, `hev1` or `hvc1`. */
  readonly brand: string;
  readonly samples: readonly ProgressiveSample[];
  /**
   * Presentation starts this far (90 kHz) after the first sample, which must be a keyframe: the
   * decoder starts at the keyframe, players show from the requested instant (an edit list).
   */
  readonly skip90k?: number;
  /** Presented duration (90 kHz) after the skip; default: to the end of the last sample. */
  readonly present90k?: number;
  readonly creationTime?: Date;
}

export interface ProgressiveLayout {
  /** ftyp + moov + mdat header: the sample data follows, in sample order. */
  readonly header: Uint8Array;
  readonly dataBytes: number;
  /** Whole file size. */
  readonly size: number;
  /** Media duration of all samples, 90 kHz. */
  readonly duration90k: number;
}

const TIMESCALE = 90_000;
const TRACK_ID = 1;
const SAMPLES_PER_CHUNK = 32;
// seconds between 1904-01-01 (MP4 epoch) and 1970-01-01
const MP4_EPOCH_OFFSET = 2_082_844_800;
const MATRIX = concat([u32(0x00010000), u32(0), u32(0), u32(0), u32(0x00010000), u32(0), u32(0), u32(0), u32(0x40000000)]);
const encoder = new TextEncoder();

/** Lays out the file; throws RangeError on input no valid file could describe. */
export function progressiveMp4(o: ProgressiveOptions): ProgressiveLayout {
  const n = o.samples.length;
  if (n === 0) throw new RangeError('no samples');
  if (!o.samples[0]!.isKey) throw new RangeError('the first sample must be a keyframe');
  let dataBytes = 0;
  let duration90k = 0;
  for (const s of o.samples) {
    dataBytes += s.size;
    duration90k += s.duration;
  }
  const skip = Math.max(0, Math.round(o.skip90k ?? 0));
  if (skip >= duration90k) throw new RangeError('skip reaches past the last sample');
  const presented = Math.min(o.present90k ?? duration90k - skip, duration90k - skip);
  const created = Math.floor((o.creationTime ?? new Date(0)).getTime() / 1000) + MP4_EPOCH_OFFSET;
  const head = box('ftyp', encoder.encode('isom'), u32(0x200), encoder.encode('isom'), encoder.encode('iso2'), encoder.encode(o.brand), encoder.encode('mp41'));
  const large = dataBytes + 8 > 0xffffffff;
  const mdatHeader = large ? concat([u32(1), encoder.encode('mdat'), u64(dataBytes + 16)]) : concat([u32(dataBytes + 8), encoder.encode('mdat')]);
  // chunk offsets depend on where the data starts, which depends on the moov size: the moov's size
  // does not depend on the offsets' values (fixed 8 bytes each), so measure once, then build
  const build = (dataStart: number) => moov(o, { created, duration90k, skip, presented, dataStart });
  const dataStart = head.length + build(0).length + mdatHeader.length;
  const header = concat([head, build(dataStart), mdatHeader]);
  return { header, dataBytes, size: header.length + dataBytes, duration90k };
}

interface Timing {
  created: number;
  duration90k: number;
  skip: number;
  presented: number;
  dataStart: number;
}

function moov(o: ProgressiveOptions, t: Timing): Uint8Array {
  const movieDuration = t.skip > 0 || t.presented < t.duration90k ? t.presented : t.duration90k;
  const edts = t.skip > 0 || t.presented < t.duration90k ? box('edts', fullBox('elst', 1, 0, u32(1), u64(t.presented), u64(t.skip), u16(1), u16(0))) : new Uint8Array(0);
  const stbl = box('stbl', o.stsd, stts(o.samples), stss(o.samples), stsz(o.samples), stsc(o.samples.length), co64(o.samples, t.dataStart));
  const minf = box('minf', vmhd(), dinf(), stbl);
  const mdia = box('mdia', fullBox('mdhd', 1, 0, u64(t.created), u64(t.created), u32(TIMESCALE), u64(t.duration90k), u16(0x55c4), u16(0)), hdlrVideo(), minf);
  const tkhd = fullBox('tkhd', 1, 0x000003, u64(t.created), u64(t.created), u32(TRACK_ID), u32(0), u64(movieDuration), new Uint8Array(8), u16(0), u16(0), u16(0), u16(0), MATRIX, u32(o.width * 65536), u32(o.height * 65536));
  const mvhd = fullBox('mvhd', 1, 0, u64(t.created), u64(t.created), u32(TIMESCALE), u64(movieDuration), u32(0x00010000), u16(0x0100), new Uint8Array(10), MATRIX, new Uint8Array(24), u32(TRACK_ID + 1));
  return box('moov', mvhd, box('trak', tkhd, edts, mdia));
}

/** A full box whose payload is `count` then `count` rows of `width` 32-bit fields. */
function table(type: string, count: number, width: number, fill: (view: DataView, row: number, at: number) => void): Uint8Array {
  const body = new Uint8Array(4 + count * width * 4);
  const view = new DataView(body.buffer);
  view.setUint32(0, count);
  for (let i = 0; i < count; i++) fill(view, i, 4 + i * width * 4);
  return fullBox(type, 0, 0, body);
}

function stts(samples: readonly ProgressiveSample[]): Uint8Array {
  const runs: [number, number][] = [];
  for (const s of samples) {
    const last = runs[runs.length - 1];
    if (last && last[1] === s.duration) last[0]++;
    else runs.push([1, s.duration]);
  }
  return table('stts', runs.length, 2, (v, i, at) => {
    v.setUint32(at, runs[i]![0]);
    v.setUint32(at + 4, runs[i]![1]);
  });
}

function stss(samples: readonly ProgressiveSample[]): Uint8Array {
  const keys: number[] = [];
  samples.forEach((s, i) => s.isKey && keys.push(i + 1));
  return table('stss', keys.length, 1, (v, i, at) => v.setUint32(at, keys[i]!));
}

function stsz(samples: readonly ProgressiveSample[]): Uint8Array {
  const body = new Uint8Array(8 + samples.length * 4);
  const v = new DataView(body.buffer);
  v.setUint32(0, 0); // sizes differ: one entry per sample
  v.setUint32(4, samples.length);
  samples.forEach((s, i) => v.setUint32(8 + i * 4, s.size));
  return fullBox('stsz', 0, 0, body);
}

function stsc(count: number): Uint8Array {
  const full = Math.floor(count / SAMPLES_PER_CHUNK);
  const rest = count % SAMPLES_PER_CHUNK;
  const rows: [number, number][] = [];
  if (full > 0) rows.push([1, SAMPLES_PER_CHUNK]);
  if (rest > 0) rows.push([full + 1, rest]);
  return table('stsc', rows.length, 3, (v, i, at) => {
    v.setUint32(at, rows[i]![0]);
    v.setUint32(at + 4, rows[i]![1]);
    v.setUint32(at + 8, 1);
  });
}

function co64(samples: readonly ProgressiveSample[], dataStart: number): Uint8Array {
  const chunks = Math.ceil(samples.length / SAMPLES_PER_CHUNK);
  const body = new Uint8Array(4 + chunks * 8);
  const v = new DataView(body.buffer);
  v.setUint32(0, chunks);
  let offset = dataStart;
  for (let c = 0; c < chunks; c++) {
    v.setUint32(4 + c * 8, Math.floor(offset / 2 ** 32));
    v.setUint32(8 + c * 8, offset % 2 ** 32);
    const end = Math.min(samples.length, (c + 1) * SAMPLES_PER_CHUNK);
    for (let i = c * SAMPLES_PER_CHUNK; i < end; i++) offset += samples[i]!.size;
  }
  return fullBox('co64', 0, 0, body);
}

/** Finds a box by path (e.g. `moov/trak/mdia/minf/stbl/stsd`) in MP4 bytes; null when absent. */
export function findBox(bytes: Uint8Array, path: string): Uint8Array | null {
  let scope = bytes;
  const parts = path.split('/');
  for (let p = 0; p < parts.length; p++) {
    let found: Uint8Array | null = null;
    let o = 0;
    while (o + 8 <= scope.length) {
      const v = new DataView(scope.buffer, scope.byteOffset + o, 8);
      const size = v.getUint32(0);
      const type = String.fromCharCode(scope[o + 4]!, scope[o + 5]!, scope[o + 6]!, scope[o + 7]!);
      if (size < 8 || o + size > scope.length) return null;
      if (type === parts[p]) {
        found = scope.subarray(o, o + size);
        break;
      }
      o += size;
    }
    if (found === null) return null;
    // the last box is returned whole; containers are entered past their header
    scope = p === parts.length - 1 ? found : found.subarray(8);
    if (p === parts.length - 1) return scope;
  }
  return null;
}
