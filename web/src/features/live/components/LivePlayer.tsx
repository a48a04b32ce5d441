import { useRef } from 'react';
import { Group, Text } from '@mantine/core';
import type { CameraStatus, LiveStream } from '@pantau/shared';
import { useTranslation } from 'react-i18next';
import { useInView } from '../../../lib/useInView.ts';
import { useCan } from '../../auth/hooks/useMe.ts';
import type { PlayerState } from '../hooks/playerState.ts';
import { useLiveStream } from '../hooks/useLiveStream.ts';
import { PlayerOverlay } from './PlayerOverlay.tsx';

interface Props {
  cameraId: string;
  /** `sub` for grids and previews, `main` for fullscreen and single views. */
  stream: LiveStream;
  name?: string;
  status?: CameraStatus;
  statusReason?: string | null;
  /** Name and status over the picture while it plays (the wall's cells draw their own). */
  showName?: boolean;
  /** No labels of its own at all: the caller (a wall cell) draws name and status. */
  bare?: boolean;
  fit?: 'contain' | 'cover';
}

/**
 * A live camera picture. Subscribes only while on screen; its state (`data-state` on the video)
 * is one of the typed player states, each with its own overlay.
 */
export function LivePlayer({ cameraId, stream, name, status, statusReason, showName = false, bare = false, fit = 'contain' }: Props) {
  const { t } = useTranslation();
  const can = useCan();
  const box = useRef<HTMLDivElement>(null);
  const video = useRef<HTMLVideoElement>(null);
  const inView = useInView(box);
  const allowed = can('camera.live');
  const disabled = status === 'disabled';
  const live = useLiveStream(video, { cameraId, stream, status, statusReason, enabled: inView && allowed && !disabled });

  const shown: PlayerState = !allowed ? { name: 'forbidden' } : disabled ? { name: 'offline', reason: 'disabled' } : live.state;
  return (
    <div ref={box} className="live-player" data-testid="live-player" data-camera-id={cameraId}>
      <video
        ref={video}
        data-testid="live-video"
        data-state={shown.name}
        data-stream={live.stream}
        data-ttff-ms={live.ttffMs ?? undefined}
        muted
        autoPlay
        playsInline
        disablePictureInPicture
        aria-label={name ? t('live.videoOf', { name }) : t('live.video')}
        style={{ objectFit: fit }}
      />
      {shown.name !== 'playing' ? (
        <PlayerOverlay
          state={shown}
          name={bare ? undefined : name}
          status={bare ? undefined : status}
          onRetry={allowed && !disabled ? live.retry : undefined}
        />
      ) : (
        !bare && (
          <Group gap={6} wrap="nowrap" className="live-overlay-top">
            <span className="live-dot" aria-hidden />
            <Text size="xs" fw={700} c="gray.1">
              {t('live.live')}
            </Text>
            {showName && name && (
              <Text size="xs" fw={600} truncate="end" c="gray.2">
                {name}
              </Text>
            )}
          </Group>
        )
      )}
    </div>
  );
}
