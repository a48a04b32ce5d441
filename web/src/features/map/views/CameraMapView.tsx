import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { Box, Loader } from '@mantine/core';
import type { CameraMarker } from '@pantau/shared';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Bounds } from '../../../components/map/boundaries.ts';
import { MapCanvas, type InitialView } from '../../../components/map/MapCanvas.tsx';
import { StatusLegend } from '../components/StatusLegend.tsx';
import { LivePlayer } from '../../live/components/LivePlayer.tsx';
import { useCameraLayer, type PopupPreview } from '../hooks/useCameraLayer.ts';

interface Props {
  initialView: InitialView;
  markers: CameraMarker[] | undefined;
  fetching: boolean;
  /** When this changes (a region filter), the map flies there. */
  focus: Bounds | null;
}

/** The full-height camera map with its legend, a live preview in the camera popup, and the marker count end-to-end tests read. */
export function CameraMapView({ initialView, markers, fetching, focus }: Props) {
  const [map, setMap] = useState<MapLibreMap | null>(null);
  const [preview, setPreview] = useState<PopupPreview | null>(null);
  const count = useCameraLayer(map, markers, setPreview);
  const previewStatus = preview ? (markers?.find((m) => m.id === preview.camera.id)?.status ?? preview.camera.status) : undefined;

  useEffect(() => {
    if (map && focus) map.fitBounds(focus, { padding: 40, duration: 600, maxZoom: 13 });
  }, [map, focus]);

  return (
    <Box pos="relative" style={{ flex: 1, minHeight: 420 }}>
      <MapCanvas initialView={initialView} onMap={setMap} height="100%" testId="map-canvas" />
      {markers && <StatusLegend markers={markers} />}
      {fetching && <Loader size="sm" pos="absolute" top={12} right={52} />}
      {preview &&
        createPortal(<LivePlayer cameraId={preview.camera.id} stream="sub" name={preview.camera.name} status={previewStatus} />, preview.slot, preview.camera.id)}
      <div data-testid="map-marker-count" hidden>
        {count ?? ''}
      </div>
    </Box>
  );
}
