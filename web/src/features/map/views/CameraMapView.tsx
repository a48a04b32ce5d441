import { useEffect, useState } from 'react';
import { Box, Loader } from '@mantine/core';
import type { CameraMarker } from '@pantau/shared';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Bounds } from '../../../components/map/boundaries.ts';
import { MapCanvas, type InitialView } from '../../../components/map/MapCanvas.tsx';
import { StatusLegend } from '../components/StatusLegend.tsx';
import { useCameraLayer } from '../hooks/useCameraLayer.ts';

interface Props {
  initialView: InitialView;
  markers: CameraMarker[] | undefined;
  fetching: boolean;
  /** When this changes (a region filter), the map flies there. */
  focus: Bounds | null;
}

/** The full-height camera map with its legend and the marker count end-to-end tests read. */
export function CameraMapView({ initialView, markers, fetching, focus }: Props) {
  const [map, setMap] = useState<MapLibreMap | null>(null);
  const count = useCameraLayer(map, markers);

  useEffect(() => {
    if (map && focus) map.fitBounds(focus, { padding: 40, duration: 600, maxZoom: 13 });
  }, [map, focus]);

  return (
    <Box pos="relative" style={{ flex: 1, minHeight: 420 }}>
      <MapCanvas initialView={initialView} onMap={setMap} height="100%" testId="map-canvas" />
      {markers && <StatusLegend markers={markers} />}
      {fetching && <Loader size="sm" pos="absolute" top={12} right={52} />}
      <div data-testid="map-marker-count" hidden>
        {count ?? ''}
      </div>
    </Box>
  );
}
