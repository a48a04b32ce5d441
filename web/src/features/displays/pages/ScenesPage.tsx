import { Anchor, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useDeleteScene, useScenes } from '../../../api/displays.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { LayoutPreview } from '../components/LayoutPreview.tsx';
import { ContentListView } from '../views/ContentListView.tsx';

/** Scenes: a picture of each layout and what its slots hold; N makes a new one. */
export function ScenesPage() {
  const { t } = useTranslation();
  return (
    <ContentListView
      kind="scenes"
      testId="scene"
      base="/tampilan/adegan"
      items={useScenes()}
      remove={useDeleteScene()}
      headers={
        <>
          <Table.Th w={110}>{t('displays.scenes.layout')}</Table.Th>
          <Table.Th>{t('displays.scenes.name')}</Table.Th>
          <Table.Th>{t('displays.scenes.updated')}</Table.Th>
        </>
      }
      cells={(s) => (
        <>
          <Table.Td>
            <LayoutPreview layout={s.layout} slot={() => null} height={44} />
          </Table.Td>
          <Table.Td>
            <Anchor component={Link} to={`/tampilan/adegan/${s.id}`} fw={500}>
              {s.name}
            </Anchor>
            <Text size="xs" c="dimmed">
              {t(`displays.scenes.layouts.${s.layout}`)} · {s.tiles.map((tile) => t(`displays.scenes.kinds.${tile.kind}`)).join(', ')}
            </Text>
          </Table.Td>
          <Table.Td>
            <Text size="sm">{formatDateTime(s.updatedAt)}</Text>
          </Table.Td>
        </>
      )}
    />
  );
}
