import { useMemo, useState } from 'react';
import { Alert, Button, Group, MultiSelect, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlayerPlay, IconPlaylist } from '@tabler/icons-react';
import { CAMERA_GRIDS, type Display, type PushInput } from '@pantau/shared';
import { useTranslation } from 'react-i18next';
import { usePushDisplay, useResumeDisplay } from '../../../api/displays.ts';
import { errorMessage } from '../../../lib/errors.ts';
import { gridLabel, tierAllows } from '../hooks/pushModel.ts';
import type { CameraGrid } from '../hooks/sceneModel.ts';
import type { DisplayNames } from '../hooks/useDisplayNames.ts';
import { DurationSelect } from './DurationSelect.tsx';

type Mode = PushInput['kind'];

/** Push controls of one display: a camera, a grid of cameras or a scene, for a while or until resumed. */
export function PushPanel({ display, names }: { display: Display; names: DisplayNames }) {
  const { t } = useTranslation();
  const push = usePushDisplay();
  const resume = useResumeDisplay();
  const [mode, setMode] = useState<Mode>('camera');
  const [cameraId, setCameraId] = useState<string | null>(null);
  const [cameraIds, setCameraIds] = useState<string[]>([]);
  const [grid, setGrid] = useState<CameraGrid>(4);
  const [sceneId, setSceneId] = useState<string | null>(null);
  const [seconds, setSeconds] = useState<number | null>(null);

  // a display may only get what its tier allows; the server refuses the rest anyway
  const cameraOptions = useMemo(
    () =>
      names.cameraList
        .filter((c) => tierAllows(display.tier, c.visibility))
        .sort((a, b) => a.name.localeCompare(b.name, 'id'))
        .map((c) => ({ value: c.id, label: c.name })),
    [names.cameraList, display.tier],
  );
  const sceneOptions = [...names.scenes].map(([value, label]) => ({ value, label }));

  const input: PushInput | null =
    mode === 'camera' ? (cameraId ? { kind: 'camera', cameraId, seconds } : null)
    : mode === 'cameras' ? (cameraIds.length ? { kind: 'cameras', cameraIds, grid, seconds } : null)
    : sceneId ? { kind: 'scene', sceneId, seconds } : null;

  const send = () =>
    input &&
    push.mutate({ id: display.id, push: input }, { onSuccess: () => notifications.show({ color: 'green', message: t('displays.push.sent', { name: display.name }) }) });

  return (
    <Stack gap="sm" data-testid="push-panel">
      <SegmentedControl
        value={mode}
        onChange={(m) => setMode(m as Mode)}
        data={(['camera', 'cameras', 'scene'] as const).map((m) => ({ value: m, label: t(`displays.push.modes.${m}`) }))}
        data-testid="push-mode"
      />
      <Text size="xs" c="dimmed">
        {t('displays.push.tierHint', { tier: t(`displays.tierShort.${display.tier}`) })}
      </Text>
      {mode === 'camera' && (
        <Select label={t('displays.push.camera')} placeholder={t('displays.push.cameraSearch')} data={cameraOptions} value={cameraId} onChange={setCameraId} searchable clearable limit={100} nothingFoundMessage={t('common.nothingFound')} data-testid="push-camera" />
      )}
      {mode === 'cameras' && (
        <>
          <MultiSelect label={t('displays.push.cameras')} placeholder={t('displays.push.cameraSearch')} data={cameraOptions} value={cameraIds} onChange={setCameraIds} searchable maxValues={16} limit={100} nothingFoundMessage={t('common.nothingFound')} data-testid="push-cameras" />
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('displays.push.grid')}
            </Text>
            <SegmentedControl value={String(grid)} onChange={(g) => setGrid(Number(g) as CameraGrid)} data={CAMERA_GRIDS.map((g) => ({ value: String(g), label: gridLabel(g) }))} aria-label={t('displays.push.grid')} />
          </Stack>
        </>
      )}
      {mode === 'scene' && (
        <Select label={t('displays.push.scene')} data={sceneOptions} value={sceneId} onChange={setSceneId} searchable clearable nothingFoundMessage={t('common.nothingFound')} data-testid="push-scene" />
      )}
      <DurationSelect value={seconds} onChange={setSeconds} />
      {!display.online && (
        <Text size="xs" c="dimmed">
          {t('displays.push.offline')}
        </Text>
      )}
      {(push.error ?? resume.error) && (
        <Alert color="red" variant="light">
          {errorMessage(t, push.error ?? resume.error)}
        </Alert>
      )}
      <Group justify="space-between">
        {display.showing.mode === 'push' ? (
          <Button
            variant="default"
            leftSection={<IconPlaylist size={16} />}
            loading={resume.isPending}
            onClick={() => resume.mutate(display.id, { onSuccess: () => notifications.show({ color: 'green', message: t('displays.push.resumed', { name: display.name }) }) })}
            data-testid="display-resume"
          >
            {t('displays.push.resume')}
          </Button>
        ) : (
          <span />
        )}
        <Button leftSection={<IconPlayerPlay size={16} />} disabled={!input} loading={push.isPending} onClick={send} data-testid="push-send">
          {t('displays.push.send')}
        </Button>
      </Group>
    </Stack>
  );
}
