import { useRef } from 'react';
import { ActionIcon, Button, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconMaximize, IconMinimize } from '@tabler/icons-react';
import type { Camera } from '@pantau/shared';
import { useTranslation } from 'react-i18next';
import { useFullscreen } from '../../../lib/useFullscreen.ts';
import { LivePlayer } from '../../live/components/LivePlayer.tsx';

/** The camera's live picture: the sub stream in the page, the main stream in fullscreen. */
export function CameraLivePanel({ camera }: { camera: Camera }) {
  const { t } = useTranslation();
  const frame = useRef<HTMLDivElement>(null);
  const fs = useFullscreen(frame);
  return (
    <Stack gap={6}>
      <div ref={frame} className="live-frame" data-testid="camera-live">
        <LivePlayer
          cameraId={camera.id}
          stream={fs.active ? 'main' : 'sub'}
          name={camera.name}
          status={camera.status}
          statusReason={camera.statusReason}
          showName={fs.active}
        />
        {fs.active && (
          <Tooltip label={t('live.exitFullscreen')}>
            <ActionIcon variant="filled" color="dark" size="lg" pos="absolute" bottom={16} right={16} onClick={fs.exit} aria-label={t('live.exitFullscreen')}>
              <IconMinimize size={18} />
            </ActionIcon>
          </Tooltip>
        )}
      </div>
      <Group justify="space-between" gap="xs">
        <Text size="xs" c="dimmed">
          {t('live.streamHint')}
        </Text>
        {fs.supported && (
          <Button size="xs" variant="default" leftSection={<IconMaximize size={14} />} onClick={fs.enter} data-testid="live-fullscreen">
            {t('live.fullscreen')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
