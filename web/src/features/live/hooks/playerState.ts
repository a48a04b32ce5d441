import type { CameraStatus, LiveStream } from '@pantau/shared';
import type { LiveErrorCode } from '../../../lib/live/index.ts';

/** Why a player shows an error, beyond the camera being offline. */
export type PlayerErrorCode = Exclude<LiveErrorCode, 'not_found' | 'forbidden'> | 'decode';

/**
 * Everything a live player can be doing. Each failure is a value that picks an overlay and, where
 * one exists, a fallback (another stream, a retry) — never a black box.
 */
export type PlayerState =
  | { name: 'connecting' }
  | { name: 'waiting-keyframe' }
  | { name: 'playing' }
  | { name: 'offline'; reason: string | null }
  | { name: 'error'; code: PlayerErrorCode }
  | { name: 'unsupported-codec'; mime: string }
  | { name: 'forbidden' }
  | { name: 'not-found' };

export type PlayerStateName = PlayerState['name'];

export type PlayerEvent =
  | { type: 'subscribe' }
  | { type: 'interrupted' }
  | { type: 'init'; mime: string; supported: boolean }
  | { type: 'frame-shown' }
  | { type: 'ended'; reason: string }
  | { type: 'server-error'; code: LiveErrorCode }
  | { type: 'decode-error' }
  | { type: 'camera-status'; status: CameraStatus; reason: string | null };

const DOWN: CameraStatus[] = ['offline', 'error', 'disabled'];

/** The player's state machine; pure, so every transition is table-tested. */
export function playerReducer(state: PlayerState, e: PlayerEvent): PlayerState {
  switch (e.type) {
    case 'subscribe':
    case 'interrupted':
      return { name: 'connecting' };
    case 'init':
      return e.supported ? { name: 'waiting-keyframe' } : { name: 'unsupported-codec', mime: e.mime };
    case 'frame-shown':
      // only pictures of the current stream count: the tail of a buffer that ended must not look live
      return state.name === 'waiting-keyframe' ? { name: 'playing' } : state;
    case 'ended':
      return state.name === 'unsupported-codec' ? state : { name: 'offline', reason: e.reason };
    case 'server-error':
      if (e.code === 'not_found') return { name: 'not-found' };
      if (e.code === 'forbidden') return { name: 'forbidden' };
      return { name: 'error', code: e.code };
    case 'decode-error':
      return { name: 'error', code: 'decode' };
    case 'camera-status':
      // Video that plays is the best evidence; the status only explains a player still waiting.
      if (DOWN.includes(e.status) && (state.name === 'connecting' || state.name === 'waiting-keyframe')) {
        return { name: 'offline', reason: e.reason };
      }
      if (e.status === 'online' && state.name === 'offline') return { name: 'connecting' };
      return state;
  }
}

/** The stream to fall back to after a failure on `current`, or null to stay and show the state. */
export function fallbackStream(state: PlayerState, current: LiveStream, tried: ReadonlySet<LiveStream>, cameraOnline = false): LiveStream | null {
  // Cameras often send H.265 on the main stream and H.264 on the sub stream.
  if (state.name === 'unsupported-codec' && current === 'main' && !tried.has('sub')) return 'sub';
  // the server ends a sub stream it cannot reach at once; with the camera (its main stream) online,
  // show the main stream instead of an outage
  if (state.name === 'offline' && current === 'sub' && cameraOnline && !tried.has('main')) return 'main';
  return null;
}

/** Errors worth retrying by themselves after a pause (the media module may attach the camera soon). */
export function retryable(state: PlayerState): boolean {
  return state.name === 'error' && (state.code === 'media_unavailable' || state.code === 'decode' || state.code === 'too_many_channels');
}
