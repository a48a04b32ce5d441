/**
 * Start-up repair after a crash (`kill -9`, power loss): brings files and index back into
 * agreement so every file plays and every row describes its file exactly.
 *
 * Choice for open recordings: the index is EXTENDED with the fragments found on disk past its
 * end when each one parses and verifies (`parseFragment`: sequence and decode time continue the
 * index, sizes add up, every sample is whole length-prefixed NAL units); the first torn or
 * unverifiable fragment and everything after it are truncated away. After `kill -9` the page cache
 * survives, so this keeps everything written before the kill; after power loss unsynced tails
 * read as zeros or garbage and fail verification.
 */
import { createHash } from 'node:crypto';
import { open, readdir, stat, truncate } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { parseFragment } from './fragment-parse.ts';
import { absolutePath, isCameraDirName, RECORDINGS_DIR, removeFile } from './paths.ts';
import type { OpenRecordingRow, RecordingRepository } from './repository.ts';
import { decodeSampleIndex, SampleIndexEncoder, type IndexedFragment, type IndexedFrame } from './sample-index.ts';
import type { RecorderLog } from './segmenter.ts';

export interface RecoverOptions {
  /** Day directories (UTC) scanned for files without an index row, counting back from today. */
  scanDays?: number;
  /** Files younger than this are left alone by the orphan scan (another writer may be creating them). */
  orphanMinAgeMs?: number;
}

export interface RecoveryReport {
  /** Open recordings closed, with how many fragments were found on disk past their index. */
  closed: { id: number; frames: number; extendedFragments: number; truncatedBytes: number }[];
  /** Open recordings removed because no whole fragment survived. */
  discarded: number;
  runsClosed: number;
  orphansDeleted: string[];
  garbageDeleted: number;
}

export interface RecoverDeps {
  repo: RecordingRepository;
  dataDir: string;
  node: string;
  /** Recorder clock (ms): which day directories the orphan scan visits. */
  now: number;
  log: RecorderLog;
  /** Recordings and runs this process is writing right now: not crashed, left alone. */
  activeRecordings: ReadonlySet<number>;
  activeRuns: ReadonlySet<number>;
}

const DAY_MS = 86_400_000;

export async function recover(d: RecoverDeps, opts: RecoverOptions = {}): Promise<RecoveryReport> {
  const report: RecoveryReport = { closed: [], discarded: 0, runsClosed: 0, orphansDeleted: [], garbageDeleted: 0 };
  for (const g of await d.repo.garbage()) {
    await removeFile(absolutePath(d.dataDir, g.path));
    await d.repo.removeGarbage(g.id);
    report.garbageDeleted++;
  }
  for (const row of await d.repo.openRecordings(d.node)) {
    if (d.activeRecordings.has(row.id)) continue;
    const r = await repairOpenRecording(d, row);
    if (r === null) report.discarded++;
    else report.closed.push({ id: row.id, ...r });
  }
  for (const id of await d.repo.openRunIds(d.node)) {
    if (d.activeRuns.has(id)) continue;
    await d.repo.closeRunAtLastRecording(id, 'crash');
    report.runsClosed++;
  }
  report.orphansDeleted = await deleteOrphans(d, opts.scanDays ?? 2, opts.orphanMinAgeMs ?? 10_000);
  return report;
}

async function discard(d: RecoverDeps, id: number, path: string, reason: string): Promise<void> {
  const g = await d.repo.discardRecording(id, path, reason);
  await removeFile(absolutePath(d.dataDir, path));
  await d.repo.removeGarbage(g);
}

async function repairOpenRecording(
  d: RecoverDeps,
  row: OpenRecordingRow,
): Promise<{ frames: number; extendedFragments: number; truncatedBytes: number } | null> {
  const abs = absolutePath(d.dataDir, row.path);
  const size = (await stat(abs).catch(() => null))?.size ?? -1;
  if (size < row.initBytes) {
    await discard(d, row.id, row.path, 'recover-no-data');
    return null;
  }
  const decoded = decodeSampleIndex(row.sampleIndex, row.initBytes);
  if (!decoded.ok) d.log.warn({ id: row.id, error: decoded.error }, 'recorder: unreadable index; rebuilding it from the file');
  const fragments: IndexedFragment[] = decoded.ok ? [...decoded.index.fragments] : [];
  const frames: IndexedFrame[] = decoded.ok ? [...decoded.index.frames] : [];
  // the index never points past synced data, unless the filesystem lost it: keep whole fragments
  while (fragments.length > 0 && (fragments.at(-1) as IndexedFragment).offset + (fragments.at(-1) as IndexedFragment).size > size) {
    const f = fragments.pop() as IndexedFragment;
    frames.length = f.firstFrame;
  }
  let end = fragments.length > 0 ? (fragments.at(-1) as IndexedFragment).offset + (fragments.at(-1) as IndexedFragment).size : row.initBytes;
  let duration = frames.reduce((n, f) => n + f.duration, 0);

  const index = SampleIndexEncoder.resume(frames, fragments);
  let extended = 0;
  if (size > end) {
    const tail = new Uint8Array(size - end);
    const fh = await open(abs, 'r');
    try {
      await fh.read(tail, 0, tail.length, end);
    } finally {
      await fh.close();
    }
    let o = 0;
    for (;;) {
      const p = parseFragment(tail, o, { sequence: index.fragments + 1, decodeTime: duration });
      if (!p.ok) break;
      index.addFragment(p.fragment.headerBytes, p.fragment.frames);
      duration += p.fragment.frames.reduce((n, f) => n + f.duration, 0);
      o += p.fragment.size;
      extended++;
    }
    end += o;
  }
  if (index.frames === 0) {
    await discard(d, row.id, row.path, 'recover-no-frames');
    return null;
  }
  if (size > end) await truncate(abs, end);
  const fh = await open(abs, 'r+');
  try {
    await fh.datasync();
  } finally {
    await fh.close();
  }
  const sha = await sha256File(abs);
  // no clock reading survives the crash: the recording's wall duration is its media duration
  await d.repo.closeRecording(
    row.id,
    { frames: index.frames, bytes: end, duration90k: duration, wallDuration90k: duration, start90k: row.start90k, sampleIndex: index.bytes() },
    sha,
  );
  return { frames: index.frames, extendedFragments: extended, truncatedBytes: size - end };
}

function sha256File(path: string): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const h = createHash('sha256');
    createReadStream(path)
      .on('data', (c) => h.update(c))
      .on('error', reject)
      .on('end', () => resolve(h.digest()));
  });
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** Files of the last `days` day directories with no index row: garbage row, unlink, row removed. */
async function deleteOrphans(d: RecoverDeps, days: number, minAgeMs: number): Promise<string[]> {
  const deleted: string[] = [];
  const root = absolutePath(d.dataDir, RECORDINGS_DIR);
  const cameras = await readdir(root).catch(() => [] as string[]);
  for (const cameraId of cameras) {
    if (!isCameraDirName(cameraId)) continue;
    for (let k = 0; k < days; k++) {
      const day = new Date(Math.floor(d.now / DAY_MS) * DAY_MS - k * DAY_MS);
      const rel = `${RECORDINGS_DIR}/${cameraId}/${day.getUTCFullYear()}/${pad(day.getUTCMonth() + 1)}/${pad(day.getUTCDate())}`;
      const names = await readdir(absolutePath(d.dataDir, rel)).catch(() => [] as string[]);
      if (names.length === 0) continue;
      // a margin of a day each side: start_time and the directory date may round differently
      const known = await d.repo.pathsStartingIn(cameraId, day.getTime() - DAY_MS, day.getTime() + 2 * DAY_MS);
      for (const name of names) {
        const path = `${rel}/${name}`;
        if (known.has(path)) continue;
        const st = await stat(absolutePath(d.dataDir, path)).catch(() => null);
        // file times come from the system clock, not the recorder's (which tests move)
        if (st === null || !st.isFile() || Date.now() - st.mtimeMs < minAgeMs) continue;
        const g = await d.repo.addGarbage(path, 'orphan');
        await removeFile(absolutePath(d.dataDir, path));
        await d.repo.removeGarbage(g);
        deleted.push(path);
      }
    }
  }
  return deleted;
}
