import type { MapOptions } from 'maplibre-gl';
import { GEO } from './boundaries.ts';

export type StyleSpecification = Exclude<MapOptions['style'], string | undefined>;

export interface StyleInput {
  tileUrl: string | null;
  tileAttribution: string | null;
  boundaryAttribution: string;
}

export const BOUNDARY_FILL_LAYERS = ['kabkota-fill', 'other-fill'];

/**
 * An offline style: a dark background, optional raster tiles (only when the install configures
 * them), and the shipped boundaries. No glyphs or sprites, so nothing is fetched from the
 * internet; region names are shown in a hover popup instead of text labels.
 */
export function buildStyle({ tileUrl, tileAttribution, boundaryAttribution }: StyleInput): StyleSpecification {
  const online = Boolean(tileUrl);
  const fillOpacity = online ? 0.05 : 0.35;
  const boundary = (data: string) => ({
    type: 'geojson' as const,
    data,
    attribution: boundaryAttribution,
    promoteId: 'code',
  });
  return {
    version: 8,
    sources: {
      ...(tileUrl
        ? { tiles: { type: 'raster' as const, tiles: [tileUrl], tileSize: 256, maxzoom: 19, attribution: tileAttribution ?? '' } }
        : {}),
      province: boundary(GEO.province),
      kabkota: boundary(GEO.kabkota),
      other: boundary(GEO.otherCities),
      kecamatan: boundary(GEO.kecamatan),
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#0b1118' } },
      ...(tileUrl ? [{ id: 'tiles', type: 'raster' as const, source: 'tiles', paint: { 'raster-opacity': 0.85 } }] : []),
      {
        id: 'kabkota-fill',
        type: 'fill',
        source: 'kabkota',
        paint: {
          'fill-color': ['case', ['boolean', ['feature-state', 'hover'], false], '#1f4f6b', '#16283a'],
          'fill-opacity': ['case', ['boolean', ['feature-state', 'hover'], false], fillOpacity + 0.3, fillOpacity + 0.45],
        },
      },
      {
        id: 'other-fill',
        type: 'fill',
        source: 'other',
        paint: {
          'fill-color': ['case', ['boolean', ['feature-state', 'hover'], false], '#1f4f6b', '#16283a'],
          'fill-opacity': fillOpacity + 0.45,
        },
      },
      {
        id: 'kecamatan-line',
        type: 'line',
        source: 'kecamatan',
        minzoom: 9,
        paint: { 'line-color': '#3b6a86', 'line-width': 0.8, 'line-dasharray': [2, 2] },
      },
      { id: 'kabkota-line', type: 'line', source: 'kabkota', paint: { 'line-color': '#3f7fa3', 'line-width': 1 } },
      { id: 'other-line', type: 'line', source: 'other', paint: { 'line-color': '#3f7fa3', 'line-width': 1 } },
      { id: 'province-line', type: 'line', source: 'province', paint: { 'line-color': '#66c6e8', 'line-width': 1.8 } },
    ],
  };
}
