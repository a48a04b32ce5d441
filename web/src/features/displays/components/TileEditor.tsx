import { MultiSelect, NumberInput, SegmentedControl, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { CAMERA_GRIDS, type CameraMarker } from '@pantau/shared';
import { useTranslation } from 'react-i18next';
import { TILE_KINDS, type CameraGrid, type TileDraft, type TileKind } from '../hooks/sceneModel.ts';
import { gridLabel } from '../hooks/pushModel.ts';

interface Props {
  index: number;
  tile: TileDraft;
  onChange: (t: TileDraft) => void;
  /** Cameras a display may ever show (public and pimpinan). */
  cameras: CameraMarker[];
  /** Messages by field of this tile ("cameraIds", "messages", …); "" for the tile itself. */
  errors: (field: string) => string | undefined;
}

/** One slot of a scene: what it shows and that content's settings. */
export function TileEditor({ index, tile, onChange, cameras, errors }: Props) {
  const { t } = useTranslation();
  const set = <K extends keyof TileDraft>(k: K, v: TileDraft[K]) => onChange({ ...tile, [k]: v });
  const cameraOptions = cameras.map((c) => ({ value: c.id, label: c.visibility === 'pimpinan' ? `${c.name} (${t('visibility.pimpinan')})` : c.name }));
  return (
    <Stack gap="sm" data-testid={`tile-editor-${index}`}>
      <Select
        label={t('displays.scenes.slotKind', { n: index + 1 })}
        data={TILE_KINDS.map((k) => ({ value: k, label: t(`displays.scenes.kinds.${k}`) }))}
        value={tile.kind}
        onChange={(k) => k && set('kind', k as TileKind)}
        allowDeselect={false}
        error={errors('')}
        data-testid="tile-kind"
      />
      {tile.kind === 'cameras' && (
        <>
          <MultiSelect
            label={t('displays.scenes.cameras')}
            description={t('displays.scenes.camerasHint')}
            placeholder={t('displays.push.cameraSearch')}
            data={cameraOptions}
            value={tile.cameraIds}
            onChange={(v) => set('cameraIds', v)}
            searchable
            limit={100}
            maxValues={64}
            nothingFoundMessage={t('common.nothingFound')}
            error={errors('cameraIds')}
            data-testid="tile-cameras"
          />
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('displays.scenes.grid')}
            </Text>
            <SegmentedControl value={String(tile.grid)} onChange={(g) => set('grid', Number(g) as CameraGrid)} data={CAMERA_GRIDS.map((g) => ({ value: String(g), label: gridLabel(g) }))} aria-label={t('displays.scenes.grid')} />
          </Stack>
          <NumberInput label={t('displays.scenes.dwell')} description={t('displays.scenes.dwellHint')} value={tile.dwellSeconds} onChange={(v) => set('dwellSeconds', v)} min={5} max={3600} allowDecimal={false} error={errors('dwellSeconds')} />
        </>
      )}
      {tile.kind === 'announcements' && (
        <Textarea
          label={t('displays.scenes.messages')}
          description={t('displays.scenes.messagesHint')}
          value={tile.messagesText}
          onChange={(e) => set('messagesText', e.currentTarget.value)}
          autosize
          minRows={3}
          maxRows={10}
          error={errors('messages')}
          data-testid="tile-messages"
        />
      )}
      {tile.kind === 'clock_weather' && (
        <TextInput label={t('displays.scenes.weather')} placeholder={t('displays.scenes.weatherHint')} value={tile.weatherText} onChange={(e) => set('weatherText', e.currentTarget.value)} maxLength={120} error={errors('weatherText')} data-testid="tile-weather" />
      )}
      {(tile.kind === 'incident_map' || tile.kind === 'stats') && (
        <Text size="sm" c="dimmed">
          {t('displays.scenes.noSettings')}
        </Text>
      )}
    </Stack>
  );
}
