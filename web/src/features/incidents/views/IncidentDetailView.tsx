import type { ReactNode } from 'react';
import { Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { IncidentDetail } from '@pantau/shared';
import { useTranslation } from 'react-i18next';
import { LocationMap } from '../../../components/map/LocationMap.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { IncidentStatusBadge, PRIORITY_HEX, PriorityBadge, SlaBadge } from '../components/IncidentBadges.tsx';
import { IncidentActions } from '../components/IncidentActions.tsx';
import { MergeControl } from '../components/MergeControl.tsx';
import { useCan } from '../../auth/hooks/useMe.ts';
import { IncidentTimeline, SopChecklist, TaskList } from '../components/IncidentPanels.tsx';
import { Attachments, NearbyCameras } from '../components/EvidencePanels.tsx';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md">
      <Title order={4} mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/** The incident page: header with SLA timers and actions, then timeline, SOP, tasks, cameras, attachments. */
export function IncidentDetailView({ incident }: { incident: IncidentDetail }) {
  const { t } = useTranslation();
  const can = useCan();
  return (
    <Stack gap="md" data-testid="incident-detail" data-status={incident.status}>
      <Paper withBorder p="md">
        <Group justify="space-between" align="flex-start">
          <Stack gap={4}>
            <Group gap="xs">
              <Title order={2} data-testid="incident-ticket">{incident.ticket}</Title>
              <PriorityBadge priority={incident.priority} />
              <IncidentStatusBadge status={incident.status} />
            </Group>
            <Text fw={500}>{t(`incidents.category.${incident.category}`, { defaultValue: incident.category })} · {incident.address || `${incident.lat.toFixed(5)}, ${incident.lng.toFixed(5)}`}</Text>
            <Text size="sm">{incident.description}</Text>
            <Text size="xs" c="dimmed">
              {t(`incidents.channel.${incident.channel}`)} · {formatDateTime(incident.createdAt)} · {t('incidents.fields.owner')}: {incident.ownerName ?? '—'}
            </Text>
            {incident.reporter && !incident.reporter.anonymous && (
              <Text size="sm" data-testid="incident-reporter">
                {t('incidents.fields.reporter')}: {[incident.reporter.name, incident.reporter.phone, incident.reporter.email].filter(Boolean).join(' · ')}
              </Text>
            )}
          </Stack>
          <Group gap={6}>
            <SlaBadge timer={incident.response} label="response" />
            <SlaBadge timer={incident.resolution} label="resolution" />
          </Group>
        </Group>
        <Stack mt="md">
          <IncidentActions incident={incident} />
          {can('incident.manage') && <MergeControl incident={incident} />}
        </Stack>
      </Paper>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            <Section title={t('incidents.sections.sop')}>
              <SopChecklist incident={incident} />
            </Section>
            <Section title={t('incidents.sections.tasks')}>
              <TaskList incident={incident} />
            </Section>
            <Section title={t('incidents.sections.timeline')}>
              <IncidentTimeline incident={incident} />
            </Section>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md">
            <Paper withBorder style={{ overflow: 'hidden' }}>
              <LocationMap lat={incident.lat} lng={incident.lng} color={PRIORITY_HEX[incident.priority]} height={220} />
            </Paper>
            <Section title={t('incidents.sections.cameras')}>
              <NearbyCameras incident={incident} />
            </Section>
            <Section title={t('incidents.sections.attachments')}>
              <Attachments incident={incident} />
            </Section>
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
