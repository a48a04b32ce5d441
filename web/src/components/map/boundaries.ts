import { useQuery } from '@tanstack/react-query';

/** Offline boundary files shipped in web/public/geo (MIT data by Cahya DSN). */
export const GEO = {
  province: '/geo/kalteng-provinsi.geojson',
  kabkota: '/geo/kalteng-kabkota.geojson',
  otherCities: '/geo/kota-lain.geojson',
  kecamatan: '/geo/palangkaraya-kecamatan.geojson',
} as const;

export type Position = [number, number];
export type Bounds = [Position, Position];

interface BoundaryFeature {
  type: 'Feature';
  properties: { code: string; name: string; level: string };
  geometry: { type: 'Polygon'; coordinates: Position[][] } | { type: 'MultiPolygon'; coordinates: Position[][][] };
}

interface BoundaryCollection {
  type: 'FeatureCollection';
  features: BoundaryFeature[];
}

function ringsOf(f: BoundaryFeature): Position[][] {
  return f.geometry.type === 'Polygon' ? f.geometry.coordinates : f.geometry.coordinates.flat();
}

/** Bounding box of any list of [lng, lat] points, or null if there are none. */
export function boundsOf(points: Iterable<Position>): Bounds | null {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  for (const [x, y] of points) {
    if (x < w) w = x;
    if (x > e) e = x;
    if (y < s) s = y;
    if (y > n) n = y;
  }
  return Number.isFinite(w) ? [[w, s], [e, n]] : null;
}

async function loadAll(): Promise<BoundaryFeature[]> {
  const files = [GEO.province, GEO.kabkota, GEO.otherCities, GEO.kecamatan];
  const all = await Promise.all(
    files.map(async (url) => {
      const res = await fetch(url);
      if (!res.ok) return [];
      return ((await res.json()) as BoundaryCollection).features;
    }),
  );
  return all.flat();
}

/** Region code → bounding box of its boundary, for fitting the map to a tenant or a filter. */
export function useRegionBounds() {
  return useQuery({
    queryKey: ['geo', 'bounds'],
    queryFn: async () => {
      const out = new Map<string, Bounds>();
      for (const f of await loadAll()) {
        const b = boundsOf(ringsOf(f).flat());
        if (b) out.set(f.properties.code, b);
      }
      return out;
    },
    staleTime: Infinity,
  });
}

/** The box of a region or, for a region below the shipped levels, of its nearest shipped ancestor. */
export function boundsForRegion(all: Map<string, Bounds>, code: string): Bounds | null {
  let c = code;
  for (;;) {
    const b = all.get(c);
    if (b) return b;
    const dot = c.lastIndexOf('.');
    if (dot < 0) return null;
    c = c.slice(0, dot);
  }
}
