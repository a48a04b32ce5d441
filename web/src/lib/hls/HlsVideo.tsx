import { useEffect, useRef } from 'react';
import { playHls, type HlsState } from './player.ts';

/** A muted, autoplaying, inline live video of an HLS playlist; `onState` follows the player. */
export function HlsVideo(props: { src: string; label: string; onState?: (s: HlsState) => void; className?: string }) {
  const ref = useRef<HTMLVideoElement>(null);
  // the latest callback without restarting the player when the parent re-renders
  const onState = useRef(props.onState);
  onState.current = props.onState;
  useEffect(() => {
    const video = ref.current;
    if (!video) return;
    return playHls(video, props.src, (s) => onState.current?.(s));
  }, [props.src]);
  return <video ref={ref} className={props.className} aria-label={props.label} muted autoPlay playsInline disablePictureInPicture />;
}
