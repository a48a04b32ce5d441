import { MultiSelect } from '@mantine/core';
import { IconCamera } from '@tabler/icons-react';
import type { CameraMarker } from '@pantau/shared';
import { useTranslation } from 'react-i18next';
import { MAX_CAMERAS } from '../hooks/playbackModel.ts';

interface Props {
  cameras: CameraMarker[] | undefined;
  value: string[];
  onChange: (ids: string[]) => void;
}

/** Pick 1–9 cameras for the grid, searching by name. */
export function CameraChooser({ cameras, value, onChange }: Props) {
  const { t } = useTranslation();
  const data = (cameras ?? []).map((c) => ({ value: c.id, label: c.name })).sort((a, b) => a.label.localeCompare(b.label, 'id'));
  return (
    <MultiSelect
      size="xs"
      miw={260}
      maw={640}
      style={{ flex: 1 }}
      leftSection={<IconCamera size={14} />}
      data={data}
      value={value}
      onChange={onChange}
      searchable
      clearable
      limit={100}
      maxValues={MAX_CAMERAS}
      placeholder={value.length === 0 ? t('playback.pickCameras') : undefined}
      aria-label={t('playback.cameras', { max: MAX_CAMERAS })}
      nothingFoundMessage={t('common.nothingFound')}
      disabled={!cameras}
      data-testid="playback-cameras"
    />
  );
}
