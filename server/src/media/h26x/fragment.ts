/**
 * Reassembly buffer for one fragmented NAL unit (H.264 FU-A, H.265 FU).
 */

/** Collects fragments of one NAL unit; `size` counts the bytes held so far. */
export class FragmentBuffer {
  private chunks: Uint8Array[] = [];
  /** Bytes held, reconstructed NAL header included. */
  size = 0;

  /** True while a fragmented NAL unit has started and not ended. */
  get active(): boolean {
    return this.chunks.length > 0;
  }

  /** Starts a new NAL unit with its reconstructed header and first fragment. */
  start(header: Uint8Array, data: Uint8Array): void {
    this.chunks = [header, data.slice()];
    this.size = header.length + data.length;
  }

  /** Appends a middle or last fragment. */
  append(data: Uint8Array): void {
    this.chunks.push(data.slice());
    this.size += data.length;
  }

  /** Returns the whole NAL unit and empties the buffer. */
  take(): Uint8Array {
    // every byte is overwritten: skip the zero fill
    const out = Buffer.allocUnsafe(this.size);
    let o = 0;
    for (const c of this.chunks) {
      out.set(c, o);
      o += c.length;
    }
    this.reset();
    return out;
  }

  /** Discards any partial NAL unit. */
  reset(): void {
    this.chunks = [];
    this.size = 0;
  }
}
