import { useEffect, useState } from 'react';
import type { Map as MapLibreMap, MapMouseEvent } from 'maplibre-gl';
import { DEFAULT_VIEW, MapCanvas } from './MapCanvas.tsx';
import { setPoint } from './pointLayer.ts';

interface Props {
  lat: number | null;
  lng: number | null;
  color?: string;
  height?: number;
  /** When given, a click on the map picks a location. */
  onPick?: (lat: number, lng: number) => void;
  testId?: string;
}

const isCoord = (lat: number | null, lng: number | null): lat is number =>
  lat !== null && lng !== null && Number.isFinite(lat) && Number.isFinite(lng) && Math.abs(lat) <= 90 && Math.abs(lng) <= 180;

/** A small map of one location: the camera detail map, and the "pick on map" of the form. */
export function LocationMap({ lat, lng, color, height = 260, onPick, testId }: Props) {
  const [map, setMap] = useState<MapLibreMap | null>(null);
  const has = isCoord(lat, lng);
  const [initial] = useState(() => (has ? { center: [lng!, lat] as [number, number], zoom: 11 } : DEFAULT_VIEW));

  useEffect(() => {
    if (!map) return;
    setPoint(map, has ? [lng!, lat] : null, color);
  }, [map, has, lat, lng, color]);

  useEffect(() => {
    if (!map || !onPick) return;
    map.getCanvas().style.cursor = 'crosshair';
    const click = (e: MapMouseEvent) => onPick(Number(e.lngLat.lat.toFixed(6)), Number(e.lngLat.lng.toFixed(6)));
    map.on('click', click);
    return () => {
      map.off('click', click);
    };
  }, [map, onPick]);

  return <MapCanvas initialView={initial} onMap={setMap} height={height} regionHover={!onPick} testId={testId} />;
}
