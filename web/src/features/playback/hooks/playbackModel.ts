import type { PlaybackItem } from '@pantau/shared';
import { HOUR } from '../../../components/timeline/time.ts';

/** The most cameras the playback grid shows at once (3×3). */
export const MAX_CAMERAS = 9;

/** Columns of the grid for `n` cameras: 1, 2×2 or 3×3. */
export function gridColumns(n: number): 1 | 2 | 3 {
  return n <= 1 ? 1 : n <= 4 ? 2 : 3;
}

/** The playable item that covers instant `t`, if any. */
export function itemAt(items: readonly PlaybackItem[], t: number): PlaybackItem | null {
  return items.find((i) => Date.parse(i.start) <= t && t < Date.parse(i.end)) ?? null;
}

/** The start of the first item that begins after `t` (where playback continues across a gap). */
export function nextStart(items: readonly PlaybackItem[], t: number): number | null {
  let best: number | null = null;
  for (const i of items) {
    const s = Date.parse(i.start);
    if (s > t && (best === null || s < best)) best = s;
  }
  return best;
}

/**
 * The playback range asked of the server around `t`: whole hours, one before and two after, so
 * the query key changes only once an hour of playing and the next item is known before it is needed.
 */
export function playbackWindow(t: number): { from: string; to: string } {
  const hour = Math.floor(t / HOUR) * HOUR;
  return { from: new Date(hour - HOUR).toISOString(), to: new Date(hour + 2 * HOUR).toISOString() };
}

/** Seconds into the item's file at which instant `t` appears (the file starts at its keyframe). */
export function fileOffset(item: PlaybackItem, t: number): number {
  return Math.max(0, (t - Date.parse(item.keyframeStart)) / 1000);
}

/**
 * How far (s) a tile may drift from the clock before it is re-seeked. Paused, a tile shows the
 * exact frame; playing fast, seeking costs more than a small drift, so the tolerance grows.
 */
export function driftTolerance(playing: boolean, rate: number): number {
  if (!playing) return 0.02;
  return Math.max(0.3, 0.15 * rate);
}

/** One frame at the item's rate, for ←/→ while paused (25 fps when the item does not say). */
export function frameMs(item: PlaybackItem | null): number {
  const fps = item && item.fps > 0 ? item.fps : 25;
  return 1000 / fps;
}

/** The fastest rate browsers accept (Chromium throws above 16). */
const MAX_RATE = 16;

/**
 * The playback rate that pulls a tile back onto the clock without a seek: a little slower when it
 * is ahead, a little faster when behind (at most ±10 %), the clock's own rate when within 30 ms.
 * Seeking fixes large drifts; this keeps tiles frame-close to each other in between.
 */
export function nudgedRate(rate: number, driftS: number): number {
  if (Math.abs(driftS) < 0.03) return rate;
  const k = Math.max(-0.1, Math.min(0.1, driftS * 0.5));
  return Math.min(MAX_RATE, rate * (1 - k));
}

/** How close (ms) the clock may come to the end of what is known before asking for more. */
const EDGE_LOOKAHEAD_MS = 15_000;

/**
 * Whether a camera's items should be asked for again while playing towards the live edge: the
 * clock nears the end of the last known item, and that end lies in the past, so the recorder has
 * written more since (or nothing was known yet and the clock is near now).
 */
export function needsRefresh(items: readonly PlaybackItem[], clockT: number, wallNow: number): boolean {
  if (items.length === 0) return wallNow - clockT < 60_000;
  const lastEnd = Math.max(...items.map((i) => Date.parse(i.end)));
  return clockT > lastEnd - EDGE_LOOKAHEAD_MS && lastEnd < wallNow - 2000;
}

/** A recording whose last known end is this recent is taken to be still running. */
const STILL_RECORDING_MS = 45_000;
/** The clock holds this far before the end, so the tiles still have a frame to show. */
const EDGE_MARGIN_MS = 300;

/**
 * Where the clock should wait for the recorder, or null: when it has reached the end of every
 * camera's known items and that end is recent (the recorder is still writing; it indexes
 * every few seconds, so the newest seconds appear a little later).
 */
export function liveEdge(items: readonly PlaybackItem[], clockT: number, wallNow: number): number | null {
  if (items.length === 0) return null;
  const lastEnd = Math.max(...items.map((i) => Date.parse(i.end)));
  if (clockT < lastEnd - EDGE_MARGIN_MS || wallNow - lastEnd > STILL_RECORDING_MS) return null;
  return lastEnd - EDGE_MARGIN_MS;
}
