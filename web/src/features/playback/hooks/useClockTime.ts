import { useEffect, useState, useSyncExternalStore } from 'react';
import type { ClockState, MasterClock } from './masterClock.ts';

/** Play/pause/speed of the clock, re-rendering only when they change. */
export function useClockState(clock: MasterClock): ClockState {
  return useSyncExternalStore(clock.subscribe, clock.state);
}

/** The clock's instant, sampled `hz` times a second (and at once on seek/play/pause) for the display and the playhead. */
export function useClockTime(clock: MasterClock, hz = 5): number {
  const [t, setT] = useState(() => clock.now());
  useEffect(() => {
    const tick = () => setT(clock.now());
    const timer = window.setInterval(tick, 1000 / hz);
    const unsubscribe = clock.subscribe(tick);
    return () => {
      window.clearInterval(timer);
      unsubscribe();
    };
  }, [clock, hz]);
  return t;
}
