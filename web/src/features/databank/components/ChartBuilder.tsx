import { useState } from 'react';
import { Code, Group, Select, Stack, Text } from '@mantine/core';
import type { Resource } from '@pantau/shared';
import { useTranslation } from 'react-i18next';
import type { CatalogScope } from '../../../api/opendata.ts';
import { CHART_TYPES, type ChartType } from './chartOption.ts';
import { DatasetChart, type ChartSpec } from './DatasetChart.tsx';

const isNumber = (type: string) => type === 'int' || type === 'numeric';

/** Pick chart type and columns; shows the chart and, for published data, the code to embed it. */
export function ChartBuilder({ scope, resource, title }: { scope: CatalogScope; resource: Resource; title: string }) {
  const { t } = useTranslation();
  const numeric = resource.fields.filter((f) => isNumber(f.type));
  const [spec, setSpec] = useState<ChartSpec>({ type: 'bar', x: resource.fields.find((f) => !isNumber(f.type))?.id ?? resource.fields[0]?.id ?? '', y: numeric[0]?.id ?? null, fn: 'sum' });
  const embed = `${location.origin}/data/embed/${resource.id}?${new URLSearchParams({ type: spec.type, x: spec.x, ...(spec.y ? { y: spec.y } : {}), fn: spec.fn, title })}`;
  return (
    <Stack gap="sm">
      <Group gap="sm" wrap="wrap">
        <Select w={140} label={t('databank.chartType')} value={spec.type} onChange={(v) => v && setSpec({ ...spec, type: v as ChartType })} data={CHART_TYPES.map((c) => ({ value: c, label: t(`databank.chart.${c}`) }))} allowDeselect={false} data-testid="chart-type" />
        <Select w={200} label={t('databank.chartX')} value={spec.x} onChange={(v) => v && setSpec({ ...spec, x: v })} data={resource.fields.map((f) => f.id)} allowDeselect={false} />
        <Select w={200} label={t('databank.chartY')} value={spec.y} onChange={(v) => setSpec({ ...spec, y: v })} data={numeric.map((f) => f.id)} clearable placeholder={t('databank.fn.count')} />
        <Select w={140} label={t('databank.chartFn')} value={spec.fn} onChange={(v) => v && setSpec({ ...spec, fn: v as ChartSpec['fn'] })} data={(['sum', 'avg', 'count'] as const).map((f) => ({ value: f, label: t(`databank.fn.${f}`) }))} allowDeselect={false} disabled={!spec.y} />
      </Group>
      {spec.type === 'map' && <Text size="xs" c="dimmed">{t('databank.mapHint')}</Text>}
      {spec.x && <DatasetChart scope={scope} resourceId={resource.id} spec={spec} title={title} />}
      {scope === 'public' && (
        <Stack gap={2}>
          <Text size="xs" c="dimmed">{t('databank.embedHint')}</Text>
          <Code block data-testid="embed-code">{`<iframe src="${embed}" width="640" height="400" style="border:0" title="${title}"></iframe>`}</Code>
        </Stack>
      )}
    </Stack>
  );
}
