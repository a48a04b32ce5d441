/**
 * Carves picture-sized buffers out of shared slabs. Ingest allocates one buffer per picture for
 * every camera (thousands a second); one ArrayBuffer per picture makes the garbage collector the
 * largest cost of the process. A slab is released when no picture in it is referenced any more.
 */
const SLAB_BYTES = 2 * 1024 * 1024;
const DIRECT_ABOVE = 256 * 1024;

let slab: ArrayBuffer = new ArrayBuffer(SLAB_BYTES);
let used = 0;

/** An uninitialised buffer of `size` bytes (the caller overwrites every byte). */
export function allocPicture(size: number): Uint8Array {
  if (size > DIRECT_ABOVE) return Buffer.allocUnsafe(size);
  if (used + size > SLAB_BYTES) {
    slab = new ArrayBuffer(SLAB_BYTES);
    used = 0;
  }
  const out = new Uint8Array(slab, used, size);
  // keep views 8-byte aligned so DataView reads of later buffers stay cheap
  used += (size + 7) & ~7;
  return out;
}

/** A private copy of `bytes` (a view into a socket's read buffer must not outlive the read). */
export function copyBytes(bytes: Uint8Array, from = 0, to = bytes.length): Uint8Array {
  const out = allocPicture(to - from);
  out.set(bytes.subarray(from, to));
  return out;
}
