import { DAY, HOUR, MINUTE, SECOND, localOffset } from './time.ts';

/** What the timeline shows: `span` ms centred on `center`. */
export interface TimelineView {
  center: number;
  span: number;
}

export const MIN_SPAN = MINUTE;
export const MAX_SPAN = 7 * DAY;

/** The spans the +/- keys and buttons step through. */
export const ZOOM_STEPS = [MINUTE, 5 * MINUTE, 15 * MINUTE, 30 * MINUTE, HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR, DAY, 3 * DAY, 7 * DAY];

export function clampSpan(span: number): number {
  return Math.min(MAX_SPAN, Math.max(MIN_SPAN, span));
}

export function viewStart(v: TimelineView): number {
  return v.center - v.span / 2;
}

export function viewEnd(v: TimelineView): number {
  return v.center + v.span / 2;
}

/** The next zoom step in (`-1`, shorter span) or out (`+1`). */
export function stepZoom(span: number, dir: 1 | -1): number {
  if (dir > 0) return ZOOM_STEPS.find((s) => s > span * 1.01) ?? MAX_SPAN;
  return [...ZOOM_STEPS].reverse().find((s) => s < span * 0.99) ?? MIN_SPAN;
}

/** Zooms by `factor` keeping the instant `anchor` under the same spot (the mouse pointer). */
export function zoomAround(v: TimelineView, factor: number, anchor: number): TimelineView {
  const span = clampSpan(v.span * factor);
  const ratio = (anchor - viewStart(v)) / v.span;
  const start = anchor - ratio * span;
  return { center: start + span / 2, span };
}

/** Instant under pixel `x` of a timeline `width` px wide, and back. */
export function timeAt(v: TimelineView, x: number, width: number): number {
  return viewStart(v) + (x / width) * v.span;
}

export function xOf(v: TimelineView, t: number, width: number): number {
  return ((t - viewStart(v)) / v.span) * width;
}

const TICK_STEPS = [
  SECOND, 5 * SECOND, 10 * SECOND, 15 * SECOND, 30 * SECOND,
  MINUTE, 2 * MINUTE, 5 * MINUTE, 10 * MINUTE, 15 * MINUTE, 30 * MINUTE,
  HOUR, 2 * HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR, DAY,
];

/** The smallest tick step that leaves at least `minPx` between labels. */
export function tickStep(span: number, width: number, minPx = 90): number {
  const perPx = span / Math.max(1, width);
  return TICK_STEPS.find((s) => s / perPx >= minPx) ?? DAY;
}

/** Tick instants inside the view, aligned to local clock boundaries (midnight, whole hours). */
export function ticks(v: TimelineView, width: number): { t: number; step: number }[] {
  const step = tickStep(v.span, width);
  const start = viewStart(v);
  const off = localOffset(start);
  let t = Math.ceil((start + off) / step) * step - off;
  const out: { t: number; step: number }[] = [];
  for (; t <= viewEnd(v) && out.length < 200; t += step) out.push({ t, step });
  return out;
}

/**
 * The range to fetch for a view: whole buckets of the zoom step at or above the span, one bucket
 * either side, so panning and small zooms reuse the cached answer instead of refetching.
 */
export function fetchRange(v: TimelineView): { from: number; to: number } {
  const bucket = ZOOM_STEPS.find((s) => s >= v.span) ?? MAX_SPAN;
  const from = Math.floor(viewStart(v) / bucket) * bucket - bucket;
  return { from, to: from + 3 * bucket };
}
