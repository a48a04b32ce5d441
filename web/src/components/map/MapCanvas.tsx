import 'maplibre-gl/dist/maplibre-gl.css';
import { useEffect, useRef, useState } from 'react';
import { Alert, Box, Skeleton } from '@mantine/core';
import { Map as MapLibreMap, NavigationControl, setWorkerUrl, type LngLatBoundsLike, type LngLatLike } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { useTranslation } from 'react-i18next';
import { usePublicConfig } from '../../api/tenancy.ts';
import { attachRegionHover } from './regionHover.ts';
import { buildStyle } from './style.ts';

// maplibre looks for its worker next to its own module; after bundling that guess is wrong, so
// point it at the worker file Vite emits.
setWorkerUrl(workerUrl);

export type InitialView = { center: LngLatLike; zoom: number } | { bounds: LngLatBoundsLike };

interface Props {
  initialView: InitialView;
  /** Receives the map once its style has loaded, and null when it is removed. */
  onMap: (map: MapLibreMap | null) => void;
  height: number | string;
  /** Hover names for regions; off for the small maps where a pointer means "pick a spot". */
  regionHover?: boolean;
  testId?: string;
}

/** The central Kalimantan view used while nothing better is known. */
export const DEFAULT_VIEW: InitialView = { bounds: [[110.73, -3.54], [115.85, 0.79]] };

/**
 * A MapLibre map with the offline boundary style. It waits for /api/config/public so optional
 * raster tiles sit beneath the boundaries; if that call fails the map simply stays offline.
 */
export function MapCanvas({ initialView, onMap, height, regionHover = true, testId }: Props) {
  const { t } = useTranslation();
  const config = usePublicConfig();
  const container = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  // The first view and callback win; later changes are applied by the caller through the map API.
  const initial = useRef({ initialView, onMap, attribution: t('map.boundaryAttribution') });
  const ready = !config.isPending;

  useEffect(() => {
    if (!ready || !container.current) return;
    const { initialView: view, onMap: report, attribution } = initial.current;
    let map: MapLibreMap;
    try {
      map = new MapLibreMap({
        container: container.current,
        style: buildStyle({
          tileUrl: config.data?.mapTileUrl ?? null,
          tileAttribution: config.data?.mapAttribution ?? null,
          boundaryAttribution: attribution,
        }),
        ...('bounds' in view ? { bounds: view.bounds, fitBoundsOptions: { padding: 24 } } : view),
        attributionControl: { compact: false },
        // Headless browsers and thin clients may only have software WebGL; accept it.
        canvasContextAttributes: { failIfMajorPerformanceCaveat: false, antialias: true },
        dragRotate: false,
        pitchWithRotate: false,
        maxZoom: 18,
      });
    } catch {
      setFailed(true);
      return;
    }
    map.touchZoomRotate.disableRotation();
    map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    let detachHover: (() => void) | null = null;
    map.on('load', () => {
      if (regionHover) detachHover = attachRegionHover(map);
      report(map);
    });
    return () => {
      detachHover?.();
      report(null);
      map.remove();
    };
    // config.data is read once at creation; changing tiles later would need a new style anyway.
  }, [ready, regionHover]);

  if (failed) {
    return (
      <Alert color="yellow" variant="light" data-testid={testId}>
        {t('map.webglUnavailable')}
      </Alert>
    );
  }
  return (
    <Box pos="relative" h={height} style={{ borderRadius: 'var(--mantine-radius-md)', overflow: 'hidden' }}>
      {!ready && <Skeleton pos="absolute" inset={0} h="100%" />}
      <div ref={container} data-testid={testId} style={{ position: 'absolute', inset: 0 }} />
    </Box>
  );
}
