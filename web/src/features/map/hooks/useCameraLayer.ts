import { useEffect, useRef, useState } from 'react';
import type { CameraMarker } from '@pantau/shared';
import { Popup, type GeoJSONSource, type Map as MapLibreMap, type MapLayerMouseEvent } from 'maplibre-gl';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { cameraPopupContent, type PopupCamera } from '../components/cameraPopup.ts';

/** The camera whose popup is open and the element its live preview renders into. */
export interface PopupPreview {
  camera: PopupCamera;
  slot: HTMLElement;
}
import { addCameraLayers, CAMERA_SOURCE, markersToGeoJson } from './cameraLayers.ts';

/**
 * Keeps the clustered camera source in step with `markers` and wires its interactions:
 * a cluster zooms in, a camera opens a popup (reported through `onPreview` while open, so the map
 * can show it live). Returns how many cameras the source holds.
 */
export function useCameraLayer(map: MapLibreMap | null, markers: CameraMarker[] | undefined, onPreview?: (p: PopupPreview | null) => void): number | null {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [loaded, setLoaded] = useState<number | null>(null);
  const preview = useRef(onPreview);
  useEffect(() => {
    preview.current = onPreview;
  }, [onPreview]);

  useEffect(() => {
    if (!map || !markers) return;
    const data = markersToGeoJson(markers);
    const source = map.getSource<GeoJSONSource>(CAMERA_SOURCE);
    if (source) source.setData(data);
    else addCameraLayers(map, data);
    setLoaded(data.features.length);
  }, [map, markers]);

  useEffect(() => {
    if (!map) return;
    const popup = new Popup({ offset: 10, maxWidth: '290px' });
    // closing the popup ends its live preview (and unsubscribes the stream)
    popup.on('close', () => preview.current?.(null));
    const hover = new Popup({ closeButton: false, closeOnClick: false, offset: 14 });

    const onCluster = async (e: MapLayerMouseEvent) => {
      const f = e.features?.[0];
      const clusterId = f?.properties?.cluster_id as number | undefined;
      const source = map.getSource<GeoJSONSource>(CAMERA_SOURCE);
      if (clusterId === undefined || !source || f?.geometry.type !== 'Point') return;
      const zoom = await source.getClusterExpansionZoom(clusterId);
      map.easeTo({ center: f.geometry.coordinates as [number, number], zoom });
    };
    const onPoint = (e: MapLayerMouseEvent) => {
      const f = e.features?.[0];
      if (!f || f.geometry.type !== 'Point') return;
      const cam = f.properties as PopupCamera;
      const content = cameraPopupContent(cam, t, (id) => void navigate(`/cameras/${id}`));
      popup.setLngLat(f.geometry.coordinates as [number, number]).setDOMContent(content.root).addTo(map);
      preview.current?.({ camera: cam, slot: content.preview });
    };
    const onClusterHover = (e: MapLayerMouseEvent) => {
      const n = e.features?.[0]?.properties?.point_count as number | undefined;
      if (n) hover.setLngLat(e.lngLat).setText(t('map.clusterCount', { count: n })).addTo(map);
    };
    const pointer = () => (map.getCanvas().style.cursor = 'pointer');
    const normal = () => {
      map.getCanvas().style.cursor = '';
      hover.remove();
    };
    const clusterClick = (e: MapLayerMouseEvent) => void onCluster(e).catch(() => undefined);

    map.on('click', 'camera-clusters', clusterClick);
    map.on('click', 'camera-points', onPoint);
    map.on('mousemove', 'camera-clusters', onClusterHover);
    for (const layer of ['camera-clusters', 'camera-points']) {
      map.on('mouseenter', layer, pointer);
      map.on('mouseleave', layer, normal);
    }
    return () => {
      map.off('click', 'camera-clusters', clusterClick);
      map.off('click', 'camera-points', onPoint);
      map.off('mousemove', 'camera-clusters', onClusterHover);
      for (const layer of ['camera-clusters', 'camera-points']) {
        map.off('mouseenter', layer, pointer);
        map.off('mouseleave', layer, normal);
      }
      popup.remove();
      hover.remove();
    };
  }, [map, t, navigate]);

  return map ? loaded : null;
}
