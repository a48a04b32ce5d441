/**
 * Conversions between Annex B byte streams (start codes) and length-prefixed NAL units
 * (AVCC/HVCC, as stored in MP4 samples).
 */
import { allocPicture } from '../h26x/slab.ts';

/** Why a length-prefixed buffer could not be split into NAL units. */
export type LengthPrefixedError = { kind: 'truncated'; offset: number } | { kind: 'bad-length-size'; lengthSize: number };

/**
 * Splits an Annex B stream into NAL units (views into `data`, no copy). Accepts 3- and 4-byte
 * start codes, drops bytes before the first start code and trailing zero bytes of each unit.
 */
export function splitAnnexB(data: Uint8Array): Uint8Array[] {
  const out: Uint8Array[] = [];
  let start = -1;
  let i = 0;
  const n = data.length;
  while (i + 2 < n) {
    if (data[i] === 0 && data[i + 1] === 0 && data[i + 2] === 1) {
      if (start >= 0) pushTrimmed(out, data, start, i);
      i += 3;
      start = i;
      continue;
    }
    i++;
  }
  if (start >= 0) pushTrimmed(out, data, start, n);
  return out;
}

function pushTrimmed(out: Uint8Array[], data: Uint8Array, start: number, end: number): void {
  // the zero before `00 00 01` belongs to a 4-byte start code (or trailing_zero_8bits)
  while (end > start && data[end - 1] === 0) end--;
  if (end > start) out.push(data.subarray(start, end));
}

/** Joins NAL units into an Annex B stream with 4-byte start codes. */
export function toAnnexB(nals: readonly Uint8Array[]): Uint8Array {
  let size = 0;
  for (const nal of nals) size += 4 + nal.length;
  const out = new Uint8Array(size);
  let o = 0;
  for (const nal of nals) {
    out[o + 3] = 1;
    out.set(nal, o + 4);
    o += 4 + nal.length;
  }
  return out;
}

/** Joins NAL units into one length-prefixed buffer (4-byte big-endian lengths, as in avcC/hvcC). */
export function toLengthPrefixed(nals: readonly Uint8Array[]): Uint8Array {
  // a picture of one NAL unit reassembled by FragmentBuffer already sits behind its length prefix
  if (nals.length === 1) {
    const nal = nals[0]!;
    if (nal.byteOffset >= 4 && hasPrefix(nal)) return new Uint8Array(nal.buffer, nal.byteOffset - 4, nal.length + 4);
  }
  let size = 0;
  for (const nal of nals) size += 4 + nal.length;
  // every byte is overwritten: skip the zero fill
  const out = allocPicture(size);
  let o = 0;
  for (const nal of nals) {
    const n = nal.length;
    out[o] = n >>> 24;
    out[o + 1] = (n >>> 16) & 0xff;
    out[o + 2] = (n >>> 8) & 0xff;
    out[o + 3] = n & 0xff;
    out.set(nal, o + 4);
    o += 4 + n;
  }
  return out;
}

/** True when the 4 bytes before `nal` in its buffer hold its length, big-endian. */
function hasPrefix(nal: Uint8Array): boolean {
  const b = new Uint8Array(nal.buffer, nal.byteOffset - 4, 4);
  const n = nal.length;
  return b[0] === n >>> 24 && b[1] === ((n >>> 16) & 0xff) && b[2] === ((n >>> 8) & 0xff) && b[3] === (n & 0xff);
}

/** Splits a length-prefixed buffer (`lengthSize` of 1, 2 or 4 bytes) into NAL unit views. */
export function splitLengthPrefixed(
  data: Uint8Array,
  lengthSize = 4,
): { ok: true; nals: Uint8Array[] } | { ok: false; error: LengthPrefixedError } {
  if (lengthSize !== 1 && lengthSize !== 2 && lengthSize !== 4) {
    return { ok: false, error: { kind: 'bad-length-size', lengthSize } };
  }
  const nals: Uint8Array[] = [];
  let o = 0;
  while (o < data.length) {
    if (o + lengthSize > data.length) return { ok: false, error: { kind: 'truncated', offset: o } };
    let len = 0;
    for (let k = 0; k < lengthSize; k++) len = len * 256 + (data[o + k] as number);
    o += lengthSize;
    if (o + len > data.length) return { ok: false, error: { kind: 'truncated', offset: o - lengthSize } };
    nals.push(data.subarray(o, o + len));
    o += len;
  }
  return { ok: true, nals };
}

/** Annex B stream → length-prefixed buffer. */
export function annexBToLengthPrefixed(data: Uint8Array): Uint8Array {
  return toLengthPrefixed(splitAnnexB(data));
}
