import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { WallLayout, WallTour } from '@pantau/shared';

interface Run {
  tourId: string;
  index: number;
  paused: boolean;
  /** When the current layout's turn ends (ms epoch); while paused, the time that was left. */
  endsAt: number;
  leftMs: number;
}

export interface TourPlayback {
  tour: WallTour;
  /** Layouts of the tour that still exist, in tour order. */
  steps: WallLayout[];
  index: number;
  paused: boolean;
  secondsLeft: number;
}

/**
 * Rotates the wall through a tour's layouts, each for `dwellSeconds`; pause, next, previous, stop.
 * `show` puts a layout on the wall.
 */
export function useTour(tours: WallTour[] | undefined, layouts: WallLayout[] | undefined, show: (l: WallLayout) => void) {
  const [run, setRun] = useState<Run | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const showRef = useRef(show);
  useEffect(() => {
    showRef.current = show;
  }, [show]);

  const tour = run ? tours?.find((t) => t.id === run.tourId) : undefined;
  const steps = useMemo(
    () => (tour && layouts ? tour.layoutIds.map((id) => layouts.find((l) => l.id === id)).filter((l): l is WallLayout => !!l) : []),
    [tour, layouts],
  );

  const go = useCallback(
    (index: number, from: Run, list: WallLayout[], dwellMs: number) => {
      const i = ((index % list.length) + list.length) % list.length;
      showRef.current(list[i]!);
      setNow(Date.now());
      setRun({ ...from, index: i, endsAt: Date.now() + dwellMs, leftMs: dwellMs });
    },
    [],
  );

  const start = useCallback(
    (t: WallTour) => {
      const list = t.layoutIds.map((id) => layouts?.find((l) => l.id === id)).filter((l): l is WallLayout => !!l);
      if (list.length === 0) return;
      go(0, { tourId: t.id, index: 0, paused: false, endsAt: 0, leftMs: 0 }, list, t.dwellSeconds * 1000);
    },
    [layouts, go],
  );

  const step = useCallback(
    (delta: number) => {
      if (run && tour && steps.length) go(run.index + delta, run, steps, tour.dwellSeconds * 1000);
    },
    [run, tour, steps, go],
  );

  const togglePause = useCallback(() => {
    setNow(Date.now());
    setRun((r) => {
      if (!r) return r;
      return r.paused ? { ...r, paused: false, endsAt: Date.now() + r.leftMs } : { ...r, paused: true, leftMs: Math.max(0, r.endsAt - Date.now()) };
    });
  }, []);

  const stop = useCallback(() => setRun(null), []);

  // The clock: drives the countdown and the change of layout.
  useEffect(() => {
    if (!run || run.paused) return;
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [run]);

  useEffect(() => {
    if (run && !run.paused && now >= run.endsAt) step(1);
  }, [now, run, step]);

  // A tour deleted or emptied while playing stops.
  useEffect(() => {
    if (run && tours && (!tour || steps.length === 0)) setRun(null);
  }, [run, tours, tour, steps.length]);

  const playback: TourPlayback | null =
    run && tour && steps.length
      ? { tour, steps, index: run.index, paused: run.paused, secondsLeft: Math.max(0, Math.ceil((run.paused ? run.leftMs : run.endsAt - now) / 1000)) }
      : null;

  return { playback, start, next: () => step(1), prev: () => step(-1), togglePause, stop };
}

export type Tour = ReturnType<typeof useTour>;
