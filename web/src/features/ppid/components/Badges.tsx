import { Badge, Group, Text, Tooltip } from '@mantine/core';
import type { PpidDeadline, PpidRequestStatus } from '@pantau/shared';
import { useTranslation } from 'react-i18next';

/** Badge labels are short phrases here: show them whole rather than cut with an ellipsis. */
const FULL_LABEL = { root: { flexShrink: 0, maxWidth: 'none' }, label: { overflow: 'visible' } } as const;
const STATE_COLOR = { on_time: 'teal', due_soon: 'yellow', overdue: 'orange', very_overdue: 'red', closed: 'gray' } as const;
const STATUS_COLOR: Record<PpidRequestStatus, string> = { received: 'blue', clarification: 'yellow', granted: 'teal', partially_granted: 'lime', refused: 'red', not_held: 'gray', withdrawn: 'gray' };

/** The deadline badge: state plus working days left or late; the days off counted show on hover. */
export function DeadlineBadge({ deadline }: { deadline: Pick<PpidDeadline, 'state' | 'workingDaysLeft'> & { daysOff?: PpidDeadline['daysOff'] } }) {
  const { t } = useTranslation();
  const n = deadline.workingDaysLeft;
  const detail = deadline.state === 'closed' ? null : n >= 0 ? t('ppid.deadline.daysLeft', { count: n }) : t('ppid.deadline.daysLate', { count: -n });
  const badge = (
    <Group gap={4} data-testid="deadline-badge">
      <Badge color={STATE_COLOR[deadline.state]} variant="light" tt="none" styles={FULL_LABEL}>
        {t(`ppid.state.${deadline.state}`)}
      </Badge>
      {detail && (
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          {detail}
        </Text>
      )}
    </Group>
  );
  const off = deadline.daysOff?.filter((d) => d.kind !== 'weekend') ?? [];
  return off.length ? (
    <Tooltip label={t('ppid.deadline.daysOff', { list: off.map((d) => `${d.date} ${d.label}`).join('; ') })} multiline w={320}>
      <div>{badge}</div>
    </Tooltip>
  ) : (
    badge
  );
}

export function StatusBadge({ status }: { status: PpidRequestStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOR[status]} variant="outline" tt="none" styles={FULL_LABEL} data-testid="status-badge">
      {t(`ppid.status.${status}`)}
    </Badge>
  );
}

/** Received and due dates with the extension mark, as on every request. */
export function DeadlineLine({ deadline }: { deadline: PpidDeadline }) {
  const { t } = useTranslation();
  return (
    <Group gap="md" wrap="wrap">
      <Text size="sm">
        {t('ppid.deadline.received')}: <b>{deadline.receivedOn}</b>
      </Text>
      <Text size="sm">
        {t('ppid.deadline.due')}: <b data-testid="due-on">{deadline.dueOn}</b>
        {deadline.extended && ` (${t('ppid.deadline.extended')})`}
      </Text>
      <DeadlineBadge deadline={deadline} />
    </Group>
  );
}
