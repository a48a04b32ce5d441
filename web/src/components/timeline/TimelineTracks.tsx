import type { Timeline } from '@pantau/shared';
import { formatTime } from './time.ts';
import { ticks, xOf, type TimelineView } from './timelineModel.ts';

export const AXIS_H = 22;
export const ROW_H = 30;

interface Props {
  view: TimelineView;
  width: number;
  rows: (Timeline | undefined)[];
  playhead: number;
  marks: { in: number | null; out: number | null };
  hoverX: number | null;
  /** The wall clock: nothing after it is a gap, and a live recording reaches it. */
  now: number;
}

/** Pixel extent of [start, end) clipped to the visible track, or null when off screen. */
function extent(view: TimelineView, width: number, start: string, end: string): { x: number; w: number } | null {
  const a = Math.max(-2, xOf(view, Date.parse(start), width));
  const b = Math.min(width + 2, xOf(view, Date.parse(end), width));
  if (b <= 0 || a >= width || b <= a) return null;
  return { x: a, w: Math.max(1, b - a) };
}

/** The drawing of the timeline: axis, recorded spans, gaps, holds, bookmarks, in/out range, playhead. */
export function TimelineTracks({ view, width, rows, playhead, marks, hoverX, now }: Props) {
  const height = AXIS_H + rows.length * ROW_H;
  const ph = xOf(view, playhead, width);
  const inX = marks.in !== null ? xOf(view, marks.in, width) : null;
  const outX = marks.out !== null ? xOf(view, marks.out, width) : null;
  return (
    <svg width={width} height={height} className="tl-svg" aria-hidden>
      {ticks(view, width).map(({ t }) => {
        const x = xOf(view, t, width);
        const midnight = new Date(t).getHours() === 0 && new Date(t).getMinutes() === 0 && new Date(t).getSeconds() === 0;
        return (
          <g key={t}>
            <line x1={x} x2={x} y1={AXIS_H - 6} y2={height} className={midnight ? 'tl-tick tl-tick-day' : 'tl-tick'} />
            <text x={x + 3} y={AXIS_H - 9} className="tl-label">
              {midnight ? new Date(t).toLocaleDateString(undefined, { day: 'numeric', month: 'short' }) : formatTime(t).slice(0, view.span <= 10 * 60_000 ? 8 : 5)}
            </text>
          </g>
        );
      })}
      {rows.map((data, i) => {
        const y = AXIS_H + i * ROW_H;
        return (
          <g key={i} transform={`translate(0 ${y})`}>
            <rect x={0} y={4} width={width} height={ROW_H - 8} className="tl-row-bg" />
            {data?.recorded.map((s, k) => {
              // The open span of a camera still recording grows between refreshes: draw it up to now.
              const end = data.live && k === data.recorded.length - 1 ? new Date(Math.max(Date.parse(s.end), now)).toISOString() : s.end;
              const e = extent(view, width, s.start, end);
              return e && <rect key={`r${s.start}`} x={e.x} y={6} width={e.w} height={ROW_H - 12} className="tl-recorded" />;
            })}
            {data?.gaps.map((g) => {
              // The future is not a gap, nor is the tail of a recording that is still running.
              const tail = data.live && data.recorded.length > 0 && Date.parse(g.start) >= Date.parse(data.recorded[data.recorded.length - 1]!.end);
              if (tail || Date.parse(g.start) >= now) return null;
              const e = extent(view, width, g.start, new Date(Math.min(Date.parse(g.end), now)).toISOString());
              return e && <rect key={`g${g.start}`} x={e.x} y={6} width={e.w} height={ROW_H - 12} className="tl-gap" />;
            })}
            {data?.holds.map((h) => {
              const e = extent(view, width, h.start, h.end);
              return e && <rect key={`h${h.id}`} x={e.x} y={ROW_H - 6} width={e.w} height={3} className={h.releasedAt ? 'tl-hold tl-hold-released' : 'tl-hold'} />;
            })}
            {data?.bookmarks.map((b) => {
              const x = xOf(view, Date.parse(b.start), width);
              if (x < -8 || x > width + 8) return null;
              const e = b.end ? extent(view, width, b.start, b.end) : null;
              return (
                <g key={`b${b.id}`}>
                  {e && <rect x={e.x} y={3} width={e.w} height={3} className="tl-bookmark-range" />}
                  <path d={`M${x - 4} 1 L${x + 4} 1 L${x} 8 Z`} className="tl-bookmark" />
                </g>
              );
            })}
          </g>
        );
      })}
      {inX !== null && outX !== null && outX > inX && <rect x={inX} y={AXIS_H} width={outX - inX} height={height - AXIS_H} className="tl-range" />}
      {inX !== null && <line x1={inX} x2={inX} y1={AXIS_H} y2={height} className="tl-mark" />}
      {outX !== null && <line x1={outX} x2={outX} y1={AXIS_H} y2={height} className="tl-mark" />}
      {hoverX !== null && <line x1={hoverX} x2={hoverX} y1={0} y2={height} className="tl-hover" />}
      {ph >= 0 && ph <= width && (
        <g>
          <line x1={ph} x2={ph} y1={0} y2={height} className="tl-playhead" />
          <path d={`M${ph - 5} 0 L${ph + 5} 0 L${ph} 7 Z`} className="tl-playhead-head" />
        </g>
      )}
    </svg>
  );
}
