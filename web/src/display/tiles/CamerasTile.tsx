import { useCallback, useEffect, useState } from 'react';
import type { KioskTile } from '@pantau/shared';
import { HlsVideo, type HlsState } from '../../lib/hls/index.ts';
import { S } from '../strings.ts';

type CamerasTileData = Extract<KioskTile, { kind: 'cameras' }>;
type KioskCamera = CamerasTileData['cameras'][number];

/** One camera cell: live video, or its name and "Kamera tidak tersedia" — never an error. */
function CameraCell(props: { camera: KioskCamera }) {
  const [state, setState] = useState<HlsState['kind']>('connecting');
  const onState = useCallback((s: HlsState) => setState(s.kind), []);
  const down = state === 'offline' || state === 'gone' || state === 'unsupported';
  return (
    <figure className="kiosk-camera" data-camera-id={props.camera.id} data-state={state}>
      {state !== 'gone' && <HlsVideo src={props.camera.hls} label={props.camera.name} onState={onState} className="kiosk-video" />}
      {down && <div className="kiosk-camera-down">{S.cameraUnavailable}</div>}
      <figcaption className="kiosk-camera-name">{props.camera.name}</figcaption>
    </figure>
  );
}

/** A grid of 1/4/9/16 cameras; with more cameras than cells, pages rotate every dwellSeconds. */
export function CamerasTile(props: { tile: CamerasTileData }) {
  const { cameras, grid, dwellSeconds } = props.tile;
  const pages = Math.max(1, Math.ceil(cameras.length / grid));
  const [page, setPage] = useState(0);
  useEffect(() => {
    setPage(0);
    if (pages <= 1) return;
    const id = setInterval(() => setPage((p) => (p + 1) % pages), Math.max(5, dwellSeconds) * 1000);
    return () => clearInterval(id);
  }, [pages, dwellSeconds]);
  const shown = cameras.slice(page * grid, page * grid + grid);
  const side = Math.sqrt(grid);
  return (
    <div className="kiosk-grid" style={{ gridTemplateColumns: `repeat(${side}, 1fr)`, gridTemplateRows: `repeat(${side}, 1fr)` }}>
      {shown.map((c) => (
        <CameraCell key={c.id} camera={c} />
      ))}
    </div>
  );
}
