/**
 * Reassembly buffer for one fragmented NAL unit (H.264 FU-A, H.265 FU).
 */

/** Smallest arena; a stream whose NAL units are larger gets arenas of four times its largest. */
const ARENA_BYTES = 256 * 1024;

/**
 * Collects the fragments of one NAL unit straight into this stream's arena, behind room for a
 * 4-byte length prefix, and hands the finished unit out as a view of it: a picture made of one NAL
 * unit is already in MP4 sample form after one copy from the socket (see `toLengthPrefixed`).
 * Fragments arrive as views of a socket read buffer that is reused, so they are copied at once.
 * Views handed out are never written again: the arena only moves forward, and a full arena is
 * replaced (the old one lives while any picture in it does).
 */
export class FragmentBuffer {
  private arena = new Uint8Array(ARENA_BYTES);
  /** Where the current unit's length prefix goes; its bytes follow at `base + 4`. */
  private base = 0;
  private started = false;
  private largest = 0;
  /** Bytes held, reconstructed NAL header included. */
  size = 0;

  /** True while a fragmented NAL unit has started and not ended. */
  get active(): boolean {
    return this.started;
  }

  /** Starts a new NAL unit: its reconstructed header bytes, then `data` from `from`. */
  start(header: number | readonly [number, number], data: Uint8Array, from: number): void {
    this.started = true;
    this.size = 0;
    if (typeof header === 'number') {
      this.reserve(1);
      this.arena[this.base + 4] = header;
      this.size = 1;
    } else {
      this.reserve(2);
      this.arena[this.base + 4] = header[0];
      this.arena[this.base + 5] = header[1];
      this.size = 2;
    }
    this.append(data, from);
  }

  /** Appends a middle or last fragment: `data` from `from`. */
  append(data: Uint8Array, from: number): void {
    const n = data.length - from;
    this.reserve(n);
    this.arena.set(from === 0 ? data : data.subarray(from), this.base + 4 + this.size);
    this.size += n;
  }

  /** Returns the whole NAL unit (preceded in memory by its big-endian length) and empties the buffer. */
  take(): Uint8Array {
    const n = this.size;
    const a = this.arena;
    const b = this.base;
    a[b] = n >>> 24;
    a[b + 1] = (n >>> 16) & 0xff;
    a[b + 2] = (n >>> 8) & 0xff;
    a[b + 3] = n & 0xff;
    const out = a.subarray(b + 4, b + 4 + n);
    if (n > this.largest) this.largest = n;
    // keep later units 8-byte aligned so DataView reads stay cheap
    this.base = (b + 4 + n + 7) & ~7;
    this.started = false;
    this.size = 0;
    return out;
  }

  /** Discards any partial NAL unit (its bytes are simply overwritten by the next one). */
  reset(): void {
    this.started = false;
    this.size = 0;
  }

  /** Makes room for `more` bytes after what is held, moving the unit so far to a new arena if needed. */
  private reserve(more: number): void {
    const need = 4 + this.size + more;
    if (this.base + need <= this.arena.length) return;
    // sized for a few units like the largest seen (capped: one huge picture must not inflate every arena)
    const grown = new Uint8Array(Math.max(ARENA_BYTES, Math.min(4 * this.largest, 8 * 1024 * 1024), 2 * need));
    grown.set(this.arena.subarray(this.base, this.base + 4 + this.size));
    this.arena = grown;
    this.base = 0;
  }
}
