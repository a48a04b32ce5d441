import type { CameraMarker } from '@pantau/shared';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { STATUS_HEX } from '../../../lib/status.ts';

export const CAMERA_SOURCE = 'cameras';

/** Markers as GeoJSON points, skipping any without usable coordinates. */
export function markersToGeoJson(markers: CameraMarker[]) {
  return {
    type: 'FeatureCollection' as const,
    features: markers
      .filter((m) => Number.isFinite(m.lat) && Number.isFinite(m.lng))
      .map((m) => ({
        type: 'Feature' as const,
        properties: { id: m.id, name: m.name, category: m.category, status: m.status },
        geometry: { type: 'Point' as const, coordinates: [m.lng, m.lat] },
      })),
  };
}

/** The clustered camera source and its two circle layers (no text: labels would need glyphs). */
export function addCameraLayers(map: MapLibreMap, data: ReturnType<typeof markersToGeoJson>): void {
  map.addSource(CAMERA_SOURCE, { type: 'geojson', data, cluster: true, clusterRadius: 45, clusterMaxZoom: 14 });
  map.addLayer({
    id: 'camera-clusters',
    type: 'circle',
    source: CAMERA_SOURCE,
    filter: ['has', 'point_count'],
    paint: {
      'circle-color': ['step', ['get', 'point_count'], '#1c7ed6', 10, '#1098ad', 50, '#0ca678', 200, '#f59f00'],
      'circle-radius': ['step', ['get', 'point_count'], 13, 10, 18, 50, 24, 200, 30],
      'circle-opacity': 0.8,
      'circle-stroke-color': '#e7f5ff',
      'circle-stroke-width': 1.5,
      'circle-stroke-opacity': 0.7,
    },
  });
  map.addLayer({
    id: 'camera-points',
    type: 'circle',
    source: CAMERA_SOURCE,
    filter: ['!', ['has', 'point_count']],
    paint: {
      'circle-color': [
        'match',
        ['get', 'status'],
        'online',
        STATUS_HEX.online,
        'offline',
        STATUS_HEX.offline,
        'error',
        STATUS_HEX.error,
        'disabled',
        STATUS_HEX.disabled,
        STATUS_HEX.unknown,
      ],
      'circle-radius': ['interpolate', ['linear'], ['zoom'], 6, 5, 14, 8],
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': 1.5,
    },
  });
}
