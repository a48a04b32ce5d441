import { Button, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconDeviceTv } from '@tabler/icons-react';
import type { CameraMarker } from '@pantau/shared';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../auth/hooks/useMe.ts';
import { gridLabel, tierAllows, wallToPush } from '../hooks/pushModel.ts';
import { PushToDisplayModal } from './PushToDisplayModal.tsx';

interface Props {
  cells: (string | null)[];
  /** The wall's side (2 = 2×2). */
  grid: number;
  cameras: Map<string, CameraMarker>;
  /** The wall element, so the dialog shows in browser fullscreen too. */
  portalTarget: string;
}

/** "Kirim ke layar" on the video wall: the wall's cameras and grid go to a display. */
export function WallPushButton({ cells, grid, cameras, portalTarget }: Props) {
  const { t } = useTranslation();
  const can = useCan();
  const [opened, modal] = useDisclosure(false);
  if (!can('display.push')) return null;
  const push = wallToPush(cells, grid, (id) => cameras.get(id)?.visibility);
  const empty = push.cameraIds.length === 0;
  // a display gets the push only if its tier may show every camera in it
  const needsPimpinan = push.cameraIds.some((id) => cameras.get(id)?.visibility === 'pimpinan');
  const summary = [
    t('displays.push.wallSummary', { count: push.cameraIds.length, grid: gridLabel(push.grid) }),
    push.left > 0 ? t('displays.push.wallLeft', { count: push.left }) : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <>
      <Tooltip label={empty ? t('displays.push.wallEmpty') : summary} portalProps={{ target: portalTarget }}>
        <Button size="compact-sm" variant="default" leftSection={<IconDeviceTv size={14} />} onClick={modal.open} disabled={empty} data-testid="wall-push">
          {t('displays.push.action')}
        </Button>
      </Tooltip>
      <PushToDisplayModal
        opened={opened}
        onClose={modal.close}
        summary={summary}
        allowed={(d) => tierAllows(d.tier, needsPimpinan ? 'pimpinan' : 'public')}
        build={(seconds) => ({ kind: 'cameras', cameraIds: push.cameraIds, grid: push.grid, seconds })}
        portalTarget={portalTarget}
      />
    </>
  );
}
