import { Popup, type Map as MapLibreMap, type MapLayerMouseEvent } from 'maplibre-gl';
import { BOUNDARY_FILL_LAYERS } from './style.ts';

/** Camera layers: when one is under the pointer, the region popup steps aside for it. */
export const CAMERA_LAYERS = ['camera-clusters', 'camera-points', 'camera-point'];

const SOURCE_OF: Record<string, string> = { 'kabkota-fill': 'kabkota', 'other-fill': 'other' };

/**
 * Names regions under the pointer in a small popup and highlights them; this replaces text labels,
 * which would need glyphs from the internet. Returns a function that detaches the handlers.
 */
export function attachRegionHover(map: MapLibreMap): () => void {
  const popup = new Popup({ closeButton: false, closeOnClick: false, className: 'region-hover', offset: 12 });
  let hovered: { source: string; id: string | number } | null = null;

  const clear = () => {
    if (hovered) map.setFeatureState(hovered, { hover: false });
    hovered = null;
    popup.remove();
  };

  const onMove = (e: MapLayerMouseEvent) => {
    const f = e.features?.[0];
    const layer = f?.layer.id;
    const source = layer ? SOURCE_OF[layer] : undefined;
    const cameraLayers = CAMERA_LAYERS.filter((id) => map.getLayer(id));
    const overCamera = cameraLayers.length > 0 && map.queryRenderedFeatures(e.point, { layers: cameraLayers }).length > 0;
    if (!f || !source || f.id === undefined || overCamera) return clear();
    if (hovered?.id !== f.id) {
      clear();
      hovered = { source, id: f.id };
      map.setFeatureState(hovered, { hover: true });
    }
    const props = f.properties as { code?: string; name?: string };
    popup.setLngLat(e.lngLat).setText(`${props.code ?? ''} ${props.name ?? ''}`.trim()).addTo(map);
  };

  for (const layer of BOUNDARY_FILL_LAYERS) {
    map.on('mousemove', layer, onMove);
    map.on('mouseleave', layer, clear);
  }
  return () => {
    for (const layer of BOUNDARY_FILL_LAYERS) {
      map.off('mousemove', layer, onMove);
      map.off('mouseleave', layer, clear);
    }
    popup.remove();
  };
}
