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
const WRITE_BYTES = 4 * 1024 * 1024;

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

  /**
   * Writes the whole file, hashing it on the way; `progress` gets bytes written so far. Reads run
   * ahead of writes (two 4 MiB buffers), so the disk is kept busy on both sides.
   */
  async writeTo(path: string, progress?: (bytes: number) => void): Promise<{ bytes: number; sha256: string }> {
    const hash = createHash('sha256');
    const out = await open(path, 'wx');
    let bytes = 0;
    const write = async (chunk: Uint8Array) => {
      let done = 0;
      while (done < chunk.length) done += (await out.write(chunk, done, chunk.length - done, bytes + done)).bytesWritten;
      hash.update(chunk);
      bytes += chunk.length;
      progress?.(bytes);
    };
    try {
      await write(this.layout.header);
      const buffers = [Buffer.allocUnsafe(WRITE_BYTES), Buffer.allocUnsafe(WRITE_BYTES)];
      let turn = 0;
      let pending: Promise<void> = Promise.resolve();
      let fh: FileHandle | null = null;
      let fhPath = '';
      try {
        for (const p of this.pieces) {
          if (fhPath !== p.path) {
            await pending;
            await fh?.close();
            fh = await open(absolutePath(this.dataDir, p.path), 'r');
            fhPath = p.path;
          }
          for (let o = 0; o < p.length; ) {
            const buf = buffers[turn]!;
            turn ^= 1;
            const n = Math.min(WRITE_BYTES, p.length - o);
            const { bytesRead } = await (fh as FileHandle).read(buf, 0, n, p.offset + o);
            if (bytesRead !== n) throw new Error(`recording ${p.path} is shorter than its index`);
            // the previous write must finish before its buffer is read into again (next turn)
            await pending;
            pending = write(buf.subarray(0, n));
            o += n;
          }
        }
        await pending;
      } finally {
        await fh?.close();
      }
      await out.datasync();
    } finally {
      await out.close();
    }
    return { bytes, sha256: hash.digest('hex') };
  }
}
