import { useState, type FormEvent } from 'react';
import { Alert, Button, Grid, Group, Paper, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { sceneInputSchema, type CameraMarker, type SceneLayout } from '@pantau/shared';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LayoutPicker, LayoutPreview } from '../components/LayoutPreview.tsx';
import { TileEditor } from '../components/TileEditor.tsx';
import { errorUnder, issuesByPath } from '../hooks/issues.ts';
import { resizeTiles, sceneToInput, type SceneDraft, type TileDraft } from '../hooks/sceneModel.ts';
import { errorMap } from '../../../lib/validation.ts';
import type { SceneInput } from '@pantau/shared';

interface Props {
  initial: SceneDraft;
  cameras: CameraMarker[];
  pending: boolean;
  /** Server-side problems by path, after a failed save. */
  serverErrors: Record<string, string>;
  onSave: (input: SceneInput) => void;
}

/** The scene editor: name, layout with a picture of its slots, each slot's content, the ticker. */
export function SceneEditorView({ initial, cameras, pending, serverErrors, onSave }: Props) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<SceneDraft>(initial);
  const [slot, setSlot] = useState(0);
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const errors = { ...serverErrors, ...clientErrors };
  const cameraName = new Map(cameras.map((c) => [c.id, c.name]));

  const setLayout = (layout: SceneLayout) => {
    setDraft((d) => ({ ...d, layout, tiles: resizeTiles(d.tiles, layout) }));
    setSlot((s) => Math.min(s, resizeTiles(draft.tiles, layout).length - 1));
  };
  const setTile = (i: number, tile: TileDraft) => {
    setDraft((d) => ({ ...d, tiles: d.tiles.map((x, j) => (j === i ? tile : x)) }));
    setClientErrors({});
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const input = sceneToInput(draft);
    const r = sceneInputSchema.safeParse(input, { error: errorMap });
    if (!r.success) {
      const found = issuesByPath(r.error.issues, true);
      setClientErrors(found);
      // jump to the first slot with a problem, so the operator sees it
      const bad = draft.tiles.findIndex((_, i) => errorUnder(found, `tiles.${i}`));
      if (bad >= 0) setSlot(bad);
      return;
    }
    setClientErrors({});
    onSave(input);
  };

  const slotLabel = (i: number) => {
    const tile = draft.tiles[i]!;
    const extra = tile.kind === 'cameras' && tile.cameraIds.length ? ` · ${tile.cameraIds.length}` : '';
    return (
      <Stack gap={0}>
        <Text size="xs" c="dimmed">
          {t('displays.scenes.slot', { n: i + 1 })}
        </Text>
        <Text size="sm" fw={500}>
          {t(`displays.scenes.kinds.${tile.kind}`)}
          {extra}
        </Text>
        {tile.kind === 'cameras' && (
          <Text size="xs" c="dimmed" lineClamp={2}>
            {tile.cameraIds.map((id) => cameraName.get(id) ?? '…').join(', ')}
          </Text>
        )}
      </Stack>
    );
  };

  return (
    <form onSubmit={submit} noValidate data-testid="scene-form">
      <Stack gap="md">
        {errors._form && (
          <Alert color="red" variant="light">
            {errors._form}
          </Alert>
        )}
        <Grid gap="md">
          <Grid.Col span={{ base: 12, lg: 7 }}>
            <Paper withBorder radius="md" p="md">
              <Stack gap="md">
                <TextInput label={t('displays.scenes.name')} required maxLength={120} value={draft.name} onChange={(e) => {
                    setDraft({ ...draft, name: e.currentTarget.value });
                    setClientErrors(({ name: _, ...rest }) => rest);
                  }}
                  error={errors.name} data-testid="scene-name" />
                <LayoutPicker value={draft.layout} onChange={setLayout} />
                <LayoutPreview layout={draft.layout} slot={slotLabel} selected={slot} onSelect={setSlot} invalid={(i) => !!errorUnder(errors, `tiles.${i}`)} height={220} />
                {errors.tiles && (
                  <Text size="sm" c="red">
                    {errors.tiles}
                  </Text>
                )}
                <Textarea label={t('displays.scenes.ticker')} description={t('displays.scenes.tickerHint')} value={draft.tickerText} onChange={(e) => setDraft({ ...draft, tickerText: e.currentTarget.value })} autosize minRows={2} maxRows={6} error={errorUnder(errors, 'ticker')} data-testid="scene-ticker" />
              </Stack>
            </Paper>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 5 }}>
            <Paper withBorder radius="md" p="md">
              {draft.tiles[slot] && (
                <TileEditor
                  key={slot}
                  index={slot}
                  tile={draft.tiles[slot]}
                  onChange={(tile) => setTile(slot, tile)}
                  cameras={cameras}
                  errors={(field) => (field ? errorUnder(errors, `tiles.${slot}.${field}`) : errors[`tiles.${slot}`])}
                />
              )}
            </Paper>
          </Grid.Col>
        </Grid>
        <Group justify="flex-end">
          <Button component={Link} to="/tampilan/adegan" variant="default">
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={pending} data-testid="scene-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
