import { useMemo, useState } from 'react';
import { Group, ScrollArea, Select, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { IconCheck, IconSearch } from '@tabler/icons-react';
import type { CameraCategory, CameraMarker, CameraStatus } from '@pantau/shared';
import { useTranslation } from 'react-i18next';
import { useEnumOptions } from '../../../lib/options.ts';
import { STATUS_HEX } from '../../../lib/status.ts';
import { startCameraDrag } from './dnd.ts';

/** Rows drawn at once; a search narrows thousands of cameras down to these. */
const SHOWN = 150;

interface Props {
  cameras: CameraMarker[];
  /** Cameras already on the wall, marked in the list. */
  onWall: ReadonlySet<string>;
  selectedCell: number;
  onPick: (cameraId: string) => void;
}

/** The wall's camera list: search and filter, drag a camera onto a cell or click to fill the selected cell. */
export function CameraPicker({ cameras, onWall, selectedCell, onPick }: Props) {
  const { t } = useTranslation();
  const opts = useEnumOptions();
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<CameraStatus | null>(null);
  const [category, setCategory] = useState<CameraCategory | null>(null);

  const matches = useMemo(() => {
    const needle = q.trim().toLowerCase();
    return cameras
      .filter((c) => (!status || c.status === status) && (!category || c.category === category) && (!needle || c.name.toLowerCase().includes(needle)))
      .sort((a, b) => a.name.localeCompare(b.name, 'id'));
  }, [cameras, q, status, category]);

  return (
    <Stack gap={8} style={{ minHeight: 0, flex: 1 }}>
      <Text size="xs" c="dimmed">
        {t('wall.pickerHint', { cell: selectedCell + 1 })}
      </Text>
      <TextInput
        size="xs"
        placeholder={t('wall.searchCameras')}
        aria-label={t('wall.searchCameras')}
        leftSection={<IconSearch size={14} />}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        data-testid="wall-camera-search"
      />
      <Group gap={6} grow>
        <Select size="xs" placeholder={t('fields.status')} aria-label={t('fields.status')} data={opts.statuses} value={status} onChange={(v) => setStatus(v as CameraStatus | null)} clearable />
        <Select size="xs" placeholder={t('fields.category')} aria-label={t('fields.category')} data={opts.categories} value={category} onChange={(v) => setCategory(v as CameraCategory | null)} clearable />
      </Group>
      <ScrollArea style={{ flex: 1 }} type="auto" offsetScrollbars>
        <Stack gap={2} data-testid="wall-camera-list">
          {matches.slice(0, SHOWN).map((c) => (
            <UnstyledButton
              key={c.id}
              className="wall-camera-item"
              draggable
              onDragStart={(e) => startCameraDrag(e, c.id)}
              onClick={() => onPick(c.id)}
              data-testid="wall-camera-item"
              data-camera-id={c.id}
              title={t('wall.pickTitle', { name: c.name, cell: selectedCell + 1 })}
            >
              <Group gap={8} wrap="nowrap">
                <span className="status-dot" style={{ background: STATUS_HEX[c.status] }} aria-label={t(`status.${c.status}`)} />
                <Stack gap={0} style={{ minWidth: 0, flex: 1 }}>
                  <Text size="sm" truncate="end">
                    {c.name}
                  </Text>
                  <Text size="xs" c="dimmed" truncate="end">
                    {t(`category.${c.category}`)} · {t(`status.${c.status}`)}
                  </Text>
                </Stack>
                {onWall.has(c.id) && <IconCheck size={14} color="var(--mantine-color-cyan-4)" aria-label={t('wall.onWall')} />}
              </Group>
            </UnstyledButton>
          ))}
          {matches.length === 0 && (
            <Text size="sm" c="dimmed" ta="center" py="md">
              {t('common.nothingFound')}
            </Text>
          )}
          {matches.length > SHOWN && (
            <Text size="xs" c="dimmed" ta="center" py={6}>
              {t('wall.moreCameras', { count: matches.length - SHOWN })}
            </Text>
          )}
        </Stack>
      </ScrollArea>
    </Stack>
  );
}
