/** Where recordings live under the data directory (paths in the index are relative to it). */
import { unlink } from 'node:fs/promises';
import { join } from 'node:path';

export const RECORDINGS_DIR = 'recordings';

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/**
 * `recordings/<cameraId>/<yyyy>/<mm>/<dd>/<startMs>-` (UTC date); the index appends the row id
 * and `.mp4`, which makes the name unique across streams and recorders.
 */
export function recordingPathPrefix(cameraId: string, startMs: number): string {
  const d = new Date(startMs);
  return `${RECORDINGS_DIR}/${cameraId}/${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())}/${Math.floor(startMs)}-`;
}

/** Absolute path of an index path. */
export function absolutePath(dataDir: string, relative: string): string {
  return join(dataDir, ...relative.split('/'));
}

/** A camera id usable as a directory name (ids are uuids; anything else is refused). */
export function isCameraDirName(name: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(name);
}

/** Unlinks a file; one that is already gone (or whose directory is not one) counts as removed. */
export async function removeFile(abs: string): Promise<void> {
  try {
    await unlink(abs);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') throw err;
  }
}
