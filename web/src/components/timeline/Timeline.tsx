import { useRef } from 'react';
import { Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import type { Timeline as TimelineData } from '@pantau/shared';
import { useTranslation } from 'react-i18next';
import { formatTime, zoneLabel } from './time.ts';
import { AXIS_H, ROW_H, TimelineTracks } from './TimelineTracks.tsx';
import type { TimelineView } from './timelineModel.ts';
import { useThumbnail } from './useThumbnail.ts';
import { useTimelinePointer, type Hover } from './useTimelinePointer.ts';
import './timeline.css';

export interface TimelineRow {
  /** Camera id. */
  id: string;
  label: string;
  data: TimelineData | undefined;
  loading: boolean;
}

interface Props {
  view: TimelineView;
  onView: (v: TimelineView) => void;
  rows: TimelineRow[];
  playhead: number;
  marks: { in: number | null; out: number | null };
  onSeek: (t: number) => void;
}

const LABEL_W = 132;
const THUMB_W = 176;

/** Whether instant `t` is recorded as of the last answer (thumbnails are only asked for there). */
function recordedAt(row: TimelineRow | undefined, t: number): boolean {
  return (row?.data?.recorded ?? []).some((s) => Date.parse(s.start) <= t && t < Date.parse(s.end));
}

/** What lies under the pointer in a row: the gap (with its reason) or the bookmarks near it. */
function underPointer(row: TimelineRow | undefined, t: number, slack: number) {
  const gap = t < Date.now() ? (row?.data?.gaps.find((g) => Date.parse(g.start) <= t && t < Date.parse(g.end)) ?? null) : null;
  const notes = row?.data?.bookmarks.filter((b) => Math.abs(Date.parse(b.start) - t) <= slack || (b.end && Date.parse(b.start) <= t && t < Date.parse(b.end))) ?? [];
  const holds = row?.data?.holds.filter((h) => !h.releasedAt && Date.parse(h.start) <= t && t < Date.parse(h.end)) ?? [];
  return { gap, notes, holds };
}

/**
 * A zoomable timeline (1 minute to 7 days) of one or several cameras: recorded spans, gaps with
 * their reason, bookmarks and holds; wheel zooms, drag pans, click seeks, hover shows a thumbnail.
 */
export function Timeline({ view, onView, rows, playhead, marks, onSeek }: Props) {
  const { t } = useTranslation();
  const { ref: sizeRef, width } = useElementSize();
  const track = useRef<HTMLDivElement>(null);
  const { hover, handlers } = useTimelinePointer(track, width, view, onView, onSeek);
  const rowIndex = hover ? Math.floor((hover.y - AXIS_H) / ROW_H) : -1;
  const row = rowIndex >= 0 ? rows[rowIndex] : undefined;
  const perPx = view.span / Math.max(1, width);
  const thumb = useThumbnail(row && hover && recordedAt(row, hover.t) ? row.id : null, hover?.t ?? null, Math.max(1000, perPx * 4));
  const under = hover ? underPointer(row, hover.t, perPx * 5) : null;

  return (
    <Paper withBorder radius="md" p={0} className="tl" data-testid="timeline">
      <Group gap={0} wrap="nowrap" align="stretch">
        <Stack gap={0} w={LABEL_W} className="tl-labels">
          <Text size="xs" c="dimmed" h={AXIS_H} px={8} lh={`${AXIS_H}px`}>
            {zoneLabel(playhead)}
          </Text>
          {rows.map((r) => (
            <Group key={r.id} h={ROW_H} px={8} gap={4} wrap="nowrap">
              {r.loading && <Loader size={10} />}
              <Text size="xs" truncate="end" title={r.label}>
                {r.label}
              </Text>
            </Group>
          ))}
        </Stack>
        <div
          ref={(el) => {
            sizeRef(el);
            track.current = el;
          }}
          className="tl-track"
          data-testid="timeline-track"
          data-from={new Date(view.center - view.span / 2).toISOString()}
          data-to={new Date(view.center + view.span / 2).toISOString()}
          role="slider"
          tabIndex={0}
          aria-label={t('playback.timeline.label')}
          aria-valuemin={view.center - view.span / 2}
          aria-valuemax={view.center + view.span / 2}
          aria-valuenow={playhead}
          aria-valuetext={formatTime(playhead)}
          {...handlers}
        >
          {width > 0 && <TimelineTracks view={view} width={width} rows={rows.map((r) => r.data)} playhead={playhead} marks={marks} hoverX={hover?.x ?? null} now={Date.now()} />}
          {hover && <HoverCard hover={hover} width={width} thumb={thumb} gapReason={under?.gap ? under.gap.reason ?? 'unknown' : null} notes={under?.notes.map((b) => b.note) ?? []} holds={under?.holds.map((h) => h.caseNumber ?? h.reason) ?? []} />}
        </div>
      </Group>
    </Paper>
  );
}

interface HoverCardProps {
  hover: Hover;
  width: number;
  thumb: string | null;
  gapReason: string | null;
  notes: string[];
  /** Active holds here, by case number or reason. */
  holds: string[];
}

function HoverCard({ hover, width, thumb, gapReason, notes, holds }: HoverCardProps) {
  const { t } = useTranslation();
  const left = Math.min(Math.max(0, hover.x - THUMB_W / 2), Math.max(0, width - THUMB_W));
  const known = ['crash', 'backlog', 'offline', 'detach', 'unknown'] as const;
  const reason = gapReason === null ? null : (known as readonly string[]).includes(gapReason) ? t(`playback.gapReason.${gapReason as (typeof known)[number]}`) : gapReason;
  return (
    <div className="tl-hovercard" style={{ left, width: THUMB_W }} data-testid="timeline-hover">
      {thumb && <img src={thumb} alt="" className="tl-thumb" />}
      <Text size="xs" fw={600}>
        {formatTime(hover.t)} {zoneLabel(hover.t)}
      </Text>
      {reason && (
        <Text size="xs" c="red.3" data-testid="timeline-gap-reason">
          {t('playback.timeline.gap', { reason })}
        </Text>
      )}
      {holds.slice(0, 2).map((h, i) => (
        <Text key={`h${i}`} size="xs" c="orange.3" lineClamp={1}>
          {t('playback.timeline.held', { what: h })}
        </Text>
      ))}
      {notes.slice(0, 3).map((n, i) => (
        <Text key={i} size="xs" c="yellow.3" lineClamp={2}>
          {n}
        </Text>
      ))}
    </div>
  );
}
