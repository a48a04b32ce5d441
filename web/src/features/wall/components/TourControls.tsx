import { ActionIcon, Badge, Button, Group, Menu, RingProgress, Text, Tooltip } from '@mantine/core';
import { IconPlayerPauseFilled, IconPlayerPlayFilled, IconPlayerSkipBackFilled, IconPlayerSkipForwardFilled, IconPlayerStopFilled, IconRoute, IconSettings } from '@tabler/icons-react';
import type { WallTour } from '@pantau/shared';
import { useTranslation } from 'react-i18next';
import type { TourPlayback } from '../hooks/useTour.ts';
import { wallPortal } from './portal.ts';

interface Props {
  tours: WallTour[];
  playback: TourPlayback | null;
  onStart: (tour: WallTour) => void;
  onManage: () => void;
  onPrev: () => void;
  onNext: () => void;
  onTogglePause: () => void;
  onStop: () => void;
}

/** Starts a tour, or while one plays: which layout, the countdown, and pause/next/previous/stop. */
export function TourControls({ tours, playback, onStart, onManage, onPrev, onNext, onTogglePause, onStop }: Props) {
  const { t } = useTranslation();
  if (!playback) {
    return (
      <Menu position="bottom-end" portalProps={wallPortal}>
        <Menu.Target>
          <Button size="compact-sm" variant="default" leftSection={<IconRoute size={14} />} data-testid="wall-tour-menu">
            {t('wall.tour.title')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {tours.length === 0 && <Menu.Item disabled>{t('wall.tour.none')}</Menu.Item>}
          {tours.map((tour) => (
            <Menu.Item key={tour.id} leftSection={<IconPlayerPlayFilled size={12} />} onClick={() => onStart(tour)}>
              {tour.name}
            </Menu.Item>
          ))}
          <Menu.Divider />
          <Menu.Item leftSection={<IconSettings size={14} />} onClick={onManage}>
            {t('wall.tour.manage')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
    );
  }
  const { tour, steps, index, paused, secondsLeft } = playback;
  const layout = steps[index];
  return (
    <Group gap={4} wrap="nowrap" data-testid="wall-tour">
      <Badge variant="light" color={paused ? 'yellow' : 'cyan'} maw={260} title={tour.name}>
        {t('wall.tour.step', { name: layout?.name ?? '', n: index + 1, total: steps.length })}
      </Badge>
      <Tooltip label={paused ? t('wall.tour.paused') : t('wall.tour.nextIn', { seconds: secondsLeft })} portalProps={wallPortal}>
        <RingProgress
          size={30}
          thickness={3}
          roundCaps
          sections={[{ value: (secondsLeft / tour.dwellSeconds) * 100, color: paused ? 'yellow' : 'cyan' }]}
          label={
            <Text size="9px" ta="center" fw={700} data-testid="wall-tour-countdown">
              {secondsLeft}
            </Text>
          }
        />
      </Tooltip>
      <ActionIcon variant="default" size="md" onClick={onPrev} aria-label={t('wall.tour.prev')}>
        <IconPlayerSkipBackFilled size={14} />
      </ActionIcon>
      <ActionIcon variant="default" size="md" onClick={onTogglePause} aria-label={paused ? t('wall.tour.resume') : t('wall.tour.pause')} data-testid="wall-tour-pause">
        {paused ? <IconPlayerPlayFilled size={14} /> : <IconPlayerPauseFilled size={14} />}
      </ActionIcon>
      <ActionIcon variant="default" size="md" onClick={onNext} aria-label={t('wall.tour.next')}>
        <IconPlayerSkipForwardFilled size={14} />
      </ActionIcon>
      <ActionIcon variant="default" size="md" onClick={onStop} aria-label={t('wall.tour.stop')}>
        <IconPlayerStopFilled size={14} />
      </ActionIcon>
    </Group>
  );
}
