import { useState } from 'react';
import { Badge, Button, Checkbox, Group, Stack, Text, Textarea, Timeline } from '@mantine/core';
import type { IncidentDetail } from '@pantau/shared';
import { useTranslation } from 'react-i18next';
import { useIncidentAction } from '../../../api/incidents.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { useCan } from '../../auth/hooks/useMe.ts';
import { TaskStatusBadge } from './IncidentBadges.tsx';

/** The SOP checklist: required steps are marked; only active incidents can be ticked. */
export function SopChecklist({ incident }: { incident: IncidentDetail }) {
  const { t } = useTranslation();
  const can = useCan();
  const act = useIncidentAction(incident.id);
  const active = ['received', 'verified', 'dispatched', 'in_progress', 'on_hold'].includes(incident.status);
  if (!incident.checklist.length) return <Text c="dimmed" size="sm">{t('incidents.sop.none')}</Text>;
  return (
    <Stack gap={6} data-testid="sop-checklist">
      {incident.checklist.map((c) => (
        <Checkbox
          key={c.id}
          checked={!!c.doneAt}
          disabled={!can('incident.manage') || !active || act.check.isPending}
          onChange={(e) => act.check.mutate({ checkId: c.id, done: e.currentTarget.checked })}
          label={
            <Group gap={6}>
              <Text size="sm">{c.title}</Text>
              {c.required && <Badge size="xs" color="red" variant="light">{t('incidents.sop.required')}</Badge>}
              {c.doneAt && <Text size="xs" c="dimmed">{`${c.doneBy ?? ''} · ${formatDateTime(c.doneAt)}`}</Text>}
            </Group>
          }
          data-testid="sop-step"
        />
      ))}
      {incident.sopOverride && <Badge color="orange">{t('incidents.sop.overridden')}</Badge>}
    </Stack>
  );
}

export function TaskList({ incident }: { incident: IncidentDetail }) {
  const { t } = useTranslation();
  if (!incident.tasks.length) return <Text c="dimmed" size="sm">{t('incidents.tasks.none')}</Text>;
  return (
    <Stack gap={6} data-testid="incident-tasks">
      {incident.tasks.map((task) => (
        <Group key={task.id} justify="space-between" wrap="nowrap">
          <Stack gap={0}>
            <Text size="sm" fw={500}>{task.organizationName}</Text>
            {task.note && <Text size="xs" c="dimmed">{task.note}</Text>}
          </Stack>
          <TaskStatusBadge status={task.status} />
        </Group>
      ))}
    </Stack>
  );
}

/** Everything that happened, oldest first, with a box for internal comments. */
export function IncidentTimeline({ incident }: { incident: IncidentDetail }) {
  const { t } = useTranslation();
  const can = useCan();
  const act = useIncidentAction(incident.id);
  const [note, setNote] = useState('');
  return (
    <Stack>
      <Timeline bulletSize={14} lineWidth={2} data-testid="incident-timeline">
        {incident.events.map((e) => (
          <Timeline.Item key={e.id} title={t(`incidents.event.${e.kind}`, { defaultValue: e.kind })}>
            {e.toStatus && <Text size="sm">{e.fromStatus ? `${t(`incidents.status.${e.fromStatus}`)} → ` : ''}{t(`incidents.status.${e.toStatus}`)}</Text>}
            {e.note && <Text size="sm" c="dimmed">{e.note}</Text>}
            <Text size="xs" c="dimmed">{`${e.actor} · ${formatDateTime(e.at)}`}</Text>
          </Timeline.Item>
        ))}
      </Timeline>
      {can('incident.manage') && (
        <Group align="flex-end" gap="xs">
          <Textarea style={{ flex: 1 }} label={t('incidents.comment.label')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={1} />
          <Button disabled={!note.trim()} loading={act.comment.isPending} onClick={() => act.comment.mutate(note.trim(), { onSuccess: () => setNote('') })}>
            {t('incidents.comment.add')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
