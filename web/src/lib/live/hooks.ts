import { useEffect, useSyncExternalStore } from 'react';
import { liveConnection, type LiveConnectionState } from './index.ts';

const subscribe = (cb: () => void) => liveConnection.onState(cb);
const snapshot = () => liveConnection.getState();

/** The live socket's state, re-rendering on change. */
export function useLiveConnectionState(): LiveConnectionState {
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}

/**
 * Asks for camera status pushes while mounted (this opens the tab's live socket) and tells whether
 * they are flowing; callers poll only while they are not.
 */
export function useStatusFeed(): boolean {
  useEffect(() => liveConnection.retain(), []);
  return useLiveConnectionState() === 'open';
}
