import { useRef } from 'react';
import { Loader, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconVideoOff } from '@tabler/icons-react';
import type { PlaybackItem } from '@pantau/shared';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../lib/errors.ts';
import type { MasterClock } from '../hooks/masterClock.ts';
import { usePlaybackTile, type TileState } from '../hooks/usePlaybackTile.ts';

interface Props {
  cameraId: string;
  name: string;
  clock: MasterClock;
  items: readonly PlaybackItem[];
  /** The camera's playback query failed (no access, unknown camera, server trouble). */
  error: unknown;
  focused: boolean;
  onFocus: () => void;
}

/** One camera of the playback grid: a video kept on the master clock, with an overlay when it has nothing to show. */
export function PlaybackTile({ cameraId, name, clock, items, error, focused, onFocus }: Props) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const { state } = usePlaybackTile(video, clock, cameraId, items);
  return (
    <div
      className={focused ? 'pb-tile is-focused' : 'pb-tile'}
      data-testid="playback-tile"
      data-camera-id={cameraId}
      data-state={state}
      onClick={onFocus}
      onKeyDown={(e) => {
        if (e.key === 'Enter') onFocus();
      }}
      tabIndex={0}
      role="button"
      aria-pressed={focused}
      aria-label={t('playback.tileLabel', { name })}
    >
      <video ref={video} data-testid="playback-video" muted playsInline preload="auto" disablePictureInPicture style={{ visibility: state === 'none' ? 'hidden' : 'visible' }} />
      <Text size="xs" fw={600} className="pb-tile-name" truncate="end">
        {name}
      </Text>
      {error ? <TileError error={error} /> : <TileOverlay state={state} />}
    </div>
  );
}

function TileError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  return (
    <div className="pb-tile-overlay" data-testid="playback-error">
      <Stack align="center" gap={4} px="sm">
        <IconAlertTriangle size={26} color="var(--mantine-color-red-4)" />
        <Text size="sm" fw={600} c="gray.3" ta="center">
          {errorMessage(t, error)}
        </Text>
      </Stack>
    </div>
  );
}

function TileOverlay({ state }: { state: TileState }) {
  const { t } = useTranslation();
  if (state === 'ready') return null;
  if (state === 'loading') {
    return (
      <div className="pb-tile-overlay is-light">
        <Loader size="sm" color="gray" />
      </div>
    );
  }
  return (
    <div className="pb-tile-overlay" data-testid={state === 'none' ? 'playback-no-recording' : 'playback-error'}>
      <Stack align="center" gap={4}>
        <IconVideoOff size={26} color="var(--mantine-color-dark-2)" />
        <Text size="sm" fw={600} c="gray.3">
          {state === 'none' ? t('playback.noRecording') : t('playback.fileFailed')}
        </Text>
      </Stack>
    </div>
  );
}
