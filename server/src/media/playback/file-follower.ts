/**
 * SHA-256 of a file that is being written, on another thread: it reads what the writer has
 * finished (from the page cache) and hashes it, trailing the writes, so the writer's thread never
 * hashes and the digest is of the bytes in the file itself.
 */
import { Worker } from 'node:worker_threads';

// CommonJS source for an eval'd worker: no loader or build step needed for one small job
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { openSync, readSync, closeSync } = require('node:fs');
const { createHash } = require('node:crypto');
const fd = openSync(workerData, 'r');
const hash = createHash('sha256');
const buf = Buffer.allocUnsafe(4 << 20);
let hashed = 0;
let available = 0;
let total = -1;
parentPort.on('message', (m) => {
  if (m.available > available) available = m.available;
  if (m.total !== undefined) total = m.total;
  while (hashed < available) {
    const n = readSync(fd, buf, 0, Math.min(buf.length, available - hashed), hashed);
    if (n <= 0) break;
    hash.update(buf.subarray(0, n));
    hashed += n;
  }
  if (total >= 0 && hashed >= total) {
    closeSync(fd);
    parentPort.postMessage(hashed === total ? hash.digest('hex') : null);
  }
});
`;

export class FileFollower {
  private readonly worker: Worker;
  private readonly digest: Promise<string>;

  constructor(path: string) {
    this.worker = new Worker(WORKER, { eval: true, workerData: path });
    this.digest = new Promise((resolve, reject) => {
      this.worker.once('message', (d: string | null) => (d ? resolve(d) : reject(new Error(`${path} changed while it was hashed`))));
      this.worker.once('error', reject);
      this.worker.once('exit', (code) => reject(new Error(`hash thread exited (${code})`)));
    });
    this.digest.catch(() => {});
  }

  /** The first `bytes` of the file are written. */
  available(bytes: number): void {
    this.worker.postMessage({ available: bytes });
  }

  /** The file is complete at `bytes`; resolves to its SHA-256 (hex). */
  finish(bytes: number): Promise<string> {
    this.worker.postMessage({ available: bytes, total: bytes });
    return this.digest;
  }

  close(): void {
    void this.worker.terminate();
  }
}
