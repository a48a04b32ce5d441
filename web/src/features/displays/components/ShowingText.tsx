import { Badge, Group, Text } from '@mantine/core';
import type { Display } from '@pantau/shared';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format.ts';
import type { DisplayNames } from '../hooks/useDisplayNames.ts';

/** What a display shows: its playlist, or the pushed camera, grid or scene and until when. */
export function ShowingText({ display, names }: { display: Display; names: DisplayNames }) {
  const { t } = useTranslation();
  const s = display.showing;
  if (s.mode === 'playlist') {
    const name = display.playlistId ? names.playlists.get(display.playlistId) : undefined;
    return (
      <Text size="sm" data-testid="display-showing" data-mode="playlist">
        {display.playlistId ? t('displays.showing.playlist', { name: name ?? '' }).trim() : t('displays.showing.playlistNone')}
      </Text>
    );
  }
  const p = s.push;
  const what =
    p.kind === 'camera'
      ? t('displays.showing.camera', { name: names.cameras.get(p.cameraId)?.name ?? '' })
      : p.kind === 'cameras'
        ? t('displays.showing.cameras', { count: p.cameraIds.length })
        : t('displays.showing.scene', { name: names.scenes.get(p.sceneId) ?? '' });
  return (
    <Group gap={6} wrap="nowrap" data-testid="display-showing" data-mode="push">
      <Badge size="sm" color="orange" variant="light" style={{ flexShrink: 0 }}>
        {t('displays.showing.pushed')}
      </Badge>
      <Text size="sm">
        {what.trim()} · {s.until ? t('displays.showing.until', { time: formatDateTime(s.until) }) : t('displays.showing.untilResume')}
      </Text>
    </Group>
  );
}
