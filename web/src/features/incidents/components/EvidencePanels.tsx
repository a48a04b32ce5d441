import { useState } from 'react';
import { Badge, Button, FileButton, Group, Stack, Text } from '@mantine/core';
import type { IncidentDetail } from '@pantau/shared';
import { useTranslation } from 'react-i18next';
import { useIncidentAction, useNearbyCameras, useUploadPhoto } from '../../../api/incidents.ts';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { LivePlayer } from '../../live/components/LivePlayer.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { useCan } from '../../auth/hooks/useMe.ts';

const RADIUS_M = 500;

/** Cameras within 500 m, nearest first, with live view and "attach T−5 min to now". */
export function NearbyCameras({ incident }: { incident: IncidentDetail }) {
  const { t } = useTranslation();
  const can = useCan();
  const cams = useNearbyCameras(incident.id, RADIUS_M);
  const act = useIncidentAction(incident.id);
  const [watching, setWatching] = useState<string | null>(null);
  if (cams.isPending) return <Text size="sm" c="dimmed">{t('incidents.cameras.loading')}</Text>;
  if (!cams.data?.length) return <Text size="sm" c="dimmed">{t('incidents.cameras.none', { radius: RADIUS_M })}</Text>;
  const watched = cams.data.find((c) => c.id === watching);
  return (
    <Stack gap="xs" data-testid="nearby-cameras">
      {watched && <LivePlayer cameraId={watched.id} stream="sub" name={watched.name} showName />}
      {cams.data.map((c) => (
        <Group key={c.id} justify="space-between" wrap="nowrap">
          <Stack gap={0}>
            <Text size="sm" fw={500}>{c.name}</Text>
            <Text size="xs" c="dimmed">{t('incidents.intake.metres', { count: c.distanceM })}</Text>
          </Stack>
          <Group gap={4} wrap="nowrap">
            <Button size="compact-xs" variant="light" onClick={() => setWatching(watching === c.id ? null : c.id)}>
              {watching === c.id ? t('incidents.cameras.stop') : t('incidents.cameras.watch')}
            </Button>
            {can('incident.manage') && (
              <Button size="compact-xs" variant="default" loading={act.recording.isPending && act.recording.variables === c.id} onClick={() => act.recording.mutate(c.id)}>
                {t('incidents.cameras.attach')}
              </Button>
            )}
          </Group>
        </Group>
      ))}
    </Stack>
  );
}

/** Photos and recording attachments; recordings wait for the evidence export module. */
export function Attachments({ incident }: { incident: IncidentDetail }) {
  const { t } = useTranslation();
  const can = useCan();
  const upload = useUploadPhoto(incident.id);
  return (
    <Stack gap={6} data-testid="incident-attachments">
      {!incident.attachments.length && <Text size="sm" c="dimmed">{t('incidents.attachments.none')}</Text>}
      {incident.attachments.map((a) =>
        a.kind === 'photo' ? (
          <Text key={a.id} component="a" href={`/api/incidents/${incident.id}/photos/${a.id}`} target="_blank" size="sm" c="blue">
            {t('incidents.attachments.photo', { size: Math.round((a.size ?? 0) / 1024) })}
          </Text>
        ) : (
          <Group key={a.id} gap="xs">
            <Text size="sm">{`${a.cameraName ?? ''}: ${formatDateTime(a.from)} – ${formatDateTime(a.to)}`}</Text>
            {a.hold && <Badge size="xs" variant="outline">{t('incidents.attachments.hold')}</Badge>}
            <Badge size="xs" color={a.exportStatus === 'ready' ? 'green' : a.exportStatus === 'failed' ? 'red' : 'yellow'}>{t(`incidents.attachments.export.${a.exportStatus ?? 'pending'}`)}</Badge>
            {a.exportStatus === 'ready' && a.exportId && (
              <Text component="a" href={`/api/exports/${a.exportId}/files/export.zip`} size="sm" c="blue">
                {t('incidents.attachments.download')}
              </Text>
            )}
          </Group>
        ),
      )}
      {can('incident.manage') && (
        <FileButton accept="image/jpeg,image/png,image/webp" onChange={(f) => f && upload.mutate(f)}>
          {(props) => (
            <Button {...props} size="xs" variant="default" loading={upload.isPending} w="fit-content">
              {t('incidents.attachments.upload')}
            </Button>
          )}
        </FileButton>
      )}
      {upload.error && <ErrorAlert error={upload.error} title={t('incidents.attachments.uploadFailed')} />}
    </Stack>
  );
}
