import { useCallback, useEffect, useMemo, useState } from 'react';
import { HOUR } from '../../../components/timeline/time.ts';
import { stepZoom, viewEnd, viewStart, type TimelineView } from '../../../components/timeline/timelineModel.ts';
import { MasterClock } from './masterClock.ts';
import { frameMs, itemAt, playbackWindow } from './playbackModel.ts';
import { useClockState, useClockTime } from './useClockTime.ts';
import { useContinuity } from './useContinuity.ts';
import { usePlaybackItems } from './usePlaybackItems.ts';

/** ←/→ while playing jump this far. */
const JUMP_MS = 10_000;

export interface Marks {
  in: number | null;
  out: number | null;
}

/**
 * Everything the playback page shares between grid, controls and timeline: the master clock, the
 * playable items, the timeline view, the in/out range and the focused camera.
 */
export function usePlaybackSession(cameraIds: string[], initialT: number) {
  const [clock] = useState(() => new MasterClock(initialT));
  const t = useClockTime(clock);
  const clockState = useClockState(clock);
  const hour = Math.floor(t / HOUR);
  const win = useMemo(() => playbackWindow(hour * HOUR), [hour]);
  const playback = usePlaybackItems(cameraIds, win.from, win.to);
  const [view, setView] = useState<TimelineView>({ center: initialT, span: HOUR });
  const [marks, setMarks] = useState<Marks>({ in: null, out: null });
  const [picked, setFocused] = useState<string | null>(null);
  const focusedId = picked && cameraIds.includes(picked) ? picked : (cameraIds[0] ?? null);

  /** Brings an instant into the timeline's view without changing the zoom. */
  const reveal = useCallback((at: number) => {
    setView((v) => (at < viewStart(v) || at > viewEnd(v) ? { center: at, span: v.span } : v));
  }, []);

  const seek = useCallback(
    (at: number) => {
      clock.seek(at);
      reveal(at);
    },
    [clock, reveal],
  );

  // While playing, the timeline follows the playhead.
  useEffect(() => {
    if (clockState.playing) reveal(t);
  }, [t, clockState.playing, reveal]);

  useContinuity(clock, t, clockState.playing, cameraIds, playback, win, seek);

  const focusedItem = focusedId ? itemAt(playback.get(focusedId)?.items ?? [], t) : null;

  return {
    clock,
    t,
    playing: clockState.playing,
    rate: clockState.rate,
    playback,
    view,
    setView,
    marks,
    setMarks,
    focusedId,
    setFocused,
    seek,
    /** ←/→: one frame of the focused camera while paused, 10 s while playing. */
    step: (dir: 1 | -1) => {
      const d = clock.playing ? JUMP_MS : frameMs(focusedItem);
      seek(clock.now() + dir * d);
    },
    /** +/-: zoom around the playhead, where the user is looking. */
    zoom: (dir: 1 | -1) => setView((v) => ({ center: clock.now(), span: stepZoom(v.span, dir) })),
    markIn: () => {
      const now = clock.now();
      setMarks((m) => ({ in: now, out: m.out !== null && m.out > now ? m.out : null }));
    },
    markOut: () => {
      const now = clock.now();
      setMarks((m) => ({ in: m.in !== null && m.in < now ? m.in : null, out: now }));
    },
    clearMarks: () => setMarks({ in: null, out: null }),
  };
}

export type PlaybackSession = ReturnType<typeof usePlaybackSession>;
