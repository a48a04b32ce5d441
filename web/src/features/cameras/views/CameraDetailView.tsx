import { Anchor, Breadcrumbs, Button, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconEdit, IconPlayerTrackPrev, IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { Camera } from '@pantau/shared';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { StatusBadge } from '../../../components/ui/Badges.tsx';
import { LocationMap } from '../../../components/map/LocationMap.tsx';
import { STATUS_HEX } from '../../../lib/status.ts';
import { CameraInfo } from '../components/CameraInfo.tsx';
import { CameraLivePanel } from '../components/CameraLivePanel.tsx';

interface Props {
  camera: Camera;
  regionName: string | undefined;
  organizationName: string | undefined;
  canWrite: boolean;
  /** Opens this camera's recorded video; absent without recording.view. */
  onPlayback?: () => void;
  onDelete: () => void;
  /** Portal and Smart Display controls (push to a display, take off the portal). */
  portalActions?: ReactNode;
}

/** Camera page: facts on the left; live video and location on the right. */
export function CameraDetailView({ camera, regionName, organizationName, canWrite, onPlayback, onDelete, portalActions }: Props) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <Breadcrumbs>
        <Anchor component={Link} to="/cameras" size="sm">
          {t('cameras.title')}
        </Anchor>
        <Text size="sm" c="dimmed">
          {camera.code}
        </Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Group gap="sm">
            <Title order={2} fz={{ base: 22, sm: 26 }} data-testid="camera-title">
              {camera.name}
            </Title>
            <StatusBadge status={camera.status} />
          </Group>
          <Text c="dimmed" size="sm">
            {t(`category.${camera.category}`)} · {regionName ?? camera.regionCode}
          </Text>
        </Stack>
        <Group gap="sm">
          {portalActions}
          {onPlayback && (
            <Button onClick={onPlayback} variant="light" leftSection={<IconPlayerTrackPrev size={16} />} data-testid="camera-playback">
              {t('playback.openPlayback')}
            </Button>
          )}
          {canWrite && (
            <Button component={Link} to={`/cameras/${camera.id}/edit`} variant="default" leftSection={<IconEdit size={16} />}>
              {t('common.edit')}
            </Button>
          )}
          {canWrite && (
            <Button color="red" variant="light" leftSection={<IconTrash size={16} />} onClick={onDelete}>
              {t('common.delete')}
            </Button>
          )}
        </Group>
      </Group>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <Paper withBorder radius="md" p="md">
            <CameraInfo camera={camera} regionName={regionName} organizationName={organizationName} />
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <Stack gap="md">
            <CameraLivePanel camera={camera} />
            <LocationMap lat={camera.lat} lng={camera.lng} color={STATUS_HEX[camera.status]} height={280} testId="camera-map" />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
