import type { ReactNode } from 'react';
import { ActionIcon, Button, Group, Indicator, Menu, Select, Tooltip } from '@mantine/core';
import { IconDeviceFloppy, IconDots, IconFilePlus, IconMaximize, IconMinimize, IconPencilPlus, IconTrash } from '@tabler/icons-react';
import { WALL_GRIDS, type WallGrid, type WallLayout } from '@pantau/shared';
import { useTranslation } from 'react-i18next';
import { wallPortal } from './portal.ts';

interface Props {
  grid: WallGrid;
  onGrid: (g: WallGrid) => void;
  layouts: WallLayout[];
  layoutId: string | null;
  dirty: boolean;
  saving: boolean;
  onOpenLayout: (id: string) => void;
  onSave: () => void;
  onSaveAs: () => void;
  onNew: () => void;
  onDelete: () => void;
  fullscreen: boolean;
  onFullscreen: () => void;
  /** Tour menu or tour controls, and the shortcut help. */
  tour: ReactNode;
  help: ReactNode;
  /** "Kirim ke layar": the wall's cameras to a Smart Display. */
  push?: ReactNode;
}

export const gridLabel = (g: number) => (g === 1 ? '1' : `${g}×${g}`);

/** The wall's toolbar: grid size, saved layouts, tour, fullscreen, help. */
export function WallToolbar(p: Props) {
  const { t } = useTranslation();
  return (
    <Group justify="space-between" gap="xs" px={6} py={6} wrap="wrap" className="wall-toolbar" data-testid="wall-toolbar">
      <Group gap="xs" wrap="wrap">
        <Group gap={2} role="group" aria-label={t('wall.gridSize')}>
          {WALL_GRIDS.map((g) => (
            <Tooltip key={g} label={t('wall.gridTip', { size: gridLabel(g), key: g })} openDelay={400} portalProps={wallPortal}>
              <Button size="compact-sm" variant={g === p.grid ? 'filled' : 'default'} aria-pressed={g === p.grid} onClick={() => p.onGrid(g)} data-testid={`wall-grid-${g}`}>
                {gridLabel(g)}
              </Button>
            </Tooltip>
          ))}
        </Group>
        <Select
          size="xs"
          w={170}
          placeholder={t('wall.layoutPlaceholder')}
          aria-label={t('wall.layout')}
          data={p.layouts.map((l) => ({ value: l.id, label: l.name }))}
          value={p.layoutId}
          onChange={(id) => id && p.onOpenLayout(id)}
          nothingFoundMessage={t('wall.noLayouts')}
          searchable
          comboboxProps={{ portalProps: wallPortal }}
          data-testid="wall-layout-select"
        />
        <Indicator color="yellow" size={9} offset={2} disabled={!p.dirty} title={p.dirty ? t('wall.unsaved') : undefined}>
          <Button size="compact-sm" leftSection={<IconDeviceFloppy size={14} />} onClick={p.onSave} loading={p.saving} disabled={!p.dirty && p.layoutId !== null} data-testid="wall-save" data-dirty={p.dirty}>
            {t('common.save')}
          </Button>
        </Indicator>
        <Menu position="bottom-start" portalProps={wallPortal}>
          <Menu.Target>
            <ActionIcon variant="default" size="md" aria-label={t('wall.layoutMenu')} data-testid="wall-layout-menu">
              <IconDots size={16} />
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item leftSection={<IconPencilPlus size={14} />} onClick={p.onSaveAs} data-testid="wall-save-as">
              {t('wall.saveAs')}
            </Menu.Item>
            <Menu.Item leftSection={<IconFilePlus size={14} />} onClick={p.onNew}>
              {t('wall.newWall')}
            </Menu.Item>
            <Menu.Item leftSection={<IconTrash size={14} />} color="red" disabled={!p.layoutId} onClick={p.onDelete}>
              {t('wall.deleteLayout')}
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      </Group>
      <Group gap="xs" wrap="nowrap">
        {p.push}
        {p.tour}
        <Tooltip label={p.fullscreen ? t('live.exitFullscreen') : t('wall.fullscreenTip')} portalProps={wallPortal}>
          <ActionIcon variant="default" size="md" onClick={p.onFullscreen} aria-label={p.fullscreen ? t('live.exitFullscreen') : t('live.fullscreen')} data-testid="wall-fullscreen">
            {p.fullscreen ? <IconMinimize size={16} /> : <IconMaximize size={16} />}
          </ActionIcon>
        </Tooltip>
        {p.help}
      </Group>
    </Group>
  );
}
