import { Button, Card, Group, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import type { IncidentTask, TaskStatus } from '@pantau/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAgencyTasks, useUpdateTask } from '../../../api/incidents.ts';
import { PageHeader } from '../../../components/ui/PageHeader.tsx';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { EmptyState } from '../../../components/ui/EmptyState.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { PRIORITY_COLOR, PriorityBadge, TaskStatusBadge } from '../components/IncidentBadges.tsx';
import { useIncidentLive } from '../hooks/useIncidentLive.ts';
import { NotificationsMenu } from '../components/NotificationsMenu.tsx';

const NEXT: Partial<Record<TaskStatus, Exclude<TaskStatus, 'dispatched'>>> = { dispatched: 'en_route', en_route: 'on_scene', on_scene: 'done' };

function TaskCard({ task }: { task: IncidentTask }) {
  const { t } = useTranslation();
  const update = useUpdateTask();
  const next = NEXT[task.status];
  return (
    <Card withBorder data-testid="agency-task" data-ticket={task.ticket} data-task-status={task.status} style={{ borderLeft: `4px solid var(--mantine-color-${PRIORITY_COLOR[task.priority]}-6)` }}>
      <Group justify="space-between" mb={4}>
        <Text component={Link} to={`/insiden/${task.incidentId}`} fw={700} c="blue">{task.ticket}</Text>
        <Group gap={4}>
          <PriorityBadge priority={task.priority} />
          <TaskStatusBadge status={task.status} />
        </Group>
      </Group>
      <Text size="sm" fw={500}>{t(`incidents.category.${task.category}`, { defaultValue: task.category })} · {task.address}</Text>
      <Text size="sm" c="dimmed" lineClamp={3}>{task.description}</Text>
      <Text size="xs" c="dimmed" mt={4}>{formatDateTime(task.updatedAt)}</Text>
      {next && (
        <Button mt="sm" size="xs" loading={update.isPending} onClick={() => update.mutate({ id: task.id, status: next, note: null })} data-testid={`task-${next}`}>
          {t(`incidents.taskAction.${next}`)}
        </Button>
      )}
      {update.error && <ErrorAlert error={update.error} />}
    </Card>
  );
}

/** The agency officer's workspace: only its own agency's tasks, live. */
export function AgencyTasksPage() {
  const { t } = useTranslation();
  const tasks = useAgencyTasks();
  useIncidentLive({ sound: true });
  return (
    <Stack>
      <PageHeader title={t('incidents.tasks.title')} subtitle={t('incidents.tasks.subtitle')} actions={<NotificationsMenu />} />
      {tasks.error && <ErrorAlert error={tasks.error} onRetry={() => void tasks.refetch()} />}
      {tasks.isPending ? (
        <Skeleton height={160} />
      ) : !tasks.data?.length ? (
        <EmptyState title={t('incidents.tasks.empty')} />
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          {tasks.data.map((task) => (
            <TaskCard key={task.id} task={task} />
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}
