import { ActionIcon, Button, Chip, Group, NumberInput, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { errorUnder } from '../hooks/issues.ts';
import { emptyItem, moveItem, WEEK, type ItemDraft } from '../hooks/playlistModel.ts';

interface Props {
  items: ItemDraft[];
  onChange: (items: ItemDraft[]) => void;
  scenes: { value: string; label: string }[];
  errors: Record<string, string>;
}

/** The rows of a playlist: scene, seconds, days and hours; reordered with the arrows. */
export function PlaylistItemsEditor({ items, onChange, scenes, errors }: Props) {
  const { t } = useTranslation();
  const set = (i: number, patch: Partial<ItemDraft>) => onChange(items.map((it, j) => (j === i ? { ...it, ...patch } : it)));
  return (
    <Stack gap="sm" data-testid="playlist-items">
      {items.map((it, i) => {
        const err = (f: string) => errorUnder(errors, `items.${i}.${f}`);
        return (
          <Paper key={it.key} withBorder radius="sm" p="sm" data-testid="playlist-item">
            <Stack gap="xs">
              <Group justify="space-between" gap="xs">
                <Text size="sm" fw={600}>
                  {t('displays.playlists.row', { n: i + 1 })}
                </Text>
                <Group gap={4}>
                  <ActionIcon variant="subtle" aria-label={t('displays.playlists.moveUp')} disabled={i === 0} onClick={() => onChange(moveItem(items, i, -1))}>
                    <IconArrowUp size={16} />
                  </ActionIcon>
                  <ActionIcon variant="subtle" aria-label={t('displays.playlists.moveDown')} disabled={i === items.length - 1} onClick={() => onChange(moveItem(items, i, 1))}>
                    <IconArrowDown size={16} />
                  </ActionIcon>
                  <ActionIcon variant="subtle" color="red" aria-label={t('displays.playlists.remove')} disabled={items.length === 1} onClick={() => onChange(items.filter((_, j) => j !== i))}>
                    <IconTrash size={16} />
                  </ActionIcon>
                </Group>
              </Group>
              <Group grow align="flex-start" gap="sm">
                <Select label={t('displays.playlists.scene')} data={scenes} value={it.sceneId} onChange={(v) => set(i, { sceneId: v })} searchable required error={err('sceneId')} data-testid="playlist-item-scene" />
                <NumberInput label={t('displays.playlists.seconds')} value={it.seconds} onChange={(v) => set(i, { seconds: v })} min={5} max={86_400} allowDecimal={false} required error={err('seconds')} maw={160} data-testid="playlist-item-seconds" />
              </Group>
              <Stack gap={4}>
                <Text size="sm" fw={500} id={`days-${it.key}`}>
                  {t('displays.playlists.days')}{' '}
                  <Text span size="xs" c="dimmed">
                    ({t('displays.playlists.everyDay')})
                  </Text>
                </Text>
                <Chip.Group multiple value={it.days.map(String)} onChange={(v) => set(i, { days: v.map(Number) })}>
                  <Group gap={6} role="group" aria-labelledby={`days-${it.key}`}>
                    {WEEK.map((d) => (
                      <Chip key={d} value={String(d)} size="xs">
                        {t(`displays.playlists.dayNames.${d as 0 | 1 | 2 | 3 | 4 | 5 | 6}`)}
                      </Chip>
                    ))}
                  </Group>
                </Chip.Group>
                {err('days') && (
                  <Text size="xs" c="red">
                    {err('days')}
                  </Text>
                )}
              </Stack>
              <Group grow gap="sm" maw={360}>
                <TextInput type="time" label={t('displays.playlists.from')} value={it.from} onChange={(e) => set(i, { from: e.currentTarget.value })} error={err('from')} />
                <TextInput type="time" label={t('displays.playlists.to')} value={it.to} onChange={(e) => set(i, { to: e.currentTarget.value })} error={err('to')} />
              </Group>
            </Stack>
          </Paper>
        );
      })}
      <Group>
        <Button variant="light" leftSection={<IconPlus size={16} />} onClick={() => onChange([...items, emptyItem()])} disabled={items.length >= 50} data-testid="playlist-add">
          {t('displays.playlists.add')}
        </Button>
      </Group>
    </Stack>
  );
}
