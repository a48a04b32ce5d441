/**
 * A progressive MP4 that exists only as a header plus byte ranges of recording files: served in
 * any byte range (HTTP Range) or written out whole (export), reading the recordings as it goes.
 */
import { createHash } from 'node:crypto';
import { open, type FileHandle } from 'node:fs/promises';
import { absolutePath } from '../recorder/paths.ts';
import type { DataPiece } from './plan.ts';
import type { ProgressiveLayout } from './progressive.ts';

const READ_BYTES = 1024 * 1024;

export class VirtualMp4 {
  constructor(
    readonly layout: ProgressiveLayout,
    private readonly pieces: readonly DataPiece[],
    private readonly dataDir: string,
  ) {}

  get size(): number {
    return this.layout.size;
  }

  /** Bytes [start, end) of the file, in chunks of at most 1 MiB. Throws when a recording file is short or gone. */
  async *read(start = 0, end = this.size): AsyncGenerator<Uint8Array> {
    if (start < 0 || end > this.size || start > end) throw new RangeError(`bad range ${start}-${end} of ${this.size}`);
    const header = this.layout.header;
    if (start < header.length) {
      yield header.subarray(start, Math.min(end, header.length));
    }
    let at = header.length;
    const handles = new Map<string, FileHandle>();
    try {
      for (const p of this.pieces) {
        const pieceEnd = at + p.length;
        if (pieceEnd > start && at < end) {
          const from = Math.max(start, at) - at;
          const to = Math.min(end, pieceEnd) - at;
          let fh = handles.get(p.path);
          if (!fh) {
            // one file at a time: recordings are read in order
            for (const h of handles.values()) await h.close();
            handles.clear();
            fh = await open(absolutePath(this.dataDir, p.path), 'r');
            handles.set(p.path, fh);
          }
          for (let o = from; o < to; o += READ_BYTES) {
            const n = Math.min(READ_BYTES, to - o);
            const buf = Buffer.allocUnsafe(n);
            const { bytesRead } = await fh.read(buf, 0, n, p.offset + o);
            if (bytesRead !== n) throw new Error(`recording ${p.path} is shorter than its index`);
            yield buf;
          }
        }
        at = pieceEnd;
        if (at >= end) break;
      }
    } finally {
      for (const h of handles.values()) await h.close();
    }
  }

  /** Writes the whole file, hashing it on the way; `progress` gets bytes written so far. */
  async writeTo(path: string, progress?: (bytes: number) => void): Promise<{ bytes: number; sha256: string }> {
    const hash = createHash('sha256');
    const out = await open(path, 'wx');
    let bytes = 0;
    try {
      for await (const chunk of this.read()) {
        await out.write(chunk, 0, chunk.length, bytes);
        hash.update(chunk);
        bytes += chunk.length;
        progress?.(bytes);
      }
      await out.datasync();
    } finally {
      await out.close();
    }
    return { bytes, sha256: hash.digest('hex') };
  }
}
