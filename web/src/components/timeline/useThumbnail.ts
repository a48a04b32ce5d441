import { useEffect, useState } from 'react';

/** Hovering fast over the timeline should not fire a request per pixel. */
const DEBOUNCE_MS = 250;
/** Object URLs kept; the oldest are revoked beyond this. */
const CACHE_SIZE = 120;

const cache = new Map<string, string | null>();
/** The server cannot make thumbnails (204 with `x-pantau-thumbnail: unavailable`: no ffmpeg); remembered for the session. */
let unavailable = false;

function remember(key: string, url: string | null): void {
  cache.set(key, url);
  if (cache.size <= CACHE_SIZE) return;
  const [oldest, old] = cache.entries().next().value as [string, string | null];
  cache.delete(oldest);
  if (old) URL.revokeObjectURL(old);
}

async function load(cameraId: string, at: number): Promise<string | null> {
  const res = await fetch(`/api/cameras/${cameraId}/thumbnail.jpg?at=${encodeURIComponent(new Date(at).toISOString())}`, { credentials: 'same-origin' });
  // 204: no picture here (`none`) or none at all on this server (`unavailable`)
  if (res.status === 204 && res.headers.get('x-pantau-thumbnail') === 'unavailable') unavailable = true;
  if (res.status !== 200) return null;
  return URL.createObjectURL(await res.blob());
}

/**
 * The thumbnail of the keyframe at or before `at` for a camera, fetched after the pointer rests,
 * cached per (camera, instant rounded to `quantum` ms). Null while loading or when there is none;
 * a server without thumbnails is remembered so the timeline simply shows no pictures. Callers
 * pass a null camera where nothing is recorded (the server would answer 404).
 */
export function useThumbnail(cameraId: string | null, at: number | null, quantum: number): string | null {
  const key = cameraId && at !== null ? `${cameraId}@${Math.floor(at / quantum) * quantum}` : null;
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!key || !cameraId || unavailable) {
      setUrl(null);
      return;
    }
    if (cache.has(key)) {
      setUrl(cache.get(key) ?? null);
      return;
    }
    setUrl(null);
    let cancelled = false;
    const instant = Number(key.slice(key.indexOf('@') + 1));
    const timer = window.setTimeout(() => {
      load(cameraId, instant).then(
        (u) => {
          remember(key, u);
          if (!cancelled) setUrl(u);
        },
        () => undefined, // network trouble: no picture, the timeline still works
      );
    }, DEBOUNCE_MS);
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
    };
  }, [key, cameraId]);
  return url;
}
