/**
 * Test-only: checks that the files under a data directory and the recording index agree, the way
 * playback will rely on them (ffprobe reads every file; frames, bytes, hashes and fragment
 * offsets match the rows).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Db } from '../../../platform/db/database.ts';
import { parseFragment } from '../fragment-parse.ts';
import { decodeSampleIndex } from '../sample-index.ts';
import { probe, type ProbeResult } from './fixture-stream.ts';

export interface CheckedRecording {
  id: number;
  path: string;
  frames: number;
  duration90k: number;
  open: boolean;
  probe: ProbeResult;
}

/** Every `.mp4` below `dir`, as index paths (relative, `/`-separated). */
export function mp4Files(dataDir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    let names: string[];
    try {
      names = readdirSync(d);
    } catch {
      return;
    }
    for (const n of names) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else if (n.endsWith('.mp4')) out.push(relative(dataDir, p).split(sep).join('/'));
    }
  };
  walk(join(dataDir, 'recordings'));
  return out.sort();
}

/**
 * Returns a list of problems (empty when files and index agree) and the checked recordings.
 * `frameSlack90k` is the tolerated difference between ffprobe's duration and the index.
 */
export async function checkRecordings(db: Db, dataDir: string, cameraIds: string[], frameSlack90k: number): Promise<{ problems: string[]; recordings: CheckedRecording[] }> {
  const problems: string[] = [];
  const rows = await db.selectFrom('recordings').selectAll().where('camera_id', 'in', cameraIds).orderBy('id').execute();
  const files = new Set(mp4Files(dataDir).filter((f) => cameraIds.some((c) => f.includes(`/${c}/`))));
  const recordings: CheckedRecording[] = [];
  for (const r of rows) {
    const where = `recording ${r.id} (${r.path})`;
    if (!files.delete(r.path)) {
      problems.push(`${where}: no file`);
      continue;
    }
    const abs = join(dataDir, r.path);
    const data = new Uint8Array(readFileSync(abs));
    const open = r.sha256 === null;
    if (!open) {
      if (data.length !== r.bytes) problems.push(`${where}: file has ${data.length} bytes, index ${r.bytes}`);
      const sha = createHash('sha256').update(data).digest('hex');
      if (sha !== Buffer.from(r.sha256 as Uint8Array).toString('hex')) problems.push(`${where}: sha256 differs`);
    } else if (data.length < r.bytes) {
      problems.push(`${where}: open file shorter (${data.length}) than its index (${r.bytes})`);
    }
    const d = decodeSampleIndex(new Uint8Array(r.sample_index), r.init_bytes);
    if (!d.ok) {
      problems.push(`${where}: index unreadable`);
      continue;
    }
    if (d.index.frames.length !== r.frames) problems.push(`${where}: index has ${d.index.frames.length} frames, row ${r.frames}`);
    if (d.index.duration90k !== r.duration_90k) problems.push(`${where}: index duration ${d.index.duration90k}, row ${r.duration_90k}`);
    if (r.frames > 0 && d.index.bytes !== r.bytes) problems.push(`${where}: index covers ${d.index.bytes} bytes, row ${r.bytes}`);
    if (d.index.frames[0] && !d.index.frames[0].isKey) problems.push(`${where}: does not start with a keyframe`);
    for (const [i, f] of d.index.fragments.entries()) {
      const p = parseFragment(data, f.offset, { sequence: i + 1, decodeTime: f.decodeTime });
      if (!p.ok || p.fragment.size !== f.size || p.fragment.frames.length !== f.frameCount) {
        problems.push(`${where}: fragment ${i} at ${f.offset} does not match the file (${p.ok ? 'size' : p.error})`);
        break;
      }
    }
    const pr = probe(abs);
    if (pr.stderr !== '') problems.push(`${where}: ffprobe: ${pr.stderr}`);
    // an open file may hold one fragment the index does not know yet
    if (!open && pr.frames !== r.frames) problems.push(`${where}: ffprobe counts ${pr.frames} frames, index ${r.frames}`);
    if (!open && Math.abs(pr.durationS * 90_000 - r.duration_90k) > frameSlack90k) {
      problems.push(`${where}: ffprobe duration ${pr.durationS}s, index ${r.duration_90k / 90_000}s`);
    }
    recordings.push({ id: r.id, path: r.path, frames: r.frames, duration90k: r.duration_90k, open, probe: pr });
  }
  for (const f of files) problems.push(`${f}: file without an index row`);
  return { problems, recordings };
}
