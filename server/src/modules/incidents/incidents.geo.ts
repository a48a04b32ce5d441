import { readFileSync } from 'node:fs';

type Ring = [number, number][];
/** A region boundary: its polygons, each an outer ring and holes, in [lng, lat]. */
export interface RegionShape {
  code: string;
  polygons: Ring[][];
  bbox: [number, number, number, number];
}

/** Ray casting: whether [lng, lat] lies inside the ring (points on an edge may go either way). */
export function pointInRing(lng: number, lat: number, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > lat !== yj > lat && lng < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Inside a polygon: inside its outer ring and outside every hole. */
export function pointInPolygon(lng: number, lat: number, polygon: Ring[]): boolean {
  if (!polygon[0] || !pointInRing(lng, lat, polygon[0])) return false;
  return !polygon.slice(1).some((hole) => pointInRing(lng, lat, hole));
}

/** Turns GeoJSON features (Polygon / MultiPolygon with a `code` property) into shapes. */
export function shapesFromGeoJson(fc: { features: { properties: { code: string }; geometry: { type: string; coordinates: unknown } }[] }): RegionShape[] {
  return fc.features.map((f) => {
    const polygons = (f.geometry.type === 'MultiPolygon' ? f.geometry.coordinates : [f.geometry.coordinates]) as Ring[][];
    let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const p of polygons) for (const [x, y] of p[0] ?? []) [minX, minY, maxX, maxY] = [Math.min(minX, x), Math.min(minY, y), Math.max(maxX, x), Math.max(maxY, y)];
    return { code: f.properties.code, polygons, bbox: [minX, minY, maxX, maxY] };
  });
}

/**
 * The most specific region containing the point: shapes are tried deepest code first, so a point
 * in Jekan Raya answers 62.71.03 rather than 62.71.
 */
export function regionAt(shapes: RegionShape[], lat: number, lng: number): string | null {
  const ordered = [...shapes].sort((a, b) => b.code.length - a.code.length);
  for (const s of ordered) {
    const [x0, y0, x1, y1] = s.bbox;
    if (lng < x0 || lng > x1 || lat < y0 || lat > y1) continue;
    if (s.polygons.some((p) => pointInPolygon(lng, lat, p))) return s.code;
  }
  return null;
}

const GEO_FILES = ['palangkaraya-kecamatan', 'kalteng-kabkota', 'kota-lain', 'kalteng-provinsi'];
let cached: RegionShape[] | null = null;
/** The boundaries the console ships in web/public/geo, read once. */
export function shippedRegionShapes(): RegionShape[] {
  if (cached) return cached;
  cached = GEO_FILES.flatMap((name) => shapesFromGeoJson(JSON.parse(readFileSync(new URL(`../../../../web/public/geo/${name}.geojson`, import.meta.url), 'utf8'))));
  return cached;
}

const EARTH_M = 6_371_008.8;
/** Great-circle distance in metres (haversine). */
export function distanceM(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLng = (lng2 - lng1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_M * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** A lat/lng box around a point that contains every point within `radiusM` (for an index-friendly prefilter). */
export function boxAround(lat: number, lng: number, radiusM: number): { minLat: number; maxLat: number; minLng: number; maxLng: number } {
  const dLat = (radiusM / EARTH_M) * (180 / Math.PI);
  const dLng = dLat / Math.max(0.01, Math.cos((lat * Math.PI) / 180));
  return { minLat: lat - dLat, maxLat: lat + dLat, minLng: lng - dLng, maxLng: lng + dLng };
}
