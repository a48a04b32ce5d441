import { useState } from 'react';
import { Anchor, Badge, Card, Group, SegmentedControl, Stack, Tabs, Text, Title } from '@mantine/core';
import type { Dataset } from '@pantau/shared';
import { useTranslation } from 'react-i18next';
import type { CatalogScope } from '../../../api/opendata.ts';
import { EmptyState } from '../../../components/ui/EmptyState.tsx';
import { ChartBuilder } from '../components/ChartBuilder.tsx';
import { DataPreview } from '../components/DataPreview.tsx';
import { MetadataTable } from '../components/MetadataTable.tsx';

/** A dataset: description, metadata, its resources, and for a tabular one its rows and a chart. */
export function DatasetView({ scope, d }: { scope: CatalogScope; d: Dataset }) {
  const { t } = useTranslation();
  const tables = d.resources.filter((r) => r.datastoreActive);
  const [selected, setSelected] = useState(tables[0]?.id ?? null);
  const resource = tables.find((r) => r.id === selected) ?? null;
  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Title order={2} fz={{ base: 22, sm: 26 }} data-testid="dataset-title">{d.title}</Title>
        <Group gap={6}>
          {d.groups.map((g) => <Badge key={g} variant="light">{g}</Badge>)}
          {d.tags.map((tag) => <Badge key={tag} variant="outline" color="gray">{tag}</Badge>)}
        </Group>
        {d.description && <Text size="sm">{d.description}</Text>}
      </Stack>
      <Card withBorder padding="sm">
        <Text fw={600} size="sm" mb="xs">{t('databank.resources')}</Text>
        {d.resources.length === 0 && <Text size="sm" c="dimmed">{t('databank.noResources')}</Text>}
        <Stack gap={4}>
          {d.resources.map((r) => (
            <Group key={r.id} gap="sm">
              <Badge size="sm" color="teal">{r.format}</Badge>
              {r.url ? <Anchor href={r.url} target="_blank" rel="noreferrer" size="sm">{r.name}</Anchor> : <Text size="sm">{r.name}</Text>}
              {r.datastoreActive && <Text size="xs" c="dimmed">{t('databank.rowCount', { count: r.rowCount })}</Text>}
            </Group>
          ))}
        </Stack>
      </Card>
      {tables.length > 1 && <SegmentedControl value={selected ?? ''} onChange={setSelected} data={tables.map((r) => ({ value: r.id, label: r.name }))} />}
      <Tabs defaultValue="data" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="data">{t('databank.tabData')}</Tabs.Tab>
          <Tabs.Tab value="chart" data-testid="tab-chart">{t('databank.tabChart')}</Tabs.Tab>
          <Tabs.Tab value="metadata">{t('databank.tabMetadata')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="data" pt="sm">{resource ? <DataPreview scope={scope} resource={resource} /> : <EmptyState title={t('databank.noTable')} />}</Tabs.Panel>
        <Tabs.Panel value="chart" pt="sm">{resource ? <ChartBuilder scope={scope} resource={resource} title={d.title} /> : <EmptyState title={t('databank.noTable')} />}</Tabs.Panel>
        <Tabs.Panel value="metadata" pt="sm"><MetadataTable d={d} /></Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
