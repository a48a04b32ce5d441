/**
 * Pure time arithmetic of the recorder (moonfire-nvr `design/time.md`): where a stream's recordings
 * rotate, and how much a recording's wall duration may differ from its media (RTP) duration.
 * All times are 90 kHz units; wall times count from the Unix epoch (ms × 90).
 */

/** The RTP video clock. */
export const TICKS_PER_SECOND = 90_000;
export const TICKS_PER_MS = 90;

/**
 * Cameras drift about 20 ppm; the recorder's clock may step (NTP). A recording's wall duration
 * follows the recorder's clock, but never moves more than this far from its media duration, so
 * a clock step becomes a slow slew instead of a jump inside a recording.
 */
export const MAX_SLEW_PPM = 500;

/**
 * No recording lasts longer than this (media time): range queries rely on it to bound their index
 * scan (`start_time > from - MAX_RECORDING`). A stream without a keyframe for this long is cut.
 */
export const MAX_RECORDING_SECONDS = 300;

/** FNV-1a, 32 bits: stable across processes and releases (unlike a seeded hash). */
export function stableHash(text: string): number {
  let h = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    h ^= byte;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/**
 * The stream's rotation phase within one segment period: stable for a camera and stream and
 * spread evenly across cameras, so 10,000 streams do not close files in the same second.
 */
export function rotationOffset90k(cameraId: string, stream: string, segment90k: number): number {
  return stableHash(`${cameraId}/${stream}`) % segment90k;
}

/**
 * The first rotation boundary strictly after `wall90k`: boundaries lie on a grid of period
 * `segment90k` shifted by `offset90k`. A recording ends at the first keyframe at or after it, so
 * apart from each run's first recording they last about one period and the phase survives restarts.
 */
export function nextBoundary90k(wall90k: number, segment90k: number, offset90k: number): number {
  const k = Math.floor((wall90k - offset90k) / segment90k) + 1;
  return k * segment90k + offset90k;
}

/**
 * Wall duration of a recording whose media lasted `media90k` while the recorder's clock says the
 * wall timeline is `error90k` behind (positive) or ahead (negative) of where the media put it:
 * corrected fully when small, by at most `MAX_SLEW_PPM` of the media duration otherwise.
 */
export function slewedDuration90k(media90k: number, error90k: number, maxPpm = MAX_SLEW_PPM): number {
  const limit = Math.floor((media90k * maxPpm) / 1_000_000);
  const correction = Math.max(-limit, Math.min(limit, Math.round(error90k)));
  return media90k + correction;
}
