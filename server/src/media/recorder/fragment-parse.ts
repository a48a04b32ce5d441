/**
 * Reads back one moof + mdat fragment as the recorder writes it (see `mp4/fmp4.ts`), checking
 * everything that can be checked without decoding. Recovery uses it to extend an open recording's
 * index with fragments that reached the disk after the last index update.
 */
import type { IndexedFrame } from './sample-index.ts';

export interface ParsedFragment {
  /** Padding + moof + mdat size. */
  readonly size: number;
  /** Bytes before the first sample (padding, moof and mdat header). */
  readonly headerBytes: number;
  readonly sequence: number;
  readonly decodeTime: number;
  readonly frames: IndexedFrame[];
}

export type FragmentParseError =
  | 'incomplete'
  | 'not-moof'
  | 'bad-box'
  | 'no-mdat'
  | 'unexpected-sequence'
  | 'unexpected-decode-time'
  | 'bad-data-offset'
  | 'size-mismatch'
  | 'bad-sample-data';

/** Where the fragment must continue the recording. */
export interface FragmentExpectation {
  sequence: number;
  decodeTime: number;
}

const MAX_FRAGMENT_BYTES = 256 * 1024 * 1024;
const FREE = 0x66726565; // 'free'

interface Box {
  type: string;
  start: number;
  size: number;
}

function boxAt(v: DataView, o: number, end: number): Box | null {
  if (o + 8 > end) return null;
  const size = v.getUint32(o);
  if (size < 8 || o + size > end) return null;
  const type = String.fromCharCode(v.getUint8(o + 4), v.getUint8(o + 5), v.getUint8(o + 6), v.getUint8(o + 7));
  return { type, start: o, size };
}

function children(v: DataView, parent: Box, headerBytes = 8): Box[] | null {
  const out: Box[] = [];
  const end = parent.start + parent.size;
  for (let o = parent.start + headerBytes; o < end; ) {
    const b = boxAt(v, o, end);
    if (b === null) return null;
    out.push(b);
    o += b.size;
  }
  return out;
}

/**
 * Parses the fragment at `at` of `data`: an optional `free` box (the recorder's padding to whole
 * blocks), moof, mdat. `data` may end anywhere (a torn write).
 */
export function parseFragment(data: Uint8Array, at: number, expect: FragmentExpectation): { ok: true; fragment: ParsedFragment } | { ok: false; error: FragmentParseError } {
  const v = new DataView(data.buffer, data.byteOffset, data.byteLength);
  if (at + 8 > data.length) return { ok: false, error: 'incomplete' };
  let pad = 0;
  if (v.getUint32(at + 4) === FREE) {
    const padding = boxAt(v, at, data.length);
    if (padding === null) return { ok: false, error: v.getUint32(at) < 8 ? 'bad-box' : 'incomplete' };
    pad = padding.size;
  }
  const offset = at + pad;
  if (offset + 8 > data.length) return { ok: false, error: 'incomplete' };
  const declared = v.getUint32(offset);
  if (declared < 8 || declared > MAX_FRAGMENT_BYTES) return { ok: false, error: 'bad-box' };
  const moof = boxAt(v, offset, data.length);
  if (moof === null) return { ok: false, error: 'incomplete' };
  if (moof.type !== 'moof') return { ok: false, error: 'not-moof' };
  const kids = children(v, moof);
  if (kids === null) return { ok: false, error: 'bad-box' };
  const mfhd = kids.find((b) => b.type === 'mfhd');
  const traf = kids.find((b) => b.type === 'traf');
  if (!mfhd || !traf || mfhd.size < 16) return { ok: false, error: 'bad-box' };
  const sequence = v.getUint32(mfhd.start + 12);
  if (sequence !== expect.sequence) return { ok: false, error: 'unexpected-sequence' };
  const trafKids = children(v, traf);
  if (trafKids === null) return { ok: false, error: 'bad-box' };
  const tfdt = trafKids.find((b) => b.type === 'tfdt');
  const trun = trafKids.find((b) => b.type === 'trun');
  if (!tfdt || !trun || trafKids.filter((b) => b.type === 'trun').length !== 1) return { ok: false, error: 'bad-box' };
  const tfdtVersion = v.getUint8(tfdt.start + 8);
  const decodeTime = tfdtVersion === 1 ? v.getUint32(tfdt.start + 12) * 2 ** 32 + v.getUint32(tfdt.start + 16) : v.getUint32(tfdt.start + 12);
  if (decodeTime !== expect.decodeTime) return { ok: false, error: 'unexpected-decode-time' };

  const flags = v.getUint32(trun.start + 8) & 0xffffff;
  // the recorder always writes data offset, duration, size and flags per sample
  if ((flags & 0x701) !== 0x701 || (flags & 0x004) !== 0) return { ok: false, error: 'bad-box' };
  const count = v.getUint32(trun.start + 12);
  const perSample = 12 + (flags & 0x800 ? 4 : 0);
  if (count === 0 || 20 + count * perSample > trun.size) return { ok: false, error: 'bad-box' };
  const dataOffset = v.getInt32(trun.start + 16);
  const frames: IndexedFrame[] = [];
  let total = 0;
  for (let i = 0, o = trun.start + 20; i < count; i++, o += perSample) {
    const duration = v.getUint32(o);
    const size = v.getUint32(o + 4);
    const sampleFlags = v.getUint32(o + 8);
    if (size === 0) return { ok: false, error: 'bad-box' };
    frames.push({ duration, size, isKey: (sampleFlags & 0x00010000) === 0 });
    total += size;
  }

  const mdatAt = moof.start + moof.size;
  if (mdatAt + 8 > data.length) return { ok: false, error: 'incomplete' };
  const mdatSize = v.getUint32(mdatAt);
  const mdatType = String.fromCharCode(...data.subarray(mdatAt + 4, mdatAt + 8));
  if (mdatType !== 'mdat') return { ok: false, error: 'no-mdat' };
  if (dataOffset !== moof.size + 8) return { ok: false, error: 'bad-data-offset' };
  if (mdatSize !== total + 8) return { ok: false, error: 'size-mismatch' };
  if (mdatAt + mdatSize > data.length) return { ok: false, error: 'incomplete' };

  // every sample must be whole NAL units with 4-byte lengths: zeros from a torn write fail here
  let o = mdatAt + 8;
  for (const f of frames) {
    const end = o + f.size;
    while (o < end) {
      if (o + 5 > end) return { ok: false, error: 'bad-sample-data' };
      const len = v.getUint32(o);
      if (len === 0 || o + 4 + len > end || (data[o + 4] as number) & 0x80) return { ok: false, error: 'bad-sample-data' };
      o += 4 + len;
    }
  }
  return { ok: true, fragment: { size: pad + moof.size + mdatSize, headerBytes: pad + moof.size + 8, sequence, decodeTime, frames } };
}
