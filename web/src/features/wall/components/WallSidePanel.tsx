import { lazy, Suspense, useState } from 'react';
import { Button, Paper, Skeleton, Stack, Text } from '@mantine/core';
import { IconMap2 } from '@tabler/icons-react';
import type { CameraMarker } from '@pantau/shared';
import { useTranslation } from 'react-i18next';
import { CameraPicker } from './CameraPicker.tsx';

const WallMiniMap = lazy(() => import('./WallMiniMap.tsx'));

interface Props {
  cameras: CameraMarker[];
  onWall: ReadonlySet<string>;
  selectedCell: number;
  onPick: (cameraId: string) => void;
}

/** The wall's side panel: the camera list and, on demand, a mini map to pick cameras by place. */
export function WallSidePanel({ cameras, onWall, selectedCell, onPick }: Props) {
  const { t } = useTranslation();
  const [mapOpen, setMapOpen] = useState(false);
  return (
    <Paper withBorder radius="md" p="xs" w={280} className="wall-side" data-testid="wall-side">
      <Stack gap="xs" h="100%">
        <Text fw={600} size="sm">
          {t('wall.cameras')}
        </Text>
        <CameraPicker cameras={cameras} onWall={onWall} selectedCell={selectedCell} onPick={onPick} />
        <Button variant={mapOpen ? 'light' : 'default'} size="compact-sm" leftSection={<IconMap2 size={14} />} onClick={() => setMapOpen((o) => !o)} aria-expanded={mapOpen} data-testid="wall-minimap-toggle">
          {mapOpen ? t('wall.hideMiniMap') : t('wall.showMiniMap')}
        </Button>
        {mapOpen && (
          <Stack gap={4}>
            <Suspense fallback={<Skeleton h={200} />}>
              <WallMiniMap markers={cameras} onPick={onPick} />
            </Suspense>
            <Text size="xs" c="dimmed">
              {t('wall.miniMapHint', { cell: selectedCell + 1 })}
            </Text>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
