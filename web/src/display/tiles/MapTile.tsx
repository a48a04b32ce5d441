import { useEffect, useRef, useState } from 'react';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { fetchIncidents } from '../api.ts';
import { S } from '../strings.ts';

const REFRESH_MS = 30_000;
// shipped with the web build (web/public/geo): no tile server, so a lobby map works offline
const BOUNDARIES = '/geo/kalteng-kabkota.geojson';

const STATUS_COLOR: Record<string, string> = { received: '#f59f00', verified: '#f76707', dispatched: '#e03131', in_progress: '#d6336c', on_hold: '#868e96' };

/** Open incidents on the region's outline, refreshed every 30 s; a failed fetch keeps the last points. */
export function MapTile() {
  const box = useRef<HTMLDivElement>(null);
  const [count, setCount] = useState<number | null>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const map = L.map(el, { zoomControl: false, attributionControl: false, dragging: false, scrollWheelZoom: false, doubleClickZoom: false, boxZoom: false, keyboard: false, touchZoom: false });
    map.setView([-1.6, 113.4], 7);
    const points = L.layerGroup().addTo(map);
    let stopped = false;
    let outline: L.LatLngBounds | null = null;
    fetch(BOUNDARIES)
      .then((r) => (r.ok ? r.json() : null))
      .then((geo) => {
        if (stopped || !geo) return;
        const layer = L.geoJSON(geo, { style: { color: '#4dabf7', weight: 1, fillColor: '#1c7ed6', fillOpacity: 0.08 } }).addTo(map);
        layer.bringToBack();
        outline = layer.getBounds();
        if (outline.isValid()) map.fitBounds(outline, { padding: [12, 12] });
      })
      .catch(() => undefined);
    const load = async () => {
      const r = await fetchIncidents();
      if (stopped || !r.ok) return;
      points.clearLayers();
      for (const p of r.value) {
        L.circleMarker([p.lat, p.lng], { radius: 9, color: '#fff', weight: 2, fillColor: STATUS_COLOR[p.status] ?? '#e03131', fillOpacity: 0.9 })
          .bindTooltip(p.category, { permanent: false })
          .addTo(points);
      }
      setCount(r.value.length);
      // with no outline (another province), frame the incidents themselves
      if (!outline && r.value.length) map.fitBounds(L.latLngBounds(r.value.map((p) => [p.lat, p.lng])), { padding: [40, 40], maxZoom: 13 });
    };
    void load();
    const id = setInterval(() => void load(), REFRESH_MS);
    const resize = new ResizeObserver(() => map.invalidateSize());
    resize.observe(el);
    return () => {
      stopped = true;
      clearInterval(id);
      resize.disconnect();
      map.remove();
    };
  }, []);
  return (
    <div className="kiosk-map-tile">
      <div ref={box} className="kiosk-map" role="img" aria-label={S.incidents} />
      <div className="kiosk-map-caption">
        {S.incidents}
        {count !== null ? `: ${count}` : ''}
      </div>
    </div>
  );
}
