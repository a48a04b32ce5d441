import { Badge, Tooltip } from '@mantine/core';
import type { IncidentPriority, IncidentStatus, SlaTimer, TaskStatus } from '@pantau/shared';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format.ts';

/** Priority colours, shared by badges, board rows and map points. */
export const PRIORITY_COLOR: Record<IncidentPriority, string> = { critical: 'red', high: 'orange', medium: 'yellow', low: 'gray' };
export const PRIORITY_HEX: Record<IncidentPriority, string> = { critical: '#e03131', high: '#f76707', medium: '#f59f00', low: '#868e96' };
const SLA_COLOR = { ok: 'teal', warning: 'yellow', breached: 'red', met: 'green', late: 'grape' } as const;
const STATUS_COLOR: Record<IncidentStatus, string> = {
  received: 'blue', verified: 'cyan', rejected: 'gray', merged: 'gray', dispatched: 'indigo', in_progress: 'violet', on_hold: 'yellow', resolved: 'green', closed: 'dark',
};

export function PriorityBadge({ priority }: { priority: IncidentPriority }) {
  const { t } = useTranslation();
  return (
    <Badge miw="max-content" color={PRIORITY_COLOR[priority]} variant={priority === 'critical' ? 'filled' : 'light'} data-priority={priority}>
      {t(`incidents.priority.${priority}`)}
    </Badge>
  );
}

export function IncidentStatusBadge({ status }: { status: IncidentStatus }) {
  const { t } = useTranslation();
  return (
    <Badge miw="max-content" color={STATUS_COLOR[status]} variant="light" data-incident-status={status}>
      {t(`incidents.status.${status}`)}
    </Badge>
  );
}

export function TaskStatusBadge({ status }: { status: TaskStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={status === 'done' ? 'green' : 'indigo'} variant="outline" data-task-status={status}>
      {t(`incidents.taskStatus.${status}`)}
    </Badge>
  );
}

/** One SLA timer: its state as colour, the due time on hover. */
export function SlaBadge({ timer, label }: { timer: SlaTimer; label: 'response' | 'resolution' }) {
  const { t } = useTranslation();
  return (
    <Tooltip label={t('incidents.sla.due', { time: formatDateTime(timer.dueAt) })}>
      <Badge miw="max-content" color={SLA_COLOR[timer.state]} variant={timer.state === 'breached' ? 'filled' : 'dot'} data-sla={timer.state}>
        {t(`incidents.sla.${label}`)}: {t(`incidents.sla.state.${timer.state}`)}
      </Badge>
    </Tooltip>
  );
}
