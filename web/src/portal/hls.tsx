import { useEffect, useRef } from 'react';

// PLACEHOLDER until helper A's web/src/lib/hls lands (same signature): plays only where the
// browser has native HLS (Safari, iOS, Android). The merge swaps the import in CameraPage.

export type HlsState =
  | { kind: 'connecting' } | { kind: 'playing' } | { kind: 'stalled' }
  | { kind: 'offline' } | { kind: 'gone' } | { kind: 'unsupported' };

/** Muted, autoplaying, inline live video of an HLS playlist. */
export function HlsVideo(props: { src: string; label: string; onState?: (s: HlsState) => void; className?: string }) {
  const ref = useRef<HTMLVideoElement>(null);
  const onState = useRef(props.onState);
  onState.current = props.onState;
  useEffect(() => {
    const v = ref.current!;
    if (!v.canPlayType('application/vnd.apple.mpegurl')) {
      onState.current?.({ kind: 'unsupported' });
      return;
    }
    onState.current?.({ kind: 'connecting' });
    const playing = () => onState.current?.({ kind: 'playing' });
    const stalled = () => onState.current?.({ kind: 'stalled' });
    const failed = () => onState.current?.({ kind: 'offline' });
    v.addEventListener('playing', playing);
    v.addEventListener('waiting', stalled);
    v.addEventListener('error', failed);
    v.src = props.src;
    return () => {
      v.removeEventListener('playing', playing);
      v.removeEventListener('waiting', stalled);
      v.removeEventListener('error', failed);
      v.removeAttribute('src');
      v.load();
    };
  }, [props.src]);
  return <video ref={ref} className={props.className} muted autoPlay playsInline aria-label={props.label} />;
}
