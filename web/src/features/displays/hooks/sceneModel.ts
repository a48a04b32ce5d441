import { SCENE_SLOTS, type Scene, type SceneInput, type SceneLayout, type Tile } from '@pantau/shared';

export type TileKind = Tile['kind'];
export const TILE_KINDS: readonly TileKind[] = ['cameras', 'incident_map', 'stats', 'announcements', 'clock_weather'];
export type CameraGrid = 1 | 4 | 9 | 16;

/**
 * One slot while it is edited. Every kind's settings are kept side by side, so switching a slot's
 * kind and back does not lose what was typed; announcements stay raw text until saved, so a new
 * empty line survives while the operator is still typing it.
 */
export interface TileDraft {
  kind: TileKind;
  cameraIds: string[];
  grid: CameraGrid;
  dwellSeconds: number | string;
  messagesText: string;
  weatherText: string;
}

export interface SceneDraft {
  name: string;
  layout: SceneLayout;
  tiles: TileDraft[];
  tickerText: string;
}

export function emptyTile(kind: TileKind = 'clock_weather'): TileDraft {
  return { kind, cameraIds: [], grid: 4, dwellSeconds: 20, messagesText: '', weatherText: '' };
}

export function emptyScene(): SceneDraft {
  return { name: '', layout: 'full', tiles: [emptyTile('cameras')], tickerText: '' };
}

/** Non-empty trimmed lines of a textarea. */
export function linesOf(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
}

/** The slots of another layout: tiles keep their place, extra ones drop, new slots get a clock. */
export function resizeTiles(tiles: TileDraft[], layout: SceneLayout): TileDraft[] {
  const n = SCENE_SLOTS[layout];
  return Array.from({ length: n }, (_, i) => tiles[i] ?? emptyTile());
}

export function tileFromDraft(d: TileDraft): Tile {
  switch (d.kind) {
    case 'cameras':
      return { kind: 'cameras', cameraIds: d.cameraIds, grid: d.grid, dwellSeconds: Number(d.dwellSeconds) };
    case 'announcements':
      return { kind: 'announcements', messages: linesOf(d.messagesText) };
    case 'clock_weather':
      return { kind: 'clock_weather', weatherText: d.weatherText.trim() };
    case 'incident_map':
      return { kind: 'incident_map' };
    case 'stats':
      return { kind: 'stats' };
  }
}

export function draftFromTile(t: Tile): TileDraft {
  const base = emptyTile(t.kind);
  if (t.kind === 'cameras') return { ...base, cameraIds: t.cameraIds, grid: t.grid, dwellSeconds: t.dwellSeconds };
  if (t.kind === 'announcements') return { ...base, messagesText: t.messages.join('\n') };
  if (t.kind === 'clock_weather') return { ...base, weatherText: t.weatherText };
  return base;
}

export function sceneToInput(d: SceneDraft): SceneInput {
  return { name: d.name, layout: d.layout, tiles: d.tiles.map(tileFromDraft), ticker: linesOf(d.tickerText) };
}

export function sceneToDraft(s: Scene): SceneDraft {
  return { name: s.name, layout: s.layout, tiles: resizeTiles(s.tiles.map(draftFromTile), s.layout), tickerText: s.ticker.join('\n') };
}
