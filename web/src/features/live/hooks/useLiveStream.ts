import { useEffect, useReducer, useRef, useState, type RefObject } from 'react';
import type { CameraStatus, LiveStream } from '@pantau/shared';
import { liveConnection } from '../../../lib/live/index.ts';
import { useLiveConnectionState } from '../../../lib/live/hooks.ts';
import { canPlayMime, MseSink } from '../../../lib/live/mseSink.ts';
import { fallbackStream, playerReducer, retryable, type PlayerState } from './playerState.ts';

/** A sub stream that shows nothing for this long while the camera is up: fall back to the main stream. */
const SUB_FALLBACK_MS = 8_000;
const RETRY_MS = 5_000;

interface Options {
  cameraId: string;
  /** The stream asked for; the player may fall back to the other one. */
  stream: LiveStream;
  status: CameraStatus | undefined;
  statusReason: string | null | undefined;
  /** False while the player is out of view or not allowed: nothing is subscribed. */
  enabled: boolean;
}

export interface LiveStreamResult {
  state: PlayerState;
  /** Subscribe to first picture shown, in ms, once measured. */
  ttffMs: number | null;
  /** The stream actually playing (after any fallback). */
  stream: LiveStream;
  retry: () => void;
}

/**
 * Plays one camera stream in `video`: subscribes a channel on the tab's live socket, feeds MSE,
 * runs the player state machine and its fallbacks (sub → main when the sub stream stays silent,
 * main → sub when the main codec cannot be decoded, a paced retry for transient errors).
 */
export function useLiveStream(video: RefObject<HTMLVideoElement | null>, o: Options): LiveStreamResult {
  const [state, dispatch] = useReducer(playerReducer, { name: 'connecting' });
  const [request, setRequest] = useState({ cameraId: o.cameraId, stream: o.stream });
  const [active, setActive] = useState<LiveStream>(o.stream);
  const [attempt, setAttempt] = useState(0);
  const [ttffMs, setTtff] = useState<number | null>(null);
  const tried = useRef(new Set<LiveStream>());
  // a silent sub stream only says something about the camera while the socket itself is up
  const socketOpen = useLiveConnectionState() === 'open';
  const status = useRef({ status: o.status, reason: o.statusReason ?? null });
  useEffect(() => {
    status.current = { status: o.status, reason: o.statusReason ?? null };
  }, [o.status, o.statusReason]);

  // A new camera or stream from the caller starts over (state adjusted during render, not in an effect).
  if (request.cameraId !== o.cameraId || request.stream !== o.stream) {
    setRequest({ cameraId: o.cameraId, stream: o.stream });
    setActive(o.stream);
    tried.current = new Set();
  }

  useEffect(() => {
    const v = video.current;
    if (!o.enabled || !v) return;
    const started = performance.now();
    let measured = false;
    let playable = true;
    const sink = new MseSink(v, () => dispatch({ type: 'decode-error' }));
    dispatch({ type: 'subscribe' });
    // a camera known to be down says so at once instead of "connecting"
    const known = status.current;
    if (known.status) dispatch({ type: 'camera-status', status: known.status, reason: known.reason });
    const unsubscribe = liveConnection.subscribe(
      { cameraId: o.cameraId, stream: active },
      {
        init(mime) {
          playable = canPlayMime(mime);
          if (playable) sink.start(mime);
          else {
            // nothing to show: stop the bytes (a fallback or a retry subscribes again)
            sink.reset();
            unsubscribe();
          }
          dispatch({ type: 'init', mime, supported: playable });
        },
        media(kind, data) {
          if (playable) sink.append(kind, data);
        },
        ended: (reason) => dispatch({ type: 'ended', reason }),
        error: (code) => dispatch({ type: 'server-error', code }),
        interrupted() {
          sink.reset();
          dispatch({ type: 'interrupted' });
        },
      },
    );
    const shown = () => {
      if (sink.appendedCount === 0 || v.readyState < HTMLMediaElement.HAVE_CURRENT_DATA) return;
      dispatch({ type: 'frame-shown' });
      if (!measured) {
        measured = true;
        setTtff(Math.round(performance.now() - started));
      }
    };
    v.addEventListener('playing', shown);
    v.addEventListener('timeupdate', shown);
    return () => {
      v.removeEventListener('playing', shown);
      v.removeEventListener('timeupdate', shown);
      unsubscribe();
      sink.destroy();
    };
  }, [video, o.cameraId, o.enabled, active, attempt]);

  useEffect(() => {
    if (o.status) dispatch({ type: 'camera-status', status: o.status, reason: o.statusReason ?? null });
  }, [o.status, o.statusReason]);

  // Fallbacks and retries, each driven by the state value alone.
  useEffect(() => {
    const next = fallbackStream(state, active, tried.current, o.status === 'online');
    if (next) {
      tried.current.add(active);
      setActive(next);
      return;
    }
    if (retryable(state)) {
      const timer = setTimeout(() => setAttempt((a) => a + 1), RETRY_MS);
      return () => clearTimeout(timer);
    }
    if (state.name === 'connecting' && active === 'sub' && !tried.current.has('main') && o.enabled && socketOpen) {
      const timer = setTimeout(() => {
        tried.current.add('sub');
        setActive('main');
      }, SUB_FALLBACK_MS);
      return () => clearTimeout(timer);
    }
  }, [state, active, o.enabled, socketOpen, o.status]);

  return { state, ttffMs, stream: active, retry: () => setAttempt((a) => a + 1) };
}
