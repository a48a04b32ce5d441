/**
 * The compact per-frame index stored with each recording (`recordings.sample_index`), after
 * moonfire-nvr's `video_index`: enough to build MP4 for any time range without opening the file.
 *
 * Layout (version 1):
 *   u8 version = 1
 *   then per fragment (moof + mdat, in file order):
 *     varint frames               frames in the fragment (≥ 1)
 *     varint headerBytes          bytes before the first sample: padding (a free box), moof, mdat header
 *     per frame:
 *       varint zigzag(durationDelta) * 2 + isKey   delta to the previous frame's duration
 *       varint zigzag(sizeDelta)                   delta to the previous frame of the same kind
 *
 * Key and non-key frames keep separate size predictors because keyframes are many times larger;
 * at 25 fps with a steady frame rate a frame costs about three bytes.
 * Fragment offsets follow from the init segment length and the sizes: nothing else is stored.
 */

/** One frame as the index records it. */
export interface IndexedFrame {
  /** 90 kHz duration. */
  readonly duration: number;
  readonly isKey: boolean;
  readonly size: number;
}

/** One fragment decoded with its file position. */
export interface IndexedFragment {
  /** Byte offset of the fragment (its padding, or its moof) in the file. */
  readonly offset: number;
  readonly headerBytes: number;
  /** Whole fragment size: header plus sample data. */
  readonly size: number;
  /** Decode time of the first frame relative to the recording start, 90 kHz. */
  readonly decodeTime: number;
  /** Index of the first frame in `DecodedIndex.frames`. */
  readonly firstFrame: number;
  readonly frameCount: number;
}

export interface DecodedIndex {
  readonly fragments: IndexedFragment[];
  readonly frames: (IndexedFrame & { /** byte offset of the sample data in the file */ readonly dataOffset: number })[];
  readonly duration90k: number;
  /** Total file length the index covers (init segment included). */
  readonly bytes: number;
}

export type SampleIndexError = { kind: 'bad-version'; version: number } | { kind: 'truncated'; offset: number } | { kind: 'bad-value'; offset: number };

const VERSION = 1;

const zigzag = (n: number): number => (n >= 0 ? n * 2 : -n * 2 - 1);
const unzigzag = (z: number): number => (z % 2 === 0 ? z / 2 : -(z + 1) / 2);

/** Appends frames to an index that grows with the open recording. */
export class SampleIndexEncoder {
  private buf = new Uint8Array(256);
  private len = 0;
  private prevDuration = 0;
  private prevKeySize = 0;
  private prevSize = 0;
  private frameCount = 0;
  private fragmentCount = 0;
  private duration = 0;

  constructor() {
    this.buf[0] = VERSION;
    this.len = 1;
  }

  /** An encoder that continues an existing index (recovery extends an open recording's index). */
  static resume(frames: readonly IndexedFrame[], fragments: readonly IndexedFragment[]): SampleIndexEncoder {
    const e = new SampleIndexEncoder();
    for (const f of fragments) e.addFragment(f.headerBytes, frames.slice(f.firstFrame, f.firstFrame + f.frameCount));
    return e;
  }

  get frames(): number {
    return this.frameCount;
  }
  get fragments(): number {
    return this.fragmentCount;
  }
  get duration90k(): number {
    return this.duration;
  }

  addFragment(headerBytes: number, frames: readonly IndexedFrame[]): void {
    if (frames.length === 0) throw new RangeError('a fragment holds at least one frame');
    this.varint(frames.length);
    this.varint(headerBytes);
    for (const f of frames) {
      this.varint(zigzag(f.duration - this.prevDuration) * 2 + (f.isKey ? 1 : 0));
      const prev = f.isKey ? this.prevKeySize : this.prevSize;
      this.varint(zigzag(f.size - prev));
      this.prevDuration = f.duration;
      if (f.isKey) this.prevKeySize = f.size;
      else this.prevSize = f.size;
      this.duration += f.duration;
    }
    this.frameCount += frames.length;
    this.fragmentCount++;
  }

  /** The index so far (a copy: the encoder keeps growing its own buffer). */
  bytes(): Uint8Array {
    return this.buf.slice(0, this.len);
  }

  private varint(n: number): void {
    if (this.len + 10 > this.buf.length) {
      const next = new Uint8Array(this.buf.length * 2);
      next.set(this.buf.subarray(0, this.len));
      this.buf = next;
    }
    // division rather than bit shifts: values may exceed 32 bits
    while (n >= 0x80) {
      this.buf[this.len++] = (n % 0x80) | 0x80;
      n = Math.floor(n / 0x80);
    }
    this.buf[this.len++] = n;
  }
}

/** Decodes an index; `initBytes` is the init segment length, where the first fragment starts. */
export function decodeSampleIndex(data: Uint8Array, initBytes: number): { ok: true; index: DecodedIndex } | { ok: false; error: SampleIndexError } {
  if (data.length === 0 || data[0] !== VERSION) return { ok: false, error: { kind: 'bad-version', version: data[0] ?? -1 } };
  let o = 1;
  const read = (): number | null => {
    let n = 0;
    let mul = 1;
    for (let i = 0; i < 8; i++) {
      if (o >= data.length) return null;
      const b = data[o++] as number;
      n += (b & 0x7f) * mul;
      if ((b & 0x80) === 0) return n;
      mul *= 0x80;
    }
    return null;
  };
  const fragments: IndexedFragment[] = [];
  const frames: (IndexedFrame & { dataOffset: number })[] = [];
  let offset = initBytes;
  let time = 0;
  let prevDuration = 0;
  let prevKeySize = 0;
  let prevSize = 0;
  while (o < data.length) {
    const at = o;
    const count = read();
    const headerBytes = read();
    if (count === null || headerBytes === null) return { ok: false, error: { kind: 'truncated', offset: at } };
    if (count === 0 || headerBytes < 16) return { ok: false, error: { kind: 'bad-value', offset: at } };
    const firstFrame = frames.length;
    let dataOffset = offset + headerBytes;
    const decodeTime = time;
    for (let i = 0; i < count; i++) {
      const fo = o;
      const a = read();
      const b = read();
      if (a === null || b === null) return { ok: false, error: { kind: 'truncated', offset: fo } };
      const isKey = a % 2 === 1;
      const duration = prevDuration + unzigzag(Math.floor(a / 2));
      const size = (isKey ? prevKeySize : prevSize) + unzigzag(b);
      if (duration < 0 || size <= 0) return { ok: false, error: { kind: 'bad-value', offset: fo } };
      frames.push({ duration, isKey, size, dataOffset });
      dataOffset += size;
      time += duration;
      prevDuration = duration;
      if (isKey) prevKeySize = size;
      else prevSize = size;
    }
    const size = dataOffset - offset;
    fragments.push({ offset, headerBytes, size, decodeTime, firstFrame, frameCount: count });
    offset += size;
  }
  return { ok: true, index: { fragments, frames, duration90k: time, bytes: offset } };
}
