import { useEffect, useMemo, useRef, useState } from 'react';
import { Skeleton } from '@mantine/core';
import type { CameraMarker } from '@pantau/shared';
import { Popup, type GeoJSONSource, type Map as MapLibreMap, type MapLayerMouseEvent } from 'maplibre-gl';
import { boundsForRegion, useRegionBounds } from '../../../components/map/boundaries.ts';
import { DEFAULT_VIEW, MapCanvas, type InitialView } from '../../../components/map/MapCanvas.tsx';
import { useMe } from '../../auth/hooks/useMe.ts';
import { addCameraLayers, CAMERA_SOURCE, markersToGeoJson } from '../../map/hooks/cameraLayers.ts';

interface Props {
  markers: CameraMarker[];
  /** A click on a camera puts it into the selected cell. */
  onPick: (cameraId: string) => void;
}

/** A small camera map in the wall's side panel; loaded only when opened (maplibre is large). */
export default function WallMiniMap({ markers, onPick }: Props) {
  const me = useMe();
  const bounds = useRegionBounds();
  const [map, setMap] = useState<MapLibreMap | null>(null);
  const pick = useRef(onPick);
  useEffect(() => {
    pick.current = onPick;
  }, [onPick]);

  const initialView: InitialView = useMemo(() => {
    const b = bounds.data ? boundsForRegion(bounds.data, me.tenant.regionCode) : null;
    return b ? { bounds: b } : DEFAULT_VIEW;
  }, [bounds.data, me.tenant.regionCode]);

  useEffect(() => {
    if (!map) return;
    const data = markersToGeoJson(markers);
    const source = map.getSource<GeoJSONSource>(CAMERA_SOURCE);
    if (source) source.setData(data);
    else addCameraLayers(map, data);
  }, [map, markers]);

  useEffect(() => {
    if (!map) return;
    const hover = new Popup({ closeButton: false, closeOnClick: false, offset: 10 });
    const onPoint = (e: MapLayerMouseEvent) => {
      const id = e.features?.[0]?.properties?.id as string | undefined;
      if (id) pick.current(id);
    };
    const onCluster = (e: MapLayerMouseEvent) => {
      const f = e.features?.[0];
      const clusterId = f?.properties?.cluster_id as number | undefined;
      const source = map.getSource<GeoJSONSource>(CAMERA_SOURCE);
      if (clusterId === undefined || !source || f?.geometry.type !== 'Point') return;
      const center = f.geometry.coordinates as [number, number];
      void source.getClusterExpansionZoom(clusterId).then((zoom) => map.easeTo({ center, zoom }), () => undefined);
    };
    const onHover = (e: MapLayerMouseEvent) => {
      map.getCanvas().style.cursor = 'pointer';
      const name = e.features?.[0]?.properties?.name as string | undefined;
      if (name) hover.setLngLat(e.lngLat).setText(name).addTo(map);
    };
    const onLeave = () => {
      map.getCanvas().style.cursor = '';
      hover.remove();
    };
    map.on('click', 'camera-points', onPoint);
    map.on('click', 'camera-clusters', onCluster);
    map.on('mousemove', 'camera-points', onHover);
    map.on('mouseleave', 'camera-points', onLeave);
    return () => {
      map.off('click', 'camera-points', onPoint);
      map.off('click', 'camera-clusters', onCluster);
      map.off('mousemove', 'camera-points', onHover);
      map.off('mouseleave', 'camera-points', onLeave);
      hover.remove();
    };
  }, [map]);

  if (bounds.isPending) return <Skeleton h={200} />;
  return <MapCanvas initialView={initialView} onMap={setMap} height={200} regionHover={false} testId="wall-minimap" />;
}
