import { useMemo } from 'react';
import type { CameraMarker } from '@pantau/shared';
import { useCameraMarkers } from '../../../api/cameras.ts';
import { usePlaylists, useScenes } from '../../../api/displays.ts';

const NO_FILTERS = {};

export interface DisplayNames {
  cameras: Map<string, CameraMarker>;
  scenes: Map<string, string>;
  playlists: Map<string, string>;
  /** Every camera the user may see, for pickers (filtered by tier where used). */
  cameraList: CameraMarker[];
}

/**
 * Names behind the ids a display carries (pushed camera, scene, playlist). Only used on pages
 * behind display.read, which also lets the server answer the scene and playlist lists.
 */
export function useDisplayNames(): DisplayNames {
  const markers = useCameraMarkers(NO_FILTERS);
  const scenes = useScenes();
  const playlists = usePlaylists();
  return useMemo(
    () => ({
      cameras: new Map((markers.data ?? []).map((m) => [m.id, m])),
      scenes: new Map((scenes.data ?? []).map((s) => [s.id, s.name])),
      playlists: new Map((playlists.data ?? []).map((p) => [p.id, p.name])),
      cameraList: markers.data ?? [],
    }),
    [markers.data, scenes.data, playlists.data],
  );
}
