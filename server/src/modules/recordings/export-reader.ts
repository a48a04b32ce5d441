/** Reads an evidence export from a directory or a ZIP file, for verification. */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import yauzl from 'yauzl';
import type { ExportReader } from './manifest.ts';

const SMALL = 4 * 1024 * 1024;

async function digestStream(stream: NodeJS.ReadableStream): Promise<{ bytes: number; sha256: string }> {
  const h = createHash('sha256');
  let bytes = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    h.update(chunk);
    bytes += chunk.length;
  }
  return { bytes, sha256: h.digest('hex') };
}

/** An export directory (files directly inside it). */
export async function directoryReader(dir: string): Promise<ExportReader> {
  const names = (await readdir(dir, { withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name);
  const has = new Set(names);
  return {
    names,
    read: async (n) => (has.has(n) && (await stat(join(dir, n))).size <= SMALL ? readFile(join(dir, n)) : null),
    digest: async (n) => (has.has(n) ? digestStream(createReadStream(join(dir, n))) : null),
  };
}

/** A ZIP made by Pantau (or re-zipped by hand: any flat ZIP of the same files). */
export async function zipReader(path: string): Promise<ExportReader> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) => yauzl.open(path, { lazyEntries: true, autoClose: false }, (err, z) => (err ? reject(err) : resolve(z!))));
  const entries = new Map<string, yauzl.Entry>();
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (e: yauzl.Entry) => {
      if (!e.fileName.endsWith('/')) entries.set(e.fileName.split('/').pop()!, e);
      zip.readEntry();
    });
    zip.on('end', () => resolve());
    zip.on('error', reject);
    zip.readEntry();
  });
  const open = (e: yauzl.Entry) => new Promise<NodeJS.ReadableStream>((resolve, reject) => zip.openReadStream(e, (err, s) => (err ? reject(err) : resolve(s!))));
  return {
    names: [...entries.keys()],
    read: async (n) => {
      const e = entries.get(n);
      if (!e || e.uncompressedSize > SMALL) return null;
      const chunks: Buffer[] = [];
      for await (const c of (await open(e)) as AsyncIterable<Buffer>) chunks.push(c);
      return Buffer.concat(chunks);
    },
    digest: async (n) => {
      const e = entries.get(n);
      return e ? digestStream(await open(e)) : null;
    },
  };
}
