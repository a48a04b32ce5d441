/**
 * The 1080p25 ~4 Mbit/s fixture the ingest benchmarks need. Too large to commit, so it is
 * encoded once with ffmpeg into a cache directory and reused. Building the command is pure.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Encoding settings; the defaults are the benchmark's (tests shorten them). */
export interface BenchFixtureOptions {
  readonly width?: number;
  readonly height?: number;
  readonly fps?: number;
  readonly seconds?: number;
  /** Bit rate, kbit/s. */
  readonly kbps?: number;
  /** ffmpeg binary; default `ffmpeg` on PATH. */
  readonly ffmpeg?: string;
}

/** File name of the fixture for these settings, so differing settings never share a cache entry. */
export function benchFixtureName(o: BenchFixtureOptions = {}): string {
  const { width = 1920, height = 1080, fps = 25, seconds = 10, kbps = 4000 } = o;
  return `bench-${width}x${height}-${fps}fps-${seconds}s-${kbps}k.h264`;
}

/** ffmpeg arguments that encode the fixture to `out` (single slice, no B-frames, GOP 2 s). */
export function benchFixtureArgs(out: string, o: BenchFixtureOptions = {}): string[] {
  const { width = 1920, height = 1080, fps = 25, seconds = 10, kbps = 4000 } = o;
  return [
    '-y', '-v', 'error', '-f', 'lavfi', '-i', `testsrc2=size=${width}x${height}:rate=${fps}`, '-t', String(seconds),
    '-c:v', 'libx264', '-preset', 'veryfast', '-b:v', `${kbps}k`, '-maxrate', `${kbps}k`, '-bufsize', `${kbps * 2}k`,
    '-g', String(fps * 2), '-bf', '0', '-x264-params', 'sliced-threads=0', '-pix_fmt', 'yuv420p', '-f', 'h264', out,
  ];
}

/**
 * Returns the path of the benchmark fixture in `dir`, encoding it first when missing. The file
 * is written under a temporary name and renamed, so an interrupted run never leaves half a file.
 */
export async function ensureBenchFixture(dir: string, o: BenchFixtureOptions = {}): Promise<string> {
  const out = join(dir, benchFixtureName(o));
  if (existsSync(out) && statSync(out).size > 0) return out;
  mkdirSync(dir, { recursive: true });
  const tmp = `${out}.${process.pid}.tmp`;
  const stderr: Buffer[] = [];
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(o.ffmpeg ?? 'ffmpeg', benchFixtureArgs(tmp, o), { stdio: ['ignore', 'ignore', 'pipe'] });
    child.stderr.on('data', (d: Buffer) => stderr.push(d));
    child.once('error', reject);
    child.once('close', resolve);
  }).catch((err: unknown) => {
    rmSync(tmp, { force: true });
    throw err;
  });
  if (code !== 0) {
    rmSync(tmp, { force: true });
    throw new Error(`ffmpeg exited with ${code}: ${Buffer.concat(stderr).toString().trim()}`);
  }
  renameSync(tmp, out);
  return out;
}
