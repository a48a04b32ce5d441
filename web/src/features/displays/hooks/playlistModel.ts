import type { Playlist, PlaylistInput } from '@pantau/shared';

/** One playlist row while edited; `key` keeps React rows stable while they are reordered. */
export interface ItemDraft {
  key: number;
  sceneId: string | null;
  seconds: number | string;
  days: number[];
  from: string;
  to: string;
}

export interface PlaylistDraft {
  name: string;
  items: ItemDraft[];
}

let nextKey = 1;

export function emptyItem(sceneId: string | null = null): ItemDraft {
  return { key: nextKey++, sceneId, seconds: 60, days: [], from: '', to: '' };
}

export function emptyPlaylist(): PlaylistDraft {
  return { name: '', items: [emptyItem()] };
}

export function playlistToDraft(p: Playlist): PlaylistDraft {
  return {
    name: p.name,
    items: p.items.map((i) => ({ key: nextKey++, sceneId: i.sceneId, seconds: i.seconds, days: [...i.days], from: i.from ?? '', to: i.to ?? '' })),
  };
}

/** A time input may give seconds ("08:00:00"); the contract wants HH:MM or nothing. */
function hhmm(v: string): string | null {
  const s = v.trim();
  return s ? s.slice(0, 5) : null;
}

export function playlistToInput(d: PlaylistDraft): PlaylistInput {
  return {
    name: d.name,
    items: d.items.map((i) => ({
      // an unpicked scene is sent as '' so the server's (and client's) uuid check names the row
      sceneId: i.sceneId ?? '',
      seconds: Number(i.seconds),
      days: [...i.days].sort((a, b) => a - b),
      from: hhmm(i.from),
      to: hhmm(i.to),
    })),
  };
}

/** Moves row `i` by `delta` places; out-of-range moves leave the list as it is. */
export function moveItem<T>(items: T[], i: number, delta: number): T[] {
  const j = i + delta;
  if (i < 0 || i >= items.length || j < 0 || j >= items.length) return items;
  const out = [...items];
  const [it] = out.splice(i, 1);
  out.splice(j, 0, it!);
  return out;
}

/** Days of week in display order: Monday first, as Indonesian calendars print them (0 = Sunday). */
export const WEEK: readonly number[] = [1, 2, 3, 4, 5, 6, 0];
