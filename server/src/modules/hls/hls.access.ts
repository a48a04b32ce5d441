import { DISPLAY_COOKIE } from '@pantau/shared';
import type { Executor } from '../../platform/db/database.ts';
import { SESSION_COOKIE } from '../../platform/http/auth-hook.ts';
import { HlsRepository } from './hls.repository.ts';

/** Whether this request may watch the camera, and whether the answer is the same for everyone. */
export type HlsAccessResult = { ok: true; cacheable: boolean } | { ok: false };

/** What the access rule sees of a request: its cookies and headers (a Fastify request fits). */
export interface HlsRequestLike {
  cookies: Record<string, string | undefined>;
  headers: Record<string, string | string[] | undefined>;
}

/** Decides a camera's HLS access for a request; the portal module supplies the real one. */
export type HlsAccess<R extends HlsRequestLike = HlsRequestLike> = (req: R, cameraId: string) => Promise<HlsAccessResult>;

/**
 * Stand-in until the portal's rule is wired: `public` cameras for everyone, nothing else. Never
 * more permissive than the portal's rule, so it is safe to ship.
 */
export function publicCameraAccess(db: Executor): HlsAccess {
  const repo = new HlsRepository();
  return async (_req, cameraId) => ((await repo.visibilityOf(db, cameraId)) === 'public' ? { ok: true, cacheable: true } : { ok: false });
}

/**
 * Remembers each answer for `ttlMs` per camera and credentials (session, display cookie, bearer
 * token), so a thousand anonymous viewers of a camera cost one lookup a second, while a camera
 * taken off the portal stops within that second plus one playlist poll.
 */
export function cachedAccess<R extends HlsRequestLike>(access: HlsAccess<R>, opts: { ttlMs?: number; now?: () => number; maxEntries?: number } = {}): HlsAccess<R> {
  const ttl = opts.ttlMs ?? 1000;
  const now = opts.now ?? Date.now;
  const max = opts.maxEntries ?? 10_000;
  const cache = new Map<string, { at: number; answer: Promise<HlsAccessResult> }>();
  return (req, cameraId) => {
    const auth = req.headers.authorization;
    const key = [cameraId, req.cookies[SESSION_COOKIE] ?? '', req.cookies[DISPLAY_COOKIE] ?? '', typeof auth === 'string' ? auth : ''].join('\n');
    const t = now();
    const hit = cache.get(key);
    if (hit && t - hit.at < ttl) return hit.answer;
    if (cache.size >= max) for (const [k, v] of cache) if (t - v.at >= ttl) cache.delete(k);
    if (cache.size >= max) cache.clear(); // a flood of distinct cookies: forget rather than grow
    // a failed lookup is not remembered: the next request asks again
    const answer = access(req, cameraId).catch((e: unknown) => {
      cache.delete(key);
      throw e;
    });
    cache.set(key, { at: t, answer });
    return answer;
  };
}
