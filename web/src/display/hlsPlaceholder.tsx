import { useEffect, useRef } from 'react';

/**
 * PLACEHOLDER until helper A's `web/src/lib/hls` is merged: same exports and props as the shared
 * client (HlsState, HlsVideo), but it only uses native HLS where the browser has it and otherwise
 * reports `unsupported` without touching the network. Replace the import in CamerasTile.tsx with
 * `../../lib/hls/index.ts` at merge and delete this file.
 */
export type HlsState =
  | { kind: 'connecting' }
  | { kind: 'playing' }
  | { kind: 'stalled' }
  | { kind: 'offline' }
  | { kind: 'gone' }
  | { kind: 'unsupported' };

/** A muted, autoplaying, inline live video of an HLS playlist. */
export function HlsVideo(props: { src: string; label: string; onState?: (s: HlsState) => void; className?: string }) {
  const ref = useRef<HTMLVideoElement>(null);
  const { src, onState } = props;
  useEffect(() => {
    const v = ref.current;
    if (!v) return;
    if (!v.canPlayType('application/vnd.apple.mpegurl')) {
      onState?.({ kind: 'unsupported' });
      return;
    }
    onState?.({ kind: 'connecting' });
    const on = (kind: HlsState['kind']) => () => onState?.({ kind } as HlsState);
    const playing = on('playing');
    const stalled = on('stalled');
    const gone = on('gone');
    v.addEventListener('playing', playing);
    v.addEventListener('waiting', stalled);
    v.addEventListener('error', gone);
    v.src = src;
    void v.play().catch(() => undefined);
    return () => {
      v.removeEventListener('playing', playing);
      v.removeEventListener('waiting', stalled);
      v.removeEventListener('error', gone);
      v.removeAttribute('src');
      v.load();
    };
  }, [src, onState]);
  return <video ref={ref} className={props.className} aria-label={props.label} muted autoPlay playsInline />;
}
