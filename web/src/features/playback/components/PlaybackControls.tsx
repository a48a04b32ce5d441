import { ActionIcon, Badge, Button, Group, SegmentedControl, Text, Tooltip } from '@mantine/core';
import {
  IconBookmark,
  IconBroadcast,
  IconDownload,
  IconLink,
  IconLock,
  IconPlayerPause,
  IconPlayerPlay,
  IconPlayerTrackNext,
  IconPlayerTrackPrev,
  IconZoomIn,
  IconZoomOut,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDay, formatTime, zoneLabel } from '../../../components/timeline/time.ts';
import { SPEEDS, type Speed } from '../hooks/masterClock.ts';
import type { PlaybackSession } from '../hooks/usePlaybackSession.ts';
import { JumpToPicker } from './JumpToPicker.tsx';

interface Props {
  session: PlaybackSession;
  can: { bookmark: boolean; export: boolean; hold: boolean };
  onBookmark: () => void;
  onExport: () => void;
  onHold: () => void;
  onLive: () => void;
  /** Copies a link to these cameras at the clock's instant. */
  onCopyLink: () => void;
}

/** Transport, speed, clock, jump-to, zoom, in/out and the actions on the range. */
export function PlaybackControls({ session: s, can, onBookmark, onExport, onHold, onLive, onCopyLink }: Props) {
  const { t, i18n } = useTranslation();
  const tip = (label: string, key: string) => `${label} (${key})`;
  return (
    <Group justify="space-between" gap="sm" wrap="wrap" data-testid="playback-controls">
      <Group gap={6} wrap="nowrap">
        <Tooltip label={tip(s.playing ? t('playback.stepBack10') : t('playback.frameBack'), '←')}>
          <ActionIcon variant="default" size="lg" onClick={() => s.step(-1)} aria-label={s.playing ? t('playback.stepBack10') : t('playback.frameBack')} data-testid="playback-step-back">
            <IconPlayerTrackPrev size={18} />
          </ActionIcon>
        </Tooltip>
        <Tooltip label={tip(s.playing ? t('playback.pause') : t('playback.play'), t('playback.keySpace'))}>
          <ActionIcon size="lg" onClick={() => s.clock.toggle()} aria-label={s.playing ? t('playback.pause') : t('playback.play')} data-testid="playback-play" data-playing={s.playing}>
            {s.playing ? <IconPlayerPause size={18} /> : <IconPlayerPlay size={18} />}
          </ActionIcon>
        </Tooltip>
        <Tooltip label={tip(s.playing ? t('playback.stepForward10') : t('playback.frameForward'), '→')}>
          <ActionIcon variant="default" size="lg" onClick={() => s.step(1)} aria-label={s.playing ? t('playback.stepForward10') : t('playback.frameForward')} data-testid="playback-step-forward">
            <IconPlayerTrackNext size={18} />
          </ActionIcon>
        </Tooltip>
        <SegmentedControl
          size="xs"
          value={String(s.rate)}
          onChange={(v) => s.clock.setRate(Number(v) as Speed)}
          data={SPEEDS.map((r) => ({ value: String(r), label: `${r}×` }))}
          aria-label={t('playback.speed')}
          data-testid="playback-speed"
        />
      </Group>
      <Group gap={6} wrap="nowrap">
        <Text fw={700} size="lg" className="pb-clock" data-testid="playback-clock" data-t={new Date(s.t).toISOString()}>
          {formatTime(s.t, true)}
        </Text>
        <Badge variant="light" color="gray" size="sm">
          {zoneLabel(s.t)}
        </Badge>
        <Text size="sm" c="dimmed" visibleFrom="md">
          {formatDay(s.t, i18n.language)}
        </Text>
      </Group>
      <Group gap={6} wrap="wrap">
        <JumpToPicker at={s.t} onJump={s.seek} />
        <Tooltip label={tip(t('playback.zoomOut'), '-')}>
          <ActionIcon variant="default" size="lg" onClick={() => s.zoom(1)} aria-label={t('playback.zoomOut')} data-testid="playback-zoom-out">
            <IconZoomOut size={18} />
          </ActionIcon>
        </Tooltip>
        <Tooltip label={tip(t('playback.zoomIn'), '+')}>
          <ActionIcon variant="default" size="lg" onClick={() => s.zoom(-1)} aria-label={t('playback.zoomIn')} data-testid="playback-zoom-in">
            <IconZoomIn size={18} />
          </ActionIcon>
        </Tooltip>
        <Tooltip label={tip(t('playback.markIn'), 'I')}>
          <Button size="xs" variant={s.marks.in !== null ? 'light' : 'default'} onClick={s.markIn} data-testid="playback-mark-in">
            {s.marks.in !== null ? `${t('playback.in')} ${formatTime(s.marks.in)}` : t('playback.in')}
          </Button>
        </Tooltip>
        <Tooltip label={tip(t('playback.markOut'), 'O')}>
          <Button size="xs" variant={s.marks.out !== null ? 'light' : 'default'} onClick={s.markOut} data-testid="playback-mark-out">
            {s.marks.out !== null ? `${t('playback.out')} ${formatTime(s.marks.out)}` : t('playback.out')}
          </Button>
        </Tooltip>
        {can.bookmark && (
          <Tooltip label={tip(t('playback.addBookmark'), 'B')}>
            <Button size="xs" variant="default" leftSection={<IconBookmark size={14} />} onClick={onBookmark} data-testid="playback-bookmark">
              {t('playback.bookmark')}
            </Button>
          </Tooltip>
        )}
        {can.hold && (
          <Button size="xs" variant="default" leftSection={<IconLock size={14} />} onClick={onHold} data-testid="playback-hold">
            {t('playback.hold')}
          </Button>
        )}
        {can.export && (
          <Button size="xs" leftSection={<IconDownload size={14} />} onClick={onExport} data-testid="playback-export">
            {t('playback.export')}
          </Button>
        )}
        <Tooltip label={t('playback.copyLink')}>
          <ActionIcon variant="default" size="lg" onClick={onCopyLink} aria-label={t('playback.copyLink')} data-testid="playback-copy-link">
            <IconLink size={18} />
          </ActionIcon>
        </Tooltip>
        <Button size="xs" variant="light" color="red" leftSection={<IconBroadcast size={14} />} onClick={onLive} data-testid="playback-live">
          {t('playback.live')}
        </Button>
      </Group>
    </Group>
  );
}
