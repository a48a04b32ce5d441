/**
 * Pre-encoded H.264 fixtures (Annex B files, no B-frames) as a list of access units the player
 * replays in a loop. Parsing is pure; {@link loadFixture} reads the file.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseH264Sps } from '../h26x/h264-sps.ts';
import { splitAnnexB } from '../mp4/annexb.ts';

/** One coded picture of a fixture. */
export interface FixtureUnit {
  /** NAL units without start codes, in decoding order (SPS/PPS first on keyframes). */
  readonly nalus: readonly Uint8Array[];
  readonly isKey: boolean;
}

/** A parsed fixture. */
export interface Fixture {
  readonly name: string;
  readonly width: number;
  readonly height: number;
  readonly fps: number;
  readonly sps: Uint8Array;
  readonly pps: Uint8Array;
  readonly units: readonly FixtureUnit[];
  /** Indexes of keyframes in `units`, ascending; never empty. */
  readonly keyIndexes: readonly number[];
  /** Average bit rate at `fps`, kbit/s. */
  readonly bitrateKbps: number;
}

/** Why bytes are not a usable fixture. */
export type FixtureError = 'no-pictures' | 'no-sps' | 'no-pps' | 'bad-sps' | 'no-keyframe';

const type = (n: Uint8Array): number => (n[0] ?? 0) & 0x1f;
const isVcl = (t: number): boolean => t >= 1 && t <= 5;
// NAL types that may only precede the first slice of an access unit (H.264 §7.4.1.2.3)
const startsUnit = (t: number): boolean => t === 6 || t === 7 || t === 8 || t === 9 || (t >= 14 && t <= 18);
// first_mb_in_slice is ue(v); a leading 1 bit means 0, i.e. the first slice of a picture
const firstSlice = (n: Uint8Array): boolean => ((n[1] ?? 0) & 0x80) !== 0;

/** Groups NAL units into access units. */
export function groupAccessUnits(nals: readonly Uint8Array[]): Uint8Array[][] {
  const units: Uint8Array[][] = [];
  let cur: Uint8Array[] = [];
  let hasVcl = false;
  for (const nal of nals) {
    const t = type(nal);
    if (hasVcl && ((isVcl(t) && firstSlice(nal)) || (!isVcl(t) && startsUnit(t)))) {
      units.push(cur);
      cur = [];
      hasVcl = false;
    }
    cur.push(nal);
    if (isVcl(t)) hasVcl = true;
  }
  if (hasVcl) units.push(cur);
  return units;
}

/**
 * Parses an Annex B H.264 stream. Every keyframe gets the stream's SPS and PPS in front (some
 * encoders write them once), access unit delimiters and end-of-stream NAL units are dropped,
 * and leading pictures before the first keyframe are skipped so every loop starts decodable.
 */
export function parseFixture(bytes: Uint8Array, name: string, fpsOverride?: number): { ok: true; fixture: Fixture } | { ok: false; error: FixtureError } {
  const nals = splitAnnexB(bytes).filter((n) => n.length > 0 && ![9, 10, 11, 12].includes(type(n)));
  const sps = nals.find((n) => type(n) === 7);
  const pps = nals.find((n) => type(n) === 8);
  const grouped = groupAccessUnits(nals);
  if (grouped.length === 0) return { ok: false, error: 'no-pictures' };
  if (sps === undefined) return { ok: false, error: 'no-sps' };
  if (pps === undefined) return { ok: false, error: 'no-pps' };
  const parsed = parseH264Sps(sps);
  if (!parsed.ok) return { ok: false, error: 'bad-sps' };
  const firstKey = grouped.findIndex((u) => u.some((n) => type(n) === 5));
  if (firstKey < 0) return { ok: false, error: 'no-keyframe' };
  const units: FixtureUnit[] = grouped.slice(firstKey).map((u) => {
    const isKey = u.some((n) => type(n) === 5);
    if (!isKey) return { nalus: u, isKey };
    const rest = u.filter((n) => type(n) !== 7 && type(n) !== 8);
    return { nalus: [sps, pps, ...rest], isKey };
  });
  const keyIndexes = units.flatMap((u, i) => (u.isKey ? [i] : []));
  const fps = fpsOverride ?? parsed.sps.frameRate ?? 25;
  let total = 0;
  for (const u of units) for (const n of u.nalus) total += n.length;
  const bitrateKbps = (total * 8 * fps) / units.length / 1000;
  return {
    ok: true,
    fixture: { name, width: parsed.sps.width, height: parsed.sps.height, fps, sps, pps, units, keyIndexes, bitrateKbps },
  };
}

/** Reads and parses a fixture file; throws with the file name when it is unusable. */
export function loadFixture(path: string, fpsOverride?: number): Fixture {
  const r = parseFixture(new Uint8Array(readFileSync(path)), basename(path), fpsOverride);
  if (!r.ok) throw new Error(`fixture ${path}: ${r.error}`);
  return r.fixture;
}
