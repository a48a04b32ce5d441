/**
 * A progressive MP4 that exists only as a header plus byte ranges of recording files: served in
 * any byte range (HTTP Range) or written out whole (export), reading the recordings as it goes.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { absolutePath } from '../recorder/paths.ts';
import type { DataPiece } from './plan.ts';
import type { ProgressiveLayout } from './progressive.ts';
import { FileFollower } from './file-follower.ts';

const READ_BYTES = 1024 * 1024;
const WRITE_BYTES = 4 * 1024 * 1024;
const BUFFERS = 4;
const SYNC_EVERY = 128 * 1024 * 1024;

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
   * Writes the whole file; `progress` gets bytes written so far. Reads run ahead of writes (four
   * 4 MiB buffers), so the disk is kept busy on both sides. The SHA-256 is taken on another thread
   * from the file itself, following the writes through the page cache: it hashes what is on disk,
   * and this thread only moves buffers between reads and writes.
   */
  async writeTo(path: string, progress?: (bytes: number) => void): Promise<{ bytes: number; sha256: string }> {
    const out = await open(path, 'wx');
    const hasher = new FileFollower(path);
    let bytes = 0;
    let queued = 0;
    let chain: Promise<void> = Promise.resolve();
    // flush as we go: the final fdatasync then waits for the last stretch only, not for all of it
    let syncing: Promise<void> | null = null;
    let synced = 0;
    const write = (chunk: Uint8Array): Promise<void> => {
      const at = queued;
      queued += chunk.length;
      return (chain = chain.then(async () => {
        let done = 0;
        while (done < chunk.length) done += (await out.write(chunk, done, chunk.length - done, at + done)).bytesWritten;
        bytes = at + chunk.length;
        hasher.available(bytes);
        if (!syncing && bytes - synced >= SYNC_EVERY) {
          const upTo = bytes;
          syncing = out.datasync().then(() => {
            synced = upTo;
            syncing = null;
          });
          syncing.catch(() => {}); // awaited before the final sync; a failure then fails the export
        }
        progress?.(bytes);
      }));
    };
    const buffers = Array.from({ length: BUFFERS }, () => Buffer.allocUnsafe(WRITE_BYTES));
    // the last write that used a buffer must finish before the buffer is read into again
    const inUse: Promise<void>[] = buffers.map(() => Promise.resolve());
    let turn = 0;
    try {
      void write(this.layout.header);
      for (const group of groupByFile(this.pieces)) {
        const fh = await open(absolutePath(this.dataDir, group.path), 'r');
        try {
          for (const p of group.pieces) {
            for (let o = 0; o < p.length; ) {
              const t = turn;
              turn = (turn + 1) % BUFFERS;
              await inUse[t];
              const n = Math.min(WRITE_BYTES, p.length - o);
              const { bytesRead } = await fh.read(buffers[t]!, 0, n, p.offset + o);
              if (bytesRead !== n) throw new Error(`recording ${group.path} is shorter than its index`);
              inUse[t] = write(buffers[t]!.subarray(0, n));
              o += n;
            }
          }
        } finally {
          // reads are awaited one by one: nothing in flight uses this handle, the writes go on
          await fh.close();
        }
      }
      await chain;
      const sha256 = hasher.finish(bytes);
      await syncing;
      await out.datasync();
      return { bytes, sha256: await sha256 };
    } finally {
      hasher.close();
      await (syncing as Promise<void> | null)?.catch(() => {});
      await out.close();
    }
  }
}


function groupByFile(pieces: readonly DataPiece[]): { path: string; pieces: DataPiece[] }[] {
  const out: { path: string; pieces: DataPiece[] }[] = [];
  for (const p of pieces) {
    const last = out[out.length - 1];
    if (last && last.path === p.path) last.pieces.push(p);
    else out.push({ path: p.path, pieces: [p] });
  }
  return out;
}
