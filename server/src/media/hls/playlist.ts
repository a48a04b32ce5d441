/**
 * LL-HLS media playlists (RFC 8216bis) from the packager's window. Pure: the packager hands over
 * what it holds, this turns it into text, so every tag is covered by table tests.
 */

/** A closed partial segment. */
export interface PlaylistPart {
  /** Seconds. */
  duration: number;
  /** Starts with a keyframe: a player may begin here. */
  independent: boolean;
}

/** A segment of the window; the last one may still be open (only its parts are listed then). */
export interface PlaylistSegment {
  msn: number;
  /** Seconds, for complete segments. */
  duration: number;
  /** Wall clock at the segment's first picture, ms since epoch. */
  programDateMs: number;
  /** The first segment after the camera came back (or its codec changed). */
  discontinuity: boolean;
  /** Which init segment (EXT-X-MAP) its fragments need. */
  initId: number;
  parts: PlaylistPart[];
  complete: boolean;
}

export interface PlaylistInput {
  /** Path prefix of media URIs relative to the playlist, e.g. `k3x9a/` (the packager's generation). */
  prefix: string;
  /** EXT-X-TARGETDURATION, whole seconds: no segment is longer. */
  targetDuration: number;
  partTarget: number;
  discontinuitySequence: number;
  segments: PlaylistSegment[];
  /** Parts are listed for segments whose end lies within this many seconds of the live edge. */
  partWindowS: number;
}

/** Names of the media files under a packager generation: stable, so a cache may keep them forever. */
export const hlsFiles = {
  init: (id: number) => `init-${id}.mp4`,
  segment: (msn: number) => `seg-${msn}.m4s`,
  part: (msn: number, part: number) => `part-${msn}.${part}.m4s`,
};

/** A media file name parsed back; null for anything else. */
export function parseHlsFile(name: string): { kind: 'init'; id: number } | { kind: 'segment'; msn: number } | { kind: 'part'; msn: number; part: number } | null {
  let m = /^init-(\d{1,9})\.mp4$/.exec(name);
  if (m) return { kind: 'init', id: Number(m[1]) };
  m = /^seg-(\d{1,12})\.m4s$/.exec(name);
  if (m) return { kind: 'segment', msn: Number(m[1]) };
  m = /^part-(\d{1,12})\.(\d{1,4})\.m4s$/.exec(name);
  if (m) return { kind: 'part', msn: Number(m[1]), part: Number(m[2]) };
  return null;
}

const dec = (s: number) => s.toFixed(5);

/** The media playlist text; null when the window holds no complete segment yet. */
export function buildPlaylist(p: PlaylistInput): string | null {
  const first = p.segments[0];
  if (!first || !p.segments.some((s) => s.complete)) return null;
  const out = [
    '#EXTM3U',
    '#EXT-X-VERSION:9',
    `#EXT-X-TARGETDURATION:${p.targetDuration}`,
    `#EXT-X-PART-INF:PART-TARGET=${dec(p.partTarget)}`,
    // three parts behind the edge: the distance RFC 8216bis recommends for players that join
    `#EXT-X-SERVER-CONTROL:CAN-BLOCK-RELOAD=YES,PART-HOLD-BACK=${dec(p.partTarget * 3)}`,
    `#EXT-X-MEDIA-SEQUENCE:${first.msn}`,
    `#EXT-X-DISCONTINUITY-SEQUENCE:${p.discontinuitySequence}`,
  ];
  let end = 0;
  for (const s of p.segments) end += s.complete ? s.duration : s.parts.reduce((n, x) => n + x.duration, 0);
  let startOf = 0;
  let map: number | null = null;
  for (const s of p.segments) {
    if (!s.complete && s.parts.length === 0) continue; // just opened: nothing to list yet
    const segDuration = s.complete ? s.duration : s.parts.reduce((n, x) => n + x.duration, 0);
    if (s.discontinuity && s !== first) out.push('#EXT-X-DISCONTINUITY');
    if (map !== s.initId) {
      out.push(`#EXT-X-MAP:URI="${p.prefix}${hlsFiles.init(s.initId)}"`);
      map = s.initId;
    }
    out.push(`#EXT-X-PROGRAM-DATE-TIME:${new Date(s.programDateMs).toISOString()}`);
    if (end - (startOf + segDuration) < p.partWindowS || !s.complete) {
      s.parts.forEach((x, i) => out.push(`#EXT-X-PART:DURATION=${dec(x.duration)},URI="${p.prefix}${hlsFiles.part(s.msn, i)}"${x.independent ? ',INDEPENDENT=YES' : ''}`));
    }
    if (s.complete) out.push(`#EXTINF:${dec(s.duration)},`, `${p.prefix}${hlsFiles.segment(s.msn)}`);
    startOf += segDuration;
  }
  const last = p.segments[p.segments.length - 1]!;
  // the next part a player should ask for: the open segment's next, or part 0 of the next segment
  const next = last.complete ? { msn: last.msn + 1, part: 0 } : { msn: last.msn, part: last.parts.length };
  out.push(`#EXT-X-PRELOAD-HINT:TYPE=PART,URI="${p.prefix}${hlsFiles.part(next.msn, next.part)}"`);
  return `${out.join('\n')}\n`;
}
