import { useEffect } from 'react';

/**
 * PLACEHOLDER until helper A's `web/src/lib/hls` is merged: the same exports and props as the
 * shared client (HlsState, HlsVideo). It plays nothing and touches no network (the HLS route is
 * not on this branch; a 404 would be console noise): it reports `unsupported`, so the tile shows
 * the camera's name and "Kamera tidak tersedia". At merge, import HlsVideo from
 * `../../lib/hls/index.ts` in tiles/CamerasTile.tsx and delete this file.
 */
export type HlsState =
  | { kind: 'connecting' }
  | { kind: 'playing' }
  | { kind: 'stalled' }
  | { kind: 'offline' }
  | { kind: 'gone' }
  | { kind: 'unsupported' };

/** A muted, autoplaying, inline live video of an HLS playlist (placeholder: reports `unsupported`). */
export function HlsVideo(props: { src: string; label: string; onState?: (s: HlsState) => void; className?: string }) {
  const { src, onState } = props;
  useEffect(() => onState?.({ kind: 'unsupported' }), [src, onState]);
  return <video className={props.className} aria-label={props.label} data-src={src} muted autoPlay playsInline />;
}
