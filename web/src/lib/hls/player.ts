import { mimeOfInit } from './codec.ts';
import { after, blockingQuery, parsePlaylist, startPosition, unitAt, type MediaPlaylist, type Position } from './playlist.ts';
import { canPlayMime, mediaSourceClass } from '../live/mseSink.ts';
import { HlsSink } from './sink.ts';

/** What a live HLS player is doing; drives the page's overlay. */
export type HlsState =
  | { kind: 'connecting' }
  | { kind: 'playing' }
  | { kind: 'stalled' }
  /** The camera has no live stream now (HTTP 503); retrying. */
  | { kind: 'offline' }
  /** 404/403: camera taken off the portal or not allowed; stopped. */
  | { kind: 'gone' }
  /** Neither native HLS nor MSE with the codec. */
  | { kind: 'unsupported' };

/** Waits between attempts after failures; the last one repeats (short: a lobby screen should recover fast). */
const BACKOFF_MS = [1000, 2000, 4000];
/** Hold-back when the playlist announces none: three parts of 0.5 s. */
const DEFAULT_HOLD_BACK_S = 1.5;

class Stop extends Error {}

/**
 * Whether to hand the playlist to the browser itself. Safari plays LL-HLS natively (iOS before
 * 17.1 has no MSE at all); Chromium also answers "maybe" for HLS lately, but its built-in player
 * knows no blocking reload, so where plain MSE exists without Apple's ManagedMediaSource, ours plays.
 */
function useNative(video: HTMLVideoElement): boolean {
  if (!video.canPlayType('application/vnd.apple.mpegurl')) return false;
  const w = globalThis as unknown as { MediaSource?: unknown; ManagedMediaSource?: unknown };
  return !w.MediaSource || !!w.ManagedMediaSource;
}

/** Plays an HLS live playlist into a <video>; retries by itself; returns a stop function. */
export function playHls(video: HTMLVideoElement, playlistUrl: string, onState: (s: HlsState) => void): () => void {
  let last = '';
  const report = (s: HlsState) => {
    if (s.kind !== last) {
      last = s.kind;
      onState(s);
    }
  };
  report({ kind: 'connecting' });
  video.muted = true;
  video.playsInline = true;
  if (useNative(video)) return playNative(video, playlistUrl, report);
  if (!mediaSourceClass()) {
    report({ kind: 'unsupported' });
    return () => undefined;
  }
  return playMse(video, playlistUrl, report);
}

/** Status of the playlist, to tell "gone" from "offline" after the native player fails. */
async function playlistStatus(url: string): Promise<number> {
  try {
    return (await fetch(url, { cache: 'no-store' })).status;
  } catch {
    return 0;
  }
}

function playNative(video: HTMLVideoElement, url: string, report: (s: HlsState) => void): () => void {
  let stopped = false;
  let failures = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const onPlaying = () => {
    failures = 0;
    report({ kind: 'playing' });
  };
  const onWaiting = () => report({ kind: 'stalled' });
  const onError = async () => {
    const status = await playlistStatus(url);
    if (stopped) return;
    if (status === 404 || status === 403) return report({ kind: 'gone' });
    report(status === 503 ? { kind: 'offline' } : { kind: 'stalled' });
    timer = setTimeout(() => {
      video.src = url;
      void video.play().catch(() => undefined);
    }, BACKOFF_MS[Math.min(failures++, BACKOFF_MS.length - 1)]);
  };
  video.addEventListener('playing', onPlaying);
  video.addEventListener('waiting', onWaiting);
  video.addEventListener('error', onError);
  video.src = url;
  void video.play().catch(() => undefined);
  return () => {
    stopped = true;
    clearTimeout(timer);
    video.removeEventListener('playing', onPlaying);
    video.removeEventListener('waiting', onWaiting);
    video.removeEventListener('error', onError);
    video.removeAttribute('src');
    video.load();
  };
}

function playMse(video: HTMLVideoElement, url: string, report: (s: HlsState) => void): () => void {
  const abort = new AbortController();
  let sink: HlsSink | null = null;
  let failures = 0;
  let played = false;
  const dropSink = () => {
    sink?.destroy();
    sink = null;
  };
  const onPlaying = () => {
    played = true;
    failures = 0;
    report({ kind: 'playing' });
  };
  const onWaiting = () => {
    // the first `waiting` comes before any picture: still connecting, not stalled
    if (played) report({ kind: 'stalled' });
    void sink?.tend().catch(() => undefined); // a gap: jump it
  };
  video.addEventListener('playing', onPlaying);
  video.addEventListener('waiting', onWaiting);

  const sleep = (ms: number) =>
    new Promise<void>((resolve, reject) => {
      const onAbort = () => (clearTimeout(t), reject(new Stop()));
      const t = setTimeout(() => (abort.signal.removeEventListener('abort', onAbort), resolve()), ms);
      abort.signal.addEventListener('abort', onAbort, { once: true });
    });

  async function get(u: string): Promise<Response> {
    try {
      return await fetch(u, { signal: abort.signal, cache: 'no-store' });
    } catch (e) {
      if (abort.signal.aborted) throw new Stop();
      throw e;
    }
  }

  /** Fetches the playlist (blocking at `pos` when given); throws Stop when there is nothing more to do. */
  async function load(pos: Position | null): Promise<MediaPlaylist | 'offline'> {
    const res = await get(pos ? `${url}${url.includes('?') ? '&' : '?'}${blockingQuery(pos)}` : url);
    if (res.status === 404 || res.status === 403) {
      report({ kind: 'gone' });
      throw new Stop();
    }
    if (res.status === 503) return 'offline';
    if (!res.ok) throw new Error(`playlist ${res.status}`);
    const p = parsePlaylist(await res.text());
    if (!p) throw new Error('not a playlist');
    return p;
  }

  async function bytes(u: string): Promise<Uint8Array> {
    const res = await get(new URL(u, new URL(url, location.href)).href);
    if (!res.ok) throw new Error(`media ${res.status}`);
    return new Uint8Array(await res.arrayBuffer());
  }

  /** One run: join at the live edge and follow until something fails. */
  async function follow(): Promise<void> {
    const first = await load(null);
    if (first === 'offline') return report({ kind: 'offline' });
    let p: MediaPlaylist = first;
    const holdBack = p.partHoldBack ?? DEFAULT_HOLD_BACK_S;
    let pos = startPosition(p, holdBack);
    let map = '';
    for (;;) {
      const u = pos ? unitAt(p, pos) : null;
      if (u === 'behind' || !pos) {
        pos = startPosition(p, holdBack); // fell out of the window: rejoin at the edge
        if (pos) continue;
        // no keyframe listed yet: look again shortly
        await sleep(500);
        const again = await load(null);
        if (again === 'offline') return report({ kind: 'offline' });
        p = again;
        continue;
      }
      if (u) {
        if (u.map !== map) {
          const init = await bytes(u.map);
          const mime = mimeOfInit(init);
          if (!mime || !canPlayMime(mime)) {
            report({ kind: 'unsupported' });
            throw new Stop();
          }
          // a new packager generation (the server rebuilt it) starts its own timeline: new buffer
          const dir = (m: string) => m.slice(0, m.lastIndexOf('/'));
          if (sink?.mime !== mime || dir(u.map) !== dir(map)) {
            sink?.destroy();
            sink = new HlsSink(video, mime, holdBack);
          }
          await sink.append(init);
          map = u.map;
        }
        await sink!.append(await bytes(u.uri));
        pos = after(u);
        continue; // the playlist in hand may list more
      }
      const next: MediaPlaylist | 'offline' = p.canBlockReload ? await load(pos) : (await sleep(Math.max(250, (p.partTarget ?? p.targetDuration / 2) * 1000)), await load(null));
      if (next === 'offline') return report({ kind: 'offline' });
      p = next;
    }
  }

  void (async () => {
    for (;;) {
      try {
        await follow();
      } catch (e) {
        if (e instanceof Stop) return;
        report({ kind: played ? 'stalled' : 'connecting' });
      }
      dropSink();
      try {
        await sleep(BACKOFF_MS[Math.min(failures++, BACKOFF_MS.length - 1)]!);
      } catch {
        return;
      }
    }
  })();
  return () => {
    abort.abort();
    video.removeEventListener('playing', onPlaying);
    video.removeEventListener('waiting', onWaiting);
    dropSink();
  };
}
