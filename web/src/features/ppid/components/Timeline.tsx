import { Text, Timeline } from '@mantine/core';
import type { PpidEvent } from '@pantau/shared';
import { formatDateTime } from '../../../lib/format.ts';

/** A request's history, oldest first. Event kinds are shown as the server names them, with the note. */
export function RequestTimeline({ events }: { events: PpidEvent[] }) {
  return (
    <Timeline bulletSize={14} lineWidth={2} active={events.length - 1} data-testid="ppid-timeline">
      {events.map((e, i) => (
        <Timeline.Item key={i} title={e.kind.replace(/_/g, ' ')}>
          <Text size="xs" c="dimmed">
            {formatDateTime(e.at)} · {e.actor}
          </Text>
          {e.note && <Text size="sm">{e.note}</Text>}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
