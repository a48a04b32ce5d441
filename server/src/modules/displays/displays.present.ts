import {
  displayShowingSchema,
  hlsPlaylistPath,
  playlistItemSchema,
  tileSchema,
  type Display,
  type DisplayShowing,
  type KioskScene,
  type KioskState,
  type KioskTile,
  type Playlist,
  type PlaylistItem,
  type PortalTier,
  type Scene,
  type SceneLayout,
  type Tile,
} from '@pantau/shared';
import type { DisplayRow, PlaylistRow, SceneRow } from './displays.repository.ts';

/** A camera as the resolver needs it. */
export interface CameraFacts {
  id: string;
  name: string;
  visibility: string;
  enabled: boolean;
}

/** Camera tiers a display of this tier may show; `internal` is never among them. */
export function tiersFor(tier: PortalTier): readonly string[] {
  return tier === 'pimpinan' ? ['public', 'pimpinan'] : ['public'];
}

const tilesOf = (r: SceneRow): Tile[] => (r.tiles as unknown[]).map((t) => tileSchema.parse(t));
const itemsOf = (r: PlaylistRow): PlaylistItem[] => (r.items as unknown[]).map((i) => playlistItemSchema.parse(i));

export const presentScene = (r: SceneRow): Scene => ({ id: r.id, name: r.name, layout: r.layout as SceneLayout, tiles: tilesOf(r), ticker: r.ticker, updatedAt: r.updated_at.toISOString() });
export const presentPlaylist = (r: PlaylistRow): Playlist => ({ id: r.id, name: r.name, items: itemsOf(r), updatedAt: r.updated_at.toISOString() });

/** The stored push, or the playlist when there is none or it has run out (no worker ends pushes). */
export function showingOf(r: DisplayRow, now: Date): DisplayShowing {
  if (!r.push) return { mode: 'playlist' };
  const parsed = displayShowingSchema.safeParse({ mode: 'push', ...(r.push as object) });
  if (!parsed.success || parsed.data.mode !== 'push') return { mode: 'playlist' };
  if (parsed.data.until && Date.parse(parsed.data.until) <= now.getTime()) return { mode: 'playlist' };
  return parsed.data;
}

export function presentDisplay(r: DisplayRow, online: boolean, now: Date): Display {
  return {
    id: r.id,
    name: r.name,
    location: r.location,
    tier: r.tier as PortalTier,
    state: r.state as Display['state'],
    playlistId: r.playlist_id,
    showing: showingOf(r, now),
    online,
    lastSeenAt: r.last_seen_at?.toISOString() ?? null,
    pairedAt: r.paired_at.toISOString(),
  };
}

/** Camera ids a set of tiles (or a push) refers to. */
export function cameraIdsOf(tiles: Tile[]): string[] {
  return tiles.flatMap((t) => (t.kind === 'cameras' ? t.cameraIds : []));
}

/** Everything the resolver reads, fetched by the service. */
export interface ResolveInput {
  display: DisplayRow;
  playlist: PlaylistItem[];
  scenes: Map<string, Scene>;
  cameras: Map<string, CameraFacts>;
  now: Date;
}

/**
 * The kiosk's state for its tier. Cameras are filtered here, at resolve time, so a camera made
 * internal (or pimpinan, for a public display) after it was put in a scene disappears at once.
 */
export function resolveKioskState(input: ResolveInput): KioskState {
  const { display, scenes, now } = input;
  const tier = display.tier as PortalTier;
  const allowed = new Set(tiersFor(tier));
  const camera = (id: string) => {
    const c = input.cameras.get(id);
    return c && c.enabled && allowed.has(c.visibility) ? { id: c.id, name: c.name, hls: hlsPlaylistPath(c.id) } : null;
  };
  const tile = (t: Tile): KioskTile =>
    t.kind === 'cameras' ? { kind: 'cameras', cameras: t.cameraIds.flatMap((id) => camera(id) ?? []), grid: t.grid, dwellSeconds: t.dwellSeconds } : t;
  const scene = (s: Scene): KioskScene => ({ id: s.id, name: s.name, layout: s.layout, tiles: s.tiles.map(tile), ticker: s.ticker });

  const playlist = input.playlist.flatMap((item) => {
    const s = scenes.get(item.sceneId);
    return s ? [{ scene: scene(s), seconds: item.seconds, days: item.days, from: item.from, to: item.to }] : [];
  });

  let override: KioskState['override'] = null;
  const showing = showingOf(display, now);
  if (showing.mode === 'push') {
    const p = showing.push;
    if (p.kind === 'scene') {
      const s = scenes.get(p.sceneId);
      if (s) override = { scene: scene(s), until: showing.until };
    } else {
      const ids = p.kind === 'camera' ? [p.cameraId] : p.cameraIds;
      const cams = ids.flatMap((id) => camera(id) ?? []);
      // a push whose cameras this display may no longer show falls back to the playlist
      if (cams.length) {
        const grid = p.kind === 'camera' ? 1 : p.grid;
        const name = p.kind === 'camera' ? cams[0]!.name : `${cams.length} kamera`;
        override = { scene: { id: `push-${Date.parse(showing.at)}`, name, layout: 'full', tiles: [{ kind: 'cameras', cameras: cams, grid, dwellSeconds: 20 }], ticker: [] }, until: showing.until };
      }
    }
  }
  return { display: { id: display.id, name: display.name, tier }, playlist, override, serverTime: now.toISOString(), timeZone: display.time_zone };
}
