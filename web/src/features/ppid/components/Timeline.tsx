import { Text, Timeline } from '@mantine/core';
import type { PpidEvent } from '@pantau/shared';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format.ts';

/** A request's history, oldest first, with each event's note. */
export function RequestTimeline({ events }: { events: PpidEvent[] }) {
  const { t, i18n } = useTranslation();
  const label = (kind: string) => (i18n.exists(`ppid.events.${kind}`) ? t(`ppid.events.${kind}` as never) : kind.replace(/_/g, ' '));
  return (
    <Timeline bulletSize={14} lineWidth={2} active={events.length - 1} data-testid="ppid-timeline">
      {events.map((e, i) => (
        <Timeline.Item key={i} title={label(e.kind)}>
          <Text size="xs" c="dimmed">
            {formatDateTime(e.at)} · {e.actor}
          </Text>
          {e.note && <Text size="sm">{e.note}</Text>}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
