import { useEffect, useRef, useState, type PointerEvent as ReactPointerEvent, type RefObject } from 'react';
import { timeAt, zoomAround, type TimelineView } from './timelineModel.ts';

/** Movement (px) beyond which a press is a drag (pan) rather than a click (seek). */
const DRAG_PX = 4;

export interface Hover {
  x: number;
  y: number;
  t: number;
}

/**
 * Mouse and touch on the timeline: wheel zooms around the pointer, drag pans, a click seeks,
 * and the hovered instant is reported for the tooltip.
 */
export function useTimelinePointer(
  track: RefObject<HTMLDivElement | null>,
  width: number,
  view: TimelineView,
  onView: (v: TimelineView) => void,
  onSeek: (t: number) => void,
) {
  const [hover, setHover] = useState<Hover | null>(null);
  const press = useRef<{ x: number; center: number; dragged: boolean } | null>(null);
  const latest = useRef({ view, onView, width });
  useEffect(() => {
    latest.current = { view, onView, width };
  });

  // A wheel listener must be non-passive to keep the page from scrolling, which React's is not.
  useEffect(() => {
    const el = track.current;
    if (!el) return;
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const { view: v, onView: set, width: w } = latest.current;
      const x = e.clientX - el.getBoundingClientRect().left;
      set(zoomAround(v, Math.exp(e.deltaY * 0.0015), timeAt(v, x, w)));
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, [track]);

  const local = (e: ReactPointerEvent) => {
    const r = e.currentTarget.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  };

  return {
    hover,
    handlers: {
      onPointerDown: (e: ReactPointerEvent<HTMLDivElement>) => {
        if (e.button !== 0) return;
        e.currentTarget.setPointerCapture(e.pointerId);
        press.current = { x: local(e).x, center: view.center, dragged: false };
      },
      onPointerMove: (e: ReactPointerEvent<HTMLDivElement>) => {
        const p = local(e);
        const start = press.current;
        if (start) {
          const dx = p.x - start.x;
          if (Math.abs(dx) > DRAG_PX) start.dragged = true;
          if (start.dragged) {
            onView({ center: start.center - (dx / width) * view.span, span: view.span });
            setHover(null);
            return;
          }
        }
        setHover({ ...p, t: timeAt(view, p.x, width) });
      },
      onPointerUp: (e: ReactPointerEvent<HTMLDivElement>) => {
        const start = press.current;
        press.current = null;
        if (start && !start.dragged) onSeek(timeAt(view, local(e).x, width));
      },
      onPointerCancel: () => {
        press.current = null;
      },
      onPointerLeave: () => setHover(null),
    },
  };
}
