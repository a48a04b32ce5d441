/**
 * Reassembly buffer for one fragmented NAL unit (H.264 FU-A, H.265 FU).
 */
import { allocPicture } from './slab.ts';

/**
 * Collects fragments of one NAL unit into a reusable buffer (fragments arrive as views into a
 * socket read buffer that is reused, so they are copied at once); `size` counts the bytes held.
 */
export class FragmentBuffer {
  private acc = new Uint8Array(64 * 1024);
  private started = false;
  /** Bytes held, reconstructed NAL header included. */
  size = 0;

  /** True while a fragmented NAL unit has started and not ended. */
  get active(): boolean {
    return this.started;
  }

  /** Starts a new NAL unit with its reconstructed header and first fragment. */
  start(header: Uint8Array, data: Uint8Array): void {
    this.started = true;
    this.size = 0;
    this.write(header);
    this.write(data);
  }

  /** Appends a middle or last fragment. */
  append(data: Uint8Array): void {
    this.write(data);
  }

  /**
   * Returns the whole NAL unit and empties the buffer. The unit is written behind a 4-byte
   * big-endian length prefix in the same buffer, so a picture made of this one NAL unit is already
   * in MP4 sample form and needs no further copy (see `toLengthPrefixed`).
   */
  take(): Uint8Array {
    const n = this.size;
    const out = allocPicture(n + 4);
    out[0] = n >>> 24;
    out[1] = (n >>> 16) & 0xff;
    out[2] = (n >>> 8) & 0xff;
    out[3] = n & 0xff;
    out.set(this.acc.subarray(0, n), 4);
    this.reset();
    return out.subarray(4);
  }

  /** Discards any partial NAL unit. */
  reset(): void {
    this.started = false;
    this.size = 0;
    // a huge keyframe once should not pin its buffer forever
    if (this.acc.length > 1024 * 1024) this.acc = new Uint8Array(64 * 1024);
  }

  private write(data: Uint8Array): void {
    const need = this.size + data.length;
    if (need > this.acc.length) {
      const grown = new Uint8Array(Math.max(need, this.acc.length * 2));
      grown.set(this.acc.subarray(0, this.size));
      this.acc = grown;
    }
    this.acc.set(data, this.size);
    this.size = need;
  }
}
