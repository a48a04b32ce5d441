/** How far behind "now" the camera page's playback button starts: "what just happened here". */
const BEHIND_LIVE_MS = 5 * 60_000;

/**
 * An instant for a URL, to the second and without a dot: the server answers paths containing a
 * dot (files) with 404 instead of the console, and it looks at the query string too.
 */
export function urlInstant(at: number): string {
  return new Date(Math.floor(at / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** The playback page for one or more cameras at an instant (default: five minutes ago, counted when called). */
export function playbackPath(cameraIds: string[], at: number = Date.now() - BEHIND_LIVE_MS): string {
  return `/putar-ulang?cameras=${cameraIds.join(',')}&t=${encodeURIComponent(urlInstant(at))}`;
}
