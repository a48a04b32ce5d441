import 'leaflet/dist/leaflet.css';
import L from 'leaflet';
import { useEffect, useRef } from 'react';
import type { PublicCamera } from '../api.ts';

// Loaded on demand (its own chunk): Leaflet is the largest piece of the portal.

// the shipped boundaries (web/public/geo): a map without a tile server still shows where things are
const BOUNDARIES = ['/geo/kalteng-kabkota.geojson', '/geo/kota-lain.geojson', '/geo/palangkaraya-kecamatan.geojson'];
// Palangka Raya's Bundaran Besar: where the demo's cameras are
const DEFAULT_CENTER: L.LatLngExpression = [-2.21, 113.91];

interface MapBase {
  tileUrl: string | null;
  attribution: string | null;
  label: string;
}

function createMap(el: HTMLDivElement, base: MapBase): L.Map {
  const map = L.map(el, { center: DEFAULT_CENTER, zoom: 12, attributionControl: true, zoomControl: true });
  map.attributionControl.setPrefix(false);
  // tiles only when the installation configures a tile server: no third-party calls by default
  if (base.tileUrl) L.tileLayer(base.tileUrl, { attribution: base.attribution ?? '', maxZoom: 19 }).addTo(map);
  const shapes = L.geoJSON(undefined, { style: { color: '#4d5560', weight: 1, fillColor: '#ffffff', fillOpacity: 0.5 }, interactive: false }).addTo(map);
  for (const url of BOUNDARIES) {
    fetch(url)
      .then((r) => (r.ok ? r.json() : null))
      // drawn late (fetched): send behind the camera dots
      .then((g) => g && shapes.addData(g).bringToBack())
      .catch(() => undefined); // boundaries are decoration; the markers matter
  }
  el.setAttribute('role', 'region');
  el.setAttribute('aria-label', base.label);
  return map;
}

/** Public cameras as dots (green online, orange offline); a popup links to the camera page. */
export function CameraMap(props: MapBase & { cameras: PublicCamera[]; statusLabel: (c: PublicCamera) => string; onOpen: (id: string) => void }) {
  const el = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const layer = useRef<L.LayerGroup | null>(null);
  const fitted = useRef('');
  const open = useRef(props.onOpen);
  open.current = props.onOpen;

  useEffect(() => {
    map.current = createMap(el.current!, props);
    layer.current = L.layerGroup().addTo(map.current);
    return () => {
      map.current?.remove();
      map.current = null;
    };
    // the map is made once; cameras update through the layer below
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const group = layer.current;
    if (!group || !map.current) return;
    group.clearLayers();
    for (const c of props.cameras) {
      const marker = L.circleMarker([c.lat, c.lng], { radius: 8, color: '#ffffff', weight: 2, fillColor: c.status === 'online' ? '#1c6e33' : '#b35900', fillOpacity: 1 });
      const box = document.createElement('div');
      const a = document.createElement('a');
      a.href = `/kamera/${c.id}`;
      a.textContent = c.name;
      a.addEventListener('click', (e) => {
        e.preventDefault();
        open.current(c.id);
      });
      const s = document.createElement('div');
      s.textContent = props.statusLabel(c);
      box.append(a, s);
      marker.bindPopup(box);
      marker.bindTooltip(c.name);
      group.addLayer(marker);
    }
    // refit only when the set of cameras changes (a filter), not on each status refresh
    const key = props.cameras.map((c) => c.id).join();
    if (key === fitted.current) return;
    fitted.current = key;
    if (props.cameras.length) map.current.fitBounds(L.latLngBounds(props.cameras.map((c) => [c.lat, c.lng] as L.LatLngTuple)).pad(0.2), { maxZoom: 15 });
  }, [props.cameras, props.statusLabel]);

  return <div ref={el} className="map" data-testid="camera-map" />;
}

/** A tap places the report's pin; the coordinates also have their own fields for keyboards. */
export function PinMap(props: MapBase & { value: { lat: number; lng: number } | null; onChange: (p: { lat: number; lng: number }) => void }) {
  const el = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const pin = useRef<L.Marker | null>(null);
  const change = useRef(props.onChange);
  change.current = props.onChange;

  useEffect(() => {
    const m = createMap(el.current!, props);
    map.current = m;
    m.on('click', (e: L.LeafletMouseEvent) => change.current({ lat: Math.round(e.latlng.lat * 1e6) / 1e6, lng: Math.round(e.latlng.lng * 1e6) / 1e6 }));
    return () => {
      m.remove();
      map.current = null;
      pin.current = null;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const m = map.current;
    if (!m) return;
    if (!props.value) {
      pin.current?.remove();
      pin.current = null;
      return;
    }
    const at: L.LatLngTuple = [props.value.lat, props.value.lng];
    if (!pin.current) pin.current = L.marker(at, { icon: L.divIcon({ className: '', html: '<div class="pin-icon"></div>', iconSize: [22, 22], iconAnchor: [11, 22] }), keyboard: false, interactive: false }).addTo(m);
    else pin.current.setLatLng(at);
    if (!m.getBounds().contains(at)) m.setView(at, Math.max(m.getZoom(), 15));
  }, [props.value]);

  return <div ref={el} className="map pin" data-testid="pin-map" />;
}
