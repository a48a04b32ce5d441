/**
 * Recording files are written with direct I/O (`O_DIRECT`). Video is written once and read rarely:
 * through the page cache every byte would be copied into cache pages, pushed out by writeback later
 * and evict what the machine does read (the database, the web console). Direct I/O hands the
 * recorder's own memory to the disk instead. It has rules: memory, file offsets and lengths aligned
 * to the device's blocks. So every write here is whole `BLOCK`s, staged in page-aligned memory
 * (WebAssembly memory is page-aligned), and the recorder pads each write to a whole block with an
 * MP4 `free` box, which every reader skips.
 *
 * Where the filesystem refuses `O_DIRECT` (tmpfs before Linux 6.6, some network filesystems) the
 * same aligned writes go through the page cache. The files are the same either way.
 */
import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';

/**
 * Alignment of every write. Linux caps a device's logical block at the page size, so on 4 KiB-page
 * machines (x86-64) 4 KiB suits every device, 512-byte and 4Kn alike.
 */
export const BLOCK = 4096;
/** One staging buffer; a larger write is staged and written in pieces of this size. */
export const STAGE_BYTES = 1024 * 1024;
const WASM_PAGE = 65536;
// the server's TypeScript libs leave out WebAssembly; this is the one constructor used
declare const WebAssembly: { Memory: new (d: { initial: number; maximum: number }) => { buffer: ArrayBuffer } };

/** Bytes of padding that make `length` a whole number of blocks (0, or a `free` box of ≥ 8 bytes). */
export function paddingFor(length: number): number {
  const pad = (BLOCK - (length % BLOCK)) % BLOCK;
  return pad > 0 && pad < 8 ? pad + BLOCK : pad;
}

/**
 * `parts` made whole blocks by an MP4 `free` box, first (a fragment: the index counts it as header)
 * or last (the init segment, which must start with its ftyp); `pad` is the box's size (0: none).
 */
export function padToBlocks(parts: Uint8Array[], at: 'start' | 'end'): { parts: Uint8Array[]; pad: number } {
  let length = 0;
  for (const p of parts) length += p.length;
  const pad = paddingFor(length);
  if (pad === 0) return { parts, pad };
  return { parts: at === 'start' ? [freeBox(pad), ...parts] : [...parts, freeBox(pad)], pad };
}

/** An MP4 `free` box of `size` bytes (size ≥ 8): zeros after its header. */
export function freeBox(size: number): Uint8Array {
  const b = new Uint8Array(size);
  new DataView(b.buffer).setUint32(0, size);
  b.set([0x66, 0x72, 0x65, 0x65], 4); // 'free'
  return b;
}

/**
 * Creates a recording file (it must not exist) for aligned writes; direct I/O where the filesystem
 * has it. `openFile` is the system call, replaceable in tests.
 */
export async function createRecordingFile(path: string, openFile: (path: string, flags: number) => Promise<FileHandle> = open): Promise<{ fh: FileHandle; direct: boolean }> {
  const exclusive = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL;
  if (constants.O_DIRECT !== undefined) {
    try {
      return { fh: await openFile(path, exclusive | constants.O_DIRECT), direct: true };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EINVAL') throw err;
      // the filesystem refuses the flag, some after creating the file (file names are unique, so
      // the one found is that attempt's): write through the page cache
      return { fh: await openFile(path, constants.O_WRONLY | constants.O_CREAT), direct: false };
    }
  }
  return { fh: await openFile(path, exclusive), direct: false };
}

/**
 * Page-aligned staging buffers shared by every stream writer of the process. At most `blocks` are
 * out at once (32 MiB by default): writers beyond that wait their turn, and their fragments wait
 * in their queues, which the recorder already bounds.
 */
export class StagingPool {
  private memory: Uint8Array | null = null;
  private readonly free: number[] = [];
  private readonly waiters: ((i: number) => void)[] = [];

  constructor(private readonly blocks = 32) {}

  async acquire(): Promise<Uint8Array> {
    if (this.memory === null) {
      const pages = (this.blocks * STAGE_BYTES) / WASM_PAGE;
      this.memory = new Uint8Array(new WebAssembly.Memory({ initial: pages, maximum: pages }).buffer);
      // last in, first out: the buffers in use stay few and warm
      for (let i = this.blocks - 1; i >= 0; i--) this.free.push(i);
    }
    const i = this.free.pop() ?? (await new Promise<number>((resolve) => this.waiters.push(resolve)));
    return this.memory.subarray(i * STAGE_BYTES, (i + 1) * STAGE_BYTES);
  }

  release(buf: Uint8Array): void {
    const i = buf.byteOffset / STAGE_BYTES;
    const next = this.waiters.shift();
    if (next) next(i);
    else this.free.push(i);
  }
}

/**
 * Writes `parts` (a whole number of blocks in all) at `position`, staged through the pool; `each`
 * sees every staged piece after it is written (the recorder hashes them). Returns the length.
 */
export async function writeAligned(fh: FileHandle, pool: StagingPool, parts: readonly Uint8Array[], position: number, each: (bytes: Uint8Array) => void): Promise<number> {
  const stage = await pool.acquire();
  let written = 0;
  let fill = 0;
  const flush = async (): Promise<void> => {
    if (fill % BLOCK !== 0) throw new RangeError(`write of ${fill} bytes is not whole blocks`);
    for (let done = 0; done < fill; ) {
      const { bytesWritten } = await fh.write(stage, done, fill - done, position + written + done);
      if (bytesWritten <= 0) throw new Error('short write');
      done += bytesWritten;
    }
    each(stage.subarray(0, fill));
    written += fill;
    fill = 0;
  };
  try {
    for (const p of parts) {
      for (let o = 0; o < p.length; ) {
        const n = Math.min(p.length - o, STAGE_BYTES - fill);
        stage.set(o === 0 && n === p.length ? p : p.subarray(o, o + n), fill);
        fill += n;
        o += n;
        if (fill === STAGE_BYTES) await flush();
      }
    }
    if (fill > 0) await flush();
    return written;
  } finally {
    pool.release(stage);
  }
}
