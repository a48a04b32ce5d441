/**
 * Request URLs of the simulator: `rtsp://host:port/<name>[/main|/sub][/trackID=0][?fault=...]`.
 * Pure. Clients build track URLs in different ways (ffmpeg and Pantau append `/trackID=0` even
 * after a query, others resolve per RFC 3986), so the track suffix is accepted in the path or at
 * the end of the query.
 */

/** Which encoding of a camera. */
export type StreamName = 'main' | 'sub';

/** A request URL that names a stream. */
export interface StreamPath {
  readonly camera: string;
  readonly stream: StreamName;
  /** Track number from a `trackID=N` suffix, or null for the aggregate URL. */
  readonly track: number | null;
  /** Fault specs from `?fault=` parameters. */
  readonly faults: readonly string[];
  /** `rtsp://authority/path` without track suffix, query or trailing slash. */
  readonly base: string;
  /** The query without its `?` and without a track suffix ('' when none). */
  readonly query: string;
}

/** Why a URL was refused: `bad-url` → 400, `not-found` → 404. */
export type PathError = 'bad-url' | 'not-found';

const TRACK = /^track(?:id)?=(\d{1,3})$/i;
const TRACK_IN_QUERY = /\/track(?:id)?=(\d{1,3})$/i;

function decode(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}

/** Parses a request URL (absolute `rtsp://` or an absolute path). */
export function parseStreamPath(url: string): { ok: true; path: StreamPath } | { ok: false; error: PathError } {
  if (url.length > 2048 || /[\s\0]/.test(url)) return { ok: false, error: 'bad-url' };
  let authority = '';
  let rest = url;
  const abs = /^rtsps?:\/\/([^/?#]*)(.*)$/i.exec(url);
  if (abs) {
    authority = abs[1] as string;
    rest = abs[2] as string;
    if (authority === '') return { ok: false, error: 'bad-url' };
  } else if (!url.startsWith('/')) {
    return { ok: false, error: 'bad-url' };
  }
  const hash = rest.indexOf('#');
  if (hash >= 0) rest = rest.slice(0, hash);
  const q = rest.indexOf('?');
  let pathPart = q < 0 ? rest : rest.slice(0, q);
  let query = q < 0 ? '' : rest.slice(q + 1);
  let track: number | null = null;
  const inQuery = TRACK_IN_QUERY.exec(query);
  if (inQuery) {
    track = Number(inQuery[1]);
    query = query.slice(0, inQuery.index);
  }
  const segments: string[] = [];
  for (const raw of pathPart.split('/')) {
    if (raw === '') continue;
    const seg = decode(raw);
    if (seg === null) return { ok: false, error: 'bad-url' };
    segments.push(seg);
  }
  const last = segments[segments.length - 1];
  const trackSeg = last === undefined ? null : TRACK.exec(last);
  if (trackSeg) {
    if (track !== null) return { ok: false, error: 'not-found' };
    track = Number(trackSeg[1]);
    segments.pop();
    pathPart = pathPart.replace(/\/+$/, '').replace(/\/[^/]*$/, '');
  }
  const [camera, streamSeg, ...extra] = segments;
  if (camera === undefined || extra.length > 0) return { ok: false, error: 'not-found' };
  if (streamSeg !== undefined && streamSeg !== 'main' && streamSeg !== 'sub') return { ok: false, error: 'not-found' };
  let faults: string[];
  try {
    faults = new URLSearchParams(query).getAll('fault').flatMap((f) => f.split(',')).filter((f) => f !== '');
  } catch {
    return { ok: false, error: 'bad-url' };
  }
  const base = `${abs ? url.slice(0, url.indexOf('//') + 2) + authority : ''}${pathPart.replace(/\/+$/, '')}`;
  return { ok: true, path: { camera, stream: streamSeg ?? 'main', track, faults, base, query } };
}

/** The track's control URL as written in the SDP and echoed in RTP-Info. */
export function trackUrl(path: StreamPath): string {
  return `${path.base}/trackID=0${path.query === '' ? '' : `?${path.query}`}`;
}

/** Same stream (camera and encoding), whatever the track suffix or query. */
export function sameStream(a: StreamPath, b: StreamPath): boolean {
  return a.camera === b.camera && a.stream === b.stream;
}
