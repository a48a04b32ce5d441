import { useState } from 'react';
import { Button, Group, Stack, Text, TextInput, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { usePublicTracking } from '../../../api/incidents.ts';
import { AuthCard } from '../../auth/components/AuthCard.tsx';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { IncidentStatusBadge } from '../components/IncidentBadges.tsx';

/** Public: a reporter types the ticket and sees its status history (no personal data, no login). */
export function TrackingPage() {
  const { t } = useTranslation();
  const { ticket = '' } = useParams();
  const navigate = useNavigate();
  const [input, setInput] = useState(ticket);
  const q = usePublicTracking(ticket);
  return (
    <AuthCard title={t('incidents.track.title')}>
      <form onSubmit={(e) => (e.preventDefault(), void navigate(`/lacak/${input.trim().toUpperCase()}`))}>
        <Group align="flex-end" gap="xs">
          <TextInput style={{ flex: 1 }} label={t('incidents.fields.ticket')} placeholder="PTU-260105-ABCDEF" value={input} onChange={(e) => setInput(e.currentTarget.value)} data-testid="track-ticket" />
          <Button type="submit">{t('incidents.track.find')}</Button>
        </Group>
      </form>
      {q.error && <ErrorAlert error={q.error} title={t('incidents.track.notFound')} />}
      {q.data && (
        <Stack mt="md" gap="sm" data-testid="track-result">
          <Group gap="xs">
            <Text fw={700}>{q.data.ticket}</Text>
            <IncidentStatusBadge status={q.data.status} />
          </Group>
          <Text size="sm">{t(`incidents.category.${q.data.category}`, { defaultValue: q.data.category })}</Text>
          <Timeline bulletSize={12}>
            {q.data.history.map((h, i) => (
              <Timeline.Item key={i} title={t(`incidents.status.${h.status}`)}>
                <Text size="xs" c="dimmed">{formatDateTime(h.at)}</Text>
              </Timeline.Item>
            ))}
          </Timeline>
          {q.data.canReopenUntil && <Text size="sm">{t('incidents.track.reopenUntil', { time: formatDateTime(q.data.canReopenUntil) })}</Text>}
        </Stack>
      )}
    </AuthCard>
  );
}
