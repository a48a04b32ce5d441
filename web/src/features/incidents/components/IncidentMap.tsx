import { useEffect, useState } from 'react';
import type { GeoJSONSource, Map as MapLibreMap, MapLayerMouseEvent } from 'maplibre-gl';
import type { IncidentSummary } from '@pantau/shared';
import { MapCanvas } from '../../../components/map/MapCanvas.tsx';
import { PRIORITY_HEX } from './IncidentBadges.tsx';

const SOURCE = 'incidents';
const LAYER = 'incident-points';
/** Palangka Raya, where the demo command center sits; the board usually looks at one city. */
const VIEW = { center: [113.915, -2.21] as [number, number], zoom: 11.5 };

/** Active incidents as points coloured by priority (a ring when the SLA is breached); click opens one. */
export function IncidentMap({ incidents, onOpen, height = 420 }: { incidents: IncidentSummary[]; onOpen: (id: string) => void; height?: number | string }) {
  const [map, setMap] = useState<MapLibreMap | null>(null);

  useEffect(() => {
    if (!map) return;
    const data = {
      type: 'FeatureCollection' as const,
      features: incidents.map((i) => ({
        type: 'Feature' as const,
        properties: { id: i.id, color: PRIORITY_HEX[i.priority], breached: i.response.state === 'breached' || i.resolution.state === 'breached' ? 1 : 0 },
        geometry: { type: 'Point' as const, coordinates: [i.lng, i.lat] },
      })),
    };
    const source = map.getSource<GeoJSONSource>(SOURCE);
    if (source) return void source.setData(data);
    map.addSource(SOURCE, { type: 'geojson', data });
    map.addLayer({
      id: LAYER,
      type: 'circle',
      source: SOURCE,
      paint: {
        'circle-radius': 8,
        'circle-color': ['get', 'color'],
        'circle-stroke-color': ['case', ['==', ['get', 'breached'], 1], '#c92a2a', '#ffffff'],
        'circle-stroke-width': ['case', ['==', ['get', 'breached'], 1], 4, 2],
      },
    });
  }, [map, incidents]);

  useEffect(() => {
    if (!map) return;
    const click = (e: MapLayerMouseEvent) => {
      const id = e.features?.[0]?.properties?.id;
      if (typeof id === 'string') onOpen(id);
    };
    const enter = () => void (map.getCanvas().style.cursor = 'pointer');
    const leave = () => void (map.getCanvas().style.cursor = '');
    map.on('click', LAYER, click);
    map.on('mouseenter', LAYER, enter);
    map.on('mouseleave', LAYER, leave);
    return () => {
      map.off('click', LAYER, click);
      map.off('mouseenter', LAYER, enter);
      map.off('mouseleave', LAYER, leave);
    };
  }, [map, onOpen]);

  return <MapCanvas initialView={VIEW} onMap={setMap} height={height} regionHover={false} testId="incident-map" />;
}
