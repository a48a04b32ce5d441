import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';

const SOURCE = 'single-point';
const LAYER = 'camera-point';

/** Shows (or moves, or hides with null) one highlighted point, for a camera's own map. */
export function setPoint(map: MapLibreMap, lngLat: [number, number] | null, color = '#22b8cf'): void {
  const data = {
    type: 'FeatureCollection' as const,
    features: lngLat ? [{ type: 'Feature' as const, properties: {}, geometry: { type: 'Point' as const, coordinates: lngLat } }] : [],
  };
  const source = map.getSource<GeoJSONSource>(SOURCE);
  if (source) {
    source.setData(data);
  } else {
    map.addSource(SOURCE, { type: 'geojson', data });
    map.addLayer({
      id: `${LAYER}-halo`,
      type: 'circle',
      source: SOURCE,
      paint: { 'circle-radius': 14, 'circle-color': color, 'circle-opacity': 0.25 },
    });
    map.addLayer({
      id: LAYER,
      type: 'circle',
      source: SOURCE,
      paint: { 'circle-radius': 7, 'circle-color': color, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2 },
    });
  }
  if (map.getLayer(LAYER)) map.setPaintProperty(LAYER, 'circle-color', color);
}
