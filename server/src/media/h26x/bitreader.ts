/**
 * Bit-level reader for H.264/H.265 parameter sets (RBSP), with exp-Golomb codes.
 *
 * Reading past the end never throws: it returns zeros and sets `overrun`, so a parser can read a
 * whole structure and check once at the end. Truncated or hostile SPS bytes from a camera are an
 * expected input, not an exceptional one.
 */

/**
 * Removes emulation-prevention bytes (`00 00 03` → `00 00`) from a NAL unit, giving its RBSP.
 * Returns the input itself when it holds no emulation-prevention byte (the common case).
 */
export function removeEmulationPrevention(nal: Uint8Array): Uint8Array {
  let first = -1;
  for (let i = 2; i < nal.length; i++) {
    if (nal[i] === 3 && nal[i - 1] === 0 && nal[i - 2] === 0) {
      first = i;
      break;
    }
  }
  if (first < 0) return nal;
  const out = new Uint8Array(nal.length);
  let n = 0;
  let zeros = 0;
  for (let i = 0; i < nal.length; i++) {
    const b = nal[i] as number;
    if (zeros >= 2 && b === 3) {
      zeros = 0;
      continue;
    }
    out[n++] = b;
    zeros = b === 0 ? zeros + 1 : 0;
  }
  return out.subarray(0, n);
}

/** Reads bits MSB-first from a byte array; see the module comment for overrun handling. */
export class BitReader {
  private pos = 0;
  /** True once any read went past the end of the data; values read after that are zeros. */
  overrun = false;

  constructor(private readonly data: Uint8Array) {}

  /** Bits not yet consumed. */
  get bitsLeft(): number {
    return Math.max(0, this.data.length * 8 - this.pos);
  }

  /** Reads one bit (0 or 1). */
  readBit(): number {
    if (this.pos >= this.data.length * 8) {
      this.overrun = true;
      return 0;
    }
    const byte = this.data[this.pos >>> 3] as number;
    const bit = (byte >>> (7 - (this.pos & 7))) & 1;
    this.pos++;
    return bit;
  }

  /** Reads `n` bits (0..32) as an unsigned integer. */
  readBits(n: number): number {
    let v = 0;
    for (let i = 0; i < n; i++) v = v * 2 + this.readBit();
    return v;
  }

  /** Reads a boolean flag. */
  readFlag(): boolean {
    return this.readBit() === 1;
  }

  /** Skips `n` bits. */
  skipBits(n: number): void {
    const end = this.pos + n;
    if (end > this.data.length * 8) {
      this.overrun = true;
      this.pos = this.data.length * 8;
    } else {
      this.pos = end;
    }
  }

  /** Reads an unsigned exp-Golomb code ue(v). */
  readUE(): number {
    let zeros = 0;
    while (this.readBit() === 0) {
      // 32 leading zeros cannot occur in a valid stream; also stops at the end of data.
      if (this.overrun || zeros >= 31) {
        this.overrun = true;
        return 0;
      }
      zeros++;
    }
    return 2 ** zeros - 1 + this.readBits(zeros);
  }

  /** Reads a signed exp-Golomb code se(v). */
  readSE(): number {
    const k = this.readUE();
    if (k === 0) return 0;
    return k % 2 === 1 ? (k + 1) / 2 : -(k / 2);
  }
}
