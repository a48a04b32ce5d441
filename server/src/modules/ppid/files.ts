import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { DomainError } from '../../platform/http/errors.ts';

/** Largest document accepted (a scanned decree fits; a video does not). */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

/** Accepted types and the leading bytes that prove them, so a renamed executable is refused. */
const TYPES: Record<string, { ext: string; magic: number[] | null }> = {
  'application/pdf': { ext: 'pdf', magic: [0x25, 0x50, 0x44, 0x46] },
  'image/png': { ext: 'png', magic: [0x89, 0x50, 0x4e, 0x47] },
  'image/jpeg': { ext: 'jpg', magic: [0xff, 0xd8, 0xff] },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { ext: 'docx', magic: [0x50, 0x4b, 0x03, 0x04] },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { ext: 'xlsx', magic: [0x50, 0x4b, 0x03, 0x04] },
  'text/csv': { ext: 'csv', magic: null },
};
/** Content types the upload routes parse as raw bodies. */
export const DOCUMENT_TYPES = Object.keys(TYPES);

/** Checks a document's type, size and content; returns a safe file name. Pure. */
export function checkDocument(mime: string, filename: string, body: Buffer): string {
  const type = TYPES[mime];
  if (!type) throw new DomainError('unsupported_media_type', 'Jenis dokumen tidak didukung (PDF, PNG, JPEG, DOCX, XLSX, CSV)');
  if (body.length === 0) throw new DomainError('validation_failed', 'Dokumen kosong', [{ path: 'body', message: 'kosong' }]);
  if (body.length > MAX_DOCUMENT_BYTES) throw new DomainError('payload_too_large', 'Dokumen lebih dari 10 MB');
  if (type.magic && !type.magic.every((b, i) => body[i] === b)) throw new DomainError('validation_failed', 'Isi dokumen tidak sesuai jenisnya', [{ path: 'body', message: `bukan ${type.ext}` }]);
  if (!type.magic && body.subarray(0, 4096).includes(0)) throw new DomainError('validation_failed', 'CSV tidak boleh berisi data biner', [{ path: 'body', message: 'biner' }]);
  const base = filename.normalize('NFC').replace(/[^\p{L}\p{N}._ -]/gu, '_').replace(/^\.+/, '').slice(0, 120).trim() || 'dokumen';
  return base.toLowerCase().endsWith(`.${type.ext}`) ? base : `${base}.${type.ext}`;
}

/** Documents on disk under `DATA_DIR/ppid/<tenant>/`; names are random, the database keeps the real ones. */
export class DocumentStore {
  constructor(private readonly root: string) {}

  /** Writes atomically (temp file, then rename) and returns the storage key and digest. */
  async put(tenantId: string, body: Buffer): Promise<{ key: string; sha256: string }> {
    const key = `${tenantId}/${randomUUID()}`;
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(`${path}.tmp`, body, { mode: 0o600 });
    await rename(`${path}.tmp`, path);
    return { key, sha256: createHash('sha256').update(body).digest('hex') };
  }

  get(key: string): Promise<Buffer> {
    return readFile(this.pathOf(key));
  }

  private pathOf(key: string): string {
    if (!/^[0-9a-f-]{36}\/[0-9a-f-]{36}$/.test(key)) throw new Error(`bad storage key ${key}`);
    return join(this.root, 'ppid', key);
  }
}
