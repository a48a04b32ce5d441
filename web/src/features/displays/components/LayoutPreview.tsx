import type { CSSProperties, ReactNode } from 'react';
import { SCENE_LAYOUTS, SCENE_SLOTS, type SceneLayout } from '@pantau/shared';
import { UnstyledButton, Text, Group, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const AREAS = ['a', 'b', 'c', 'd'];

/** Where each slot sits on a 16:9 screen; the kiosk draws the same arrangement full size. */
const GRID: Record<SceneLayout, CSSProperties> = {
  full: { gridTemplate: '"a" 1fr / 1fr' },
  split: { gridTemplate: '"a b" 1fr / 1fr 1fr' },
  main_side: { gridTemplate: '"a b" 1fr "a c" 1fr / 2fr 1fr' },
  quad: { gridTemplate: '"a b" 1fr "c d" 1fr / 1fr 1fr' },
};

interface Props {
  layout: SceneLayout;
  /** Content of slot i (a label or icon); the preview is a picture of the screen. */
  slot: (i: number) => ReactNode;
  selected?: number;
  onSelect?: (i: number) => void;
  /** Slots with a problem get a red edge. */
  invalid?: (i: number) => boolean;
  height?: number;
}

/** A small picture of a scene's layout, its slots clickable to edit them. */
export function LayoutPreview({ layout, slot, selected, onSelect, invalid, height = 180 }: Props) {
  const { t } = useTranslation();
  return (
    <div
      style={{ display: 'grid', gap: 4, aspectRatio: '16 / 9', height, ...GRID[layout] }}
      // the small pictures inside the layout picker are decoration of their radio button
      {...(onSelect ? { role: 'group', 'aria-label': t('displays.scenes.preview'), 'data-testid': 'scene-preview', 'data-layout': layout } : { 'aria-hidden': true })}
    >
      {Array.from({ length: SCENE_SLOTS[layout] }, (_, i) => {
        const style: CSSProperties = {
          gridArea: AREAS[i],
          borderRadius: 4,
          padding: 4,
          overflow: 'hidden',
          background: 'var(--mantine-color-dark-6)',
          border: `2px solid ${invalid?.(i) ? 'var(--mantine-color-red-6)' : selected === i ? 'var(--mantine-color-cyan-5)' : 'var(--mantine-color-dark-4)'}`,
        };
        return onSelect ? (
          <UnstyledButton key={i} style={style} onClick={() => onSelect(i)} aria-pressed={selected === i} data-testid={`scene-slot-${i}`}>
            {slot(i)}
          </UnstyledButton>
        ) : (
          <div key={i} style={style}>
            {slot(i)}
          </div>
        );
      })}
    </div>
  );
}

/** The four layouts as small pictures; choosing one reshapes the scene's slots. */
export function LayoutPicker({ value, onChange }: { value: SceneLayout; onChange: (l: SceneLayout) => void }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {t('displays.scenes.layout')}
      </Text>
      <Group gap="sm" role="radiogroup" aria-label={t('displays.scenes.layout')}>
        {SCENE_LAYOUTS.map((l) => (
          <UnstyledButton
            key={l}
            role="radio"
            aria-checked={value === l}
            onClick={() => onChange(l)}
            data-testid={`scene-layout-${l}`}
            style={{ padding: 6, borderRadius: 6, border: `2px solid ${value === l ? 'var(--mantine-color-cyan-5)' : 'transparent'}` }}
          >
            <Stack gap={4} align="center">
              <LayoutPreview layout={l} slot={() => null} height={40} />
              <Text size="xs">{t(`displays.scenes.layouts.${l}`)}</Text>
            </Stack>
          </UnstyledButton>
        ))}
      </Group>
    </Stack>
  );
}
