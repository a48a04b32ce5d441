/**
 * Reading Pantau's LL-HLS media playlists and choosing what to fetch next. Pure, for tests; the
 * player only moves bytes.
 */

/** One fetchable piece: a part of a segment, or a whole segment whose parts are no longer listed. */
export interface MediaUnit {
  msn: number;
  /** Index of the part in its segment; null for a whole segment. */
  part: number | null;
  uri: string;
  duration: number;
  /** Starts with a keyframe. */
  independent: boolean;
  /** URI of the init segment (EXT-X-MAP) it needs. */
  map: string;
  /** The segment it belongs to is complete (its EXTINF is listed). */
  segmentComplete: boolean;
}

export interface MediaPlaylist {
  mediaSequence: number;
  targetDuration: number;
  partTarget: number | null;
  partHoldBack: number | null;
  canBlockReload: boolean;
  /** In playback order. */
  units: MediaUnit[];
}

/** Where the player stands: the next unit it needs. */
export interface Position {
  msn: number;
  part: number;
}

function attrs(list: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of list.matchAll(/([A-Z0-9-]+)=("[^"]*"|[^,]*)/g)) out[m[1]!] = m[2]!.replace(/^"|"$/g, '');
  return out;
}

/** Parses a media playlist; null when the text is not one. */
export function parsePlaylist(text: string): MediaPlaylist | null {
  const lines = text.split(/\r?\n/);
  if (lines[0]?.trim() !== '#EXTM3U') return null;
  const p: MediaPlaylist = { mediaSequence: 0, targetDuration: 0, partTarget: null, partHoldBack: null, canBlockReload: false, units: [] };
  let map = '';
  let msn: number | null = null;
  let parts: MediaUnit[] = [];
  let extinf: number | null = null;
  for (const raw of lines) {
    const line = raw.trim();
    if (!line) continue;
    const [tag, rest = ''] = line.startsWith('#') ? [line.slice(0, line.indexOf(':') < 0 ? line.length : line.indexOf(':')), line.slice(line.indexOf(':') + 1)] : ['', ''];
    msn ??= p.mediaSequence;
    if (tag === '#EXT-X-MEDIA-SEQUENCE') msn = p.mediaSequence = Number(rest);
    else if (tag === '#EXT-X-TARGETDURATION') p.targetDuration = Number(rest);
    else if (tag === '#EXT-X-PART-INF') p.partTarget = Number(attrs(rest)['PART-TARGET']);
    else if (tag === '#EXT-X-SERVER-CONTROL') {
      const a = attrs(rest);
      p.canBlockReload = a['CAN-BLOCK-RELOAD'] === 'YES';
      if (a['PART-HOLD-BACK']) p.partHoldBack = Number(a['PART-HOLD-BACK']);
    } else if (tag === '#EXT-X-MAP') map = attrs(rest).URI ?? '';
    else if (tag === '#EXT-X-PART') {
      const a = attrs(rest);
      parts.push({ msn, part: parts.length, uri: a.URI ?? '', duration: Number(a.DURATION), independent: a.INDEPENDENT === 'YES', map, segmentComplete: false });
    } else if (tag === '#EXTINF') extinf = Number(rest.split(',')[0]);
    else if (!line.startsWith('#') && extinf !== null) {
      if (parts.length) p.units.push(...parts.map((u) => ({ ...u, segmentComplete: true })));
      // segments start at keyframes, except a long keyframe group cut at the target duration
      else p.units.push({ msn, part: null, uri: line, duration: extinf, independent: true, map, segmentComplete: true });
      parts = [];
      extinf = null;
      msn++;
    }
  }
  p.units.push(...parts); // the open segment's parts
  return p;
}

/**
 * Where a player joining now starts: the latest keyframe at least `holdBack` seconds before the
 * live edge, so it has that much buffer at once (RFC 8216bis PART-HOLD-BACK).
 */
export function startPosition(p: MediaPlaylist, holdBack: number): Position | null {
  let behind = 0;
  let fallback: MediaUnit | null = null;
  for (let i = p.units.length - 1; i >= 0; i--) {
    const u = p.units[i]!;
    behind += u.duration;
    if (!u.independent) continue;
    fallback = u; // the oldest keyframe, should the window be shorter than the hold-back
    if (behind >= holdBack) return { msn: u.msn, part: u.part ?? 0 };
  }
  return fallback ? { msn: fallback.msn, part: fallback.part ?? 0 } : null;
}

/**
 * The unit at `pos`, or what follows when its segment ended with fewer parts; `behind` when the
 * window has moved past it (the player fell behind and must rejoin); null when it is not out yet.
 */
export function unitAt(p: MediaPlaylist, pos: Position): MediaUnit | 'behind' | null {
  if (pos.msn < p.mediaSequence) return 'behind';
  for (const u of p.units) {
    if (u.msn < pos.msn) continue;
    if (u.msn > pos.msn) return u;
    if (u.part === null) {
      if (pos.part === 0) return u;
    } else if (u.part >= pos.part) return u;
  }
  return null;
}

/** The position after a unit. */
export function after(u: MediaUnit): Position {
  return u.part === null ? { msn: u.msn + 1, part: 0 } : { msn: u.msn, part: u.part + 1 };
}

/** Query of a blocking reload that returns once `pos` exists. */
export function blockingQuery(pos: Position): string {
  return `_HLS_msn=${pos.msn}&_HLS_part=${pos.part}`;
}
