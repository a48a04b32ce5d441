import { useState } from 'react';
import { ActionIcon, Group, Menu, Stack, Text } from '@mantine/core';
import { IconDots, IconExternalLink, IconMaximize, IconPlus, IconX } from '@tabler/icons-react';
import type { CameraMarker, LiveStream } from '@pantau/shared';
import { useTranslation } from 'react-i18next';
import { StatusBadge } from '../../../components/ui/Badges.tsx';
import { LivePlayer } from '../../live/components/LivePlayer.tsx';
import { acceptsDrag, CELL_MIME, readDrop, startCellDrag } from './dnd.ts';
import { wallPortal } from './portal.ts';

interface Props {
  index: number;
  cameraId: string | null;
  /** The camera's marker; undefined when the id is not (or no longer) visible to this user. */
  camera: CameraMarker | undefined;
  stream: LiveStream;
  selected: boolean;
  onSelect: () => void;
  onAssign: (cameraId: string) => void;
  onMoveFrom: (cell: number) => void;
  onClear: () => void;
  onOpenDetail: () => void;
  onFocus: () => void;
}

/** One wall cell: a drop target, a live player with name, status and a menu, or an empty slot. */
export function WallCell({ index, cameraId, camera, stream, selected, onSelect, onAssign, onMoveFrom, onClear, onOpenDetail, onFocus }: Props) {
  const { t } = useTranslation();
  const [over, setOver] = useState(false);
  const name = camera?.name ?? (cameraId ? t('wall.unknownCamera') : undefined);
  return (
    <div
      className={`wall-cell${selected ? ' is-selected' : ''}${over ? ' is-over' : ''}`}
      tabIndex={0}
      aria-label={cameraId ? t('wall.cellFilled', { cell: index + 1, name }) : t('wall.cellEmpty', { cell: index + 1 })}
      aria-current={selected || undefined}
      data-testid="wall-cell"
      data-cell={index}
      data-camera-id={cameraId ?? ''}
      onClick={onSelect}
      onKeyDown={(e) => {
        if (e.target === e.currentTarget && (e.key === 'Enter' || e.key === ' ')) {
          e.preventDefault();
          onSelect();
        }
      }}
      onDragOver={(e) => {
        if (!acceptsDrag(e)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = e.dataTransfer.types.includes(CELL_MIME) ? 'move' : 'copy';
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        const d = readDrop(e);
        if (d?.kind === 'camera') onAssign(d.cameraId);
        else if (d?.kind === 'cell') onMoveFrom(d.cell);
      }}
    >
      {cameraId ? (
        <>
          <LivePlayer cameraId={cameraId} stream={stream} name={name} status={camera?.status} bare />
          <Group className="wall-cell-bar" gap={6} wrap="nowrap" draggable onDragStart={(e) => startCellDrag(e, index)} title={t('wall.dragCell')}>
            {camera && <StatusBadge status={camera.status} />}
            <Text size="xs" fw={600} truncate="end" style={{ flex: 1, minWidth: 0 }} data-testid="wall-cell-name">
              {name}
            </Text>
            <Menu position="bottom-end" portalProps={wallPortal}>
              <Menu.Target>
                <ActionIcon variant="subtle" color="gray" size="sm" aria-label={t('wall.cellMenu')} onClick={(e) => e.stopPropagation()} data-testid="wall-cell-menu">
                  <IconDots size={16} />
                </ActionIcon>
              </Menu.Target>
              <Menu.Dropdown onClick={(e) => e.stopPropagation()}>
                <Menu.Item leftSection={<IconMaximize size={14} />} onClick={onFocus}>
                  {t('wall.focusCell')}
                </Menu.Item>
                <Menu.Item leftSection={<IconExternalLink size={14} />} onClick={onOpenDetail}>
                  {t('wall.openDetail')}
                </Menu.Item>
                <Menu.Item leftSection={<IconX size={14} />} color="red" onClick={onClear} data-testid="wall-cell-clear">
                  {t('wall.clearCell')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </>
      ) : (
        <Stack align="center" justify="center" gap={4} h="100%" className="wall-cell-empty">
          <Group gap={4} c="dimmed">
            <IconPlus size={16} />
            <Text size="sm" fw={600}>
              {index + 1}
            </Text>
          </Group>
          <Text size="xs" c="dimmed" ta="center" px="xs" className="wall-cell-hint">
            {t('wall.emptyCell')}
          </Text>
        </Stack>
      )}
    </div>
  );
}
