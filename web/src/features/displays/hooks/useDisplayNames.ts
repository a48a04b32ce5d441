import { useMemo } from 'react';
import type { CameraMarker } from '@pantau/shared';
import { useCameraMarkers } from '../../../api/cameras.ts';
import { usePlaylists, useScenes } from '../../../api/displays.ts';
import { useCan } from '../../auth/hooks/useMe.ts';

const NO_FILTERS = {};

export interface DisplayNames {
  cameras: Map<string, CameraMarker>;
  scenes: Map<string, string>;
  playlists: Map<string, string>;
  /** Every camera the user may see, for pickers (filtered by tier where used). */
  cameraList: CameraMarker[];
}

/**
 * Names behind the ids a display carries (pushed camera, scene, playlist). Scenes and playlists
 * are only asked for by those who manage or push, so a read-only viewer causes no refused requests.
 */
export function useDisplayNames(): DisplayNames {
  const can = useCan();
  const manage = can('display.manage');
  const markers = useCameraMarkers(NO_FILTERS);
  // pushing a scene needs the scene list too
  const scenes = useScenes(manage || can('display.push'));
  const playlists = usePlaylists(manage);
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
