import { Button } from '@mantine/core';
import { IconLayoutGrid } from '@tabler/icons-react';
import type { CameraMarker } from '@pantau/shared';
import { useTranslation } from 'react-i18next';
import { LivePlayer } from '../../live/components/LivePlayer.tsx';

interface Props {
  cameraId: string;
  camera: CameraMarker | undefined;
  onBack: () => void;
}

/** One cell of the wall enlarged to the whole wall, on the main stream; the grid is unmounted meanwhile. */
export function WallFocus({ cameraId, camera, onBack }: Props) {
  const { t } = useTranslation();
  return (
    <div className="wall-focus" data-testid="wall-focus">
      <LivePlayer cameraId={cameraId} stream="main" name={camera?.name ?? t('wall.unknownCamera')} status={camera?.status} showName />
      <Button size="xs" variant="filled" color="dark" leftSection={<IconLayoutGrid size={14} />} onClick={onBack} pos="absolute" bottom={12} right={12} data-testid="wall-focus-back">
        {t('wall.backToGrid')}
      </Button>
    </div>
  );
}
