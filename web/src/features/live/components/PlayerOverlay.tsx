import type { ReactNode } from 'react';
import { Button, Group, Loader, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconAlertTriangle, IconCodeOff, IconLock, IconPlugConnectedX, IconQuestionMark, IconRefresh } from '@tabler/icons-react';
import type { CameraStatus } from '@pantau/shared';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { StatusBadge } from '../../../components/ui/Badges.tsx';
import { isHevc } from '../../../lib/live/index.ts';
import { reasonText } from '../../../lib/live/reasons.ts';
import { retryable, type PlayerState } from '../hooks/playerState.ts';

function codecName(mime: string): string {
  return /codecs="([^"]+)"/.exec(mime)?.[1] ?? mime;
}

interface Look {
  icon: ReactNode;
  color: string;
  title: string;
  detail: string | null;
}

function look(t: TFunction, s: Exclude<PlayerState, { name: 'playing' }>): Look {
  switch (s.name) {
    case 'connecting':
    case 'waiting-keyframe':
      return { icon: <Loader size="sm" color="gray" />, color: 'gray', title: t(`live.state.${s.name}`), detail: null };
    case 'offline':
      return { icon: <IconPlugConnectedX size={22} />, color: 'red', title: t('live.state.offline'), detail: reasonText(t, s.reason) };
    case 'error':
      return { icon: <IconAlertTriangle size={22} />, color: 'orange', title: t('live.state.error'), detail: t(`live.errors.${s.code}`) };
    case 'unsupported-codec':
      return {
        icon: <IconCodeOff size={22} />,
        color: 'yellow',
        title: isHevc(s.mime) ? t('live.unsupportedHevc') : t('live.unsupportedCodec', { codec: codecName(s.mime) }),
        detail: t('live.unsupportedHint'),
      };
    case 'forbidden':
      return { icon: <IconLock size={22} />, color: 'yellow', title: t('live.state.forbidden'), detail: null };
    case 'not-found':
      return { icon: <IconQuestionMark size={22} />, color: 'gray', title: t('live.state.not-found'), detail: null };
  }
}

interface Props {
  state: Exclude<PlayerState, { name: 'playing' }>;
  name?: string;
  status?: CameraStatus;
  /** Absent when retrying cannot help (a disabled camera, a refused user). */
  onRetry?: () => void;
}

/** What a player shows instead of (or over the last frame of) a picture: never a black box. */
export function PlayerOverlay({ state, name, status, onRetry }: Props) {
  const { t } = useTranslation();
  const l = look(t, state);
  const canRetry = onRetry !== undefined && (state.name === 'error' || state.name === 'offline');
  return (
    <div className="live-overlay" data-testid="live-overlay" data-state={state.name}>
      {(name || status) && (
        <Group gap={6} wrap="nowrap" className="live-overlay-top">
          {name && (
            <Text size="xs" fw={600} truncate="end" c="gray.2">
              {name}
            </Text>
          )}
          {status && <StatusBadge status={status} />}
        </Group>
      )}
      <Stack align="center" gap={6} px="sm" maw={420}>
        <ThemeIcon size={40} radius="xl" variant="light" color={l.color} className="live-overlay-icon">
          {l.icon}
        </ThemeIcon>
        <Text size="sm" fw={600} ta="center" c="gray.1" role="status">
          {l.title}
        </Text>
        {l.detail && (
          <Text size="xs" ta="center" c="gray.4" className="live-overlay-detail">
            {l.detail}
          </Text>
        )}
        {retryable(state) && (
          <Text size="xs" c="dimmed" className="live-overlay-detail">
            {t('live.retrying')}
          </Text>
        )}
        {canRetry && !retryable(state) && (
          <Button size="compact-xs" variant="default" leftSection={<IconRefresh size={12} />} onClick={onRetry} className="live-overlay-detail">
            {t('common.retry')}
          </Button>
        )}
      </Stack>
    </div>
  );
}
