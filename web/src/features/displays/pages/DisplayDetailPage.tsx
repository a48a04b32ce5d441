import { Anchor, Breadcrumbs, Button, Grid, Group, Paper, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconEdit } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useDisplay } from '../../../api/displays.ts';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { hasCode } from '../../../lib/errors.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { useCan } from '../../auth/hooks/useMe.ts';
import { NotFoundPage } from '../../shell/pages/NotFoundPage.tsx';
import { DisplayStatusBadge, TierBadge } from '../components/DisplayBadges.tsx';
import { DisplayEditModal } from '../components/DisplayEditModal.tsx';
import { PushPanel } from '../components/PushPanel.tsx';
import { ShowingText } from '../components/ShowingText.tsx';
import { useDisplayNames } from '../hooks/useDisplayNames.ts';
import { InfoRow } from '../../../components/ui/InfoRow.tsx';


/** One display: its facts and what it shows on the left, push controls on the right. */
export function DisplayDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const can = useCan();
  const display = useDisplay(id);
  const names = useDisplayNames();
  const [editOpen, edit] = useDisclosure(false);

  if (display.isPending) {
    return (
      <Stack>
        <Skeleton h={32} w="40%" />
        <Skeleton h={320} />
      </Stack>
    );
  }
  if (display.isError) {
    if (hasCode(display.error, 'not_found') || hasCode(display.error, 'validation_failed')) return <NotFoundPage />;
    return <ErrorAlert error={display.error} onRetry={() => void display.refetch()} />;
  }
  const d = display.data;
  const active = d.state === 'active';
  return (
    <Stack gap="md">
      <Breadcrumbs>
        <Anchor component={Link} to="/tampilan" size="sm">
          {t('displays.title')}
        </Anchor>
        <Text size="sm" c="dimmed">
          {d.name}
        </Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start">
        <Group gap="sm">
          <Title order={2} fz={{ base: 22, sm: 26 }} data-testid="display-title">
            {d.name}
          </Title>
          <DisplayStatusBadge display={d} />
        </Group>
        {active && can('display.manage') && (
          <Button variant="default" leftSection={<IconEdit size={16} />} onClick={edit.open} data-testid="display-edit">
            {t('displays.detail.edit')}
          </Button>
        )}
      </Group>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <Paper withBorder radius="md" p="md">
            <Table verticalSpacing={6} data-testid="display-info">
              <Table.Tbody>
                <InfoRow label={t('displays.location')}>{d.location || '—'}</InfoRow>
                <InfoRow label={t('displays.tier')}>
                  <TierBadge tier={d.tier} />
                </InfoRow>
                <InfoRow label={t('displays.playlist')}>{d.playlistId ? (names.playlists.get(d.playlistId) ?? '—') : t('displays.noPlaylist')}</InfoRow>
                <InfoRow label={t('displays.columns.showing')}>{active ? <ShowingText display={d} names={names} /> : '—'}</InfoRow>
                <InfoRow label={t('displays.columns.lastSeen')}>{d.online ? t('displays.online') : d.lastSeenAt ? formatDateTime(d.lastSeenAt) : t('displays.neverSeen')}</InfoRow>
                <InfoRow label={t('displays.detail.pairedAt')}>{formatDateTime(d.pairedAt)}</InfoRow>
              </Table.Tbody>
            </Table>
          </Paper>
        </Grid.Col>
        {active && can('display.push') && (
          <Grid.Col span={{ base: 12, lg: 6 }}>
            <Paper withBorder radius="md" p="md">
              <Title order={3} fz="md" mb="sm">
                {t('displays.detail.controls')}
              </Title>
              <PushPanel display={d} names={names} />
            </Paper>
          </Grid.Col>
        )}
      </Grid>
      <DisplayEditModal display={d} opened={editOpen} onClose={edit.close} />
    </Stack>
  );
}
