import { Anchor, Button, Grid, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { usePpidRequest } from '../../../api/ppid.ts';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { useCan } from '../../auth/hooks/useMe.ts';
import { DeadlineLine, StatusBadge } from '../components/Badges.tsx';
import { ObjectionCard } from '../components/ObjectionCard.tsx';
import { RequestActions } from '../components/RequestActions.tsx';
import { RequestTimeline } from '../components/Timeline.tsx';

/** One request for officers: requester, deadline with its days off, answer, documents, timeline, actions, objections. */
export function PpidRequestPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const can = useCan();
  const req = usePpidRequest(id);
  if (req.isError) return <ErrorAlert error={req.error} onRetry={() => void req.refetch()} />;
  if (!req.data) return <Skeleton height={320} />;
  const r = req.data;
  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <Group gap="sm">
          <Button component={Link} to="/ppid" variant="subtle" leftSection={<IconArrowLeft size={16} />} size="xs">
            {t('ppid.detail.back')}
          </Button>
          <Title order={2} ff="monospace" fz={22}>
            {r.registrationNumber}
          </Title>
          <StatusBadge status={r.status} />
        </Group>
        <Text size="sm">{r.organizationName ?? t('ppid.queue.utama')}</Text>
      </Group>
      <DeadlineLine deadline={r.deadline} />
      <Grid>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            <Paper withBorder p="md" radius="md">
              <Text fw={600} mb={4}>{t('ppid.queue.information')}</Text>
              <Text style={{ whiteSpace: 'pre-wrap' }} data-testid="detail-information">{r.information}</Text>
              <Text size="sm" mt="xs">{t('ppid.detail.purpose')}: {r.purpose}</Text>
              {r.responseText && (
                <Text size="sm" mt="xs" data-testid="detail-response">
                  <b>{r.responseKind && t(`ppid.responseKinds.${r.responseKind}`)}</b>: {r.responseText}
                  {r.exemptionGround && ` — Pasal 17 huruf ${r.exemptionGround}: ${r.consequenceTest}`}
                </Text>
              )}
              {r.documents.map((d) => (
                <Anchor key={d.id} href={`/api/ppid/documents/${d.id}`} size="sm" display="block">
                  {d.filename}
                </Anchor>
              ))}
            </Paper>
            {can('ppid.request.handle') && (
              <Paper withBorder p="md" radius="md">
                <RequestActions r={r} />
              </Paper>
            )}
            {r.objections.length > 0 && (
              <Stack gap="xs">
                <Title order={4}>{t('ppid.detail.objections')}</Title>
                {r.objections.map((o) => <ObjectionCard key={o.id} o={o} />)}
              </Stack>
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md">
            <Paper withBorder p="md" radius="md">
              <Text fw={600} mb={4}>{t('ppid.detail.requester')}</Text>
              <Text size="sm">{r.name} · {t(`ppid.kinds.${r.requesterKind}`)}</Text>
              <Text size="sm">{r.idNumber}</Text>
              <Text size="sm">{r.address}</Text>
              <Text size="sm">{r.phone} · {r.email}</Text>
              <Text size="sm">{t(`ppid.delivery.${r.deliveryMethod}`)} · {t(`ppid.copy.${r.copyFormat}`)}</Text>
            </Paper>
            <Paper withBorder p="md" radius="md">
              <RequestTimeline events={r.events} />
            </Paper>
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
