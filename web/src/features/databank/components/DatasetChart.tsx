import { Alert, Center, Loader } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useAggregate, type CatalogScope } from '../../../api/opendata.ts';
import { ChartCard } from '../../../components/charts/ChartCard.tsx';
import { registerMap } from '../../../components/charts/EChart.tsx';
import { GEO } from '../../../components/map/boundaries.ts';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { chartOption, REGION_MAP, type ChartType } from './chartOption.ts';

export interface ChartSpec {
  type: ChartType;
  x: string;
  y: string | null;
  fn: 'sum' | 'avg' | 'count';
}

/** The boundaries are fetched once and registered with ECharts before a map is drawn. */
function useRegionMap(enabled: boolean) {
  return useQuery({
    queryKey: ['geo', REGION_MAP],
    queryFn: async () => {
      const res = await fetch(GEO.kabkota);
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      registerMap(REGION_MAP, await res.json());
      return true;
    },
    enabled,
    staleTime: Infinity,
  });
}

/** A chart of one resource, aggregated on the server; also what the embed page shows. */
export function DatasetChart({ scope, resourceId, spec, title, height }: { scope: CatalogScope; resourceId: string; spec: ChartSpec; title: string; height?: number | string }) {
  const { t } = useTranslation();
  const data = useAggregate(scope, resourceId, spec.x, spec.y, spec.fn);
  const geo = useRegionMap(spec.type === 'map');
  if (data.isError) return <ErrorAlert error={data.error} />;
  if (geo.isError) return <Alert color="yellow">{t('databank.mapUnavailable')}</Alert>;
  if (!data.data || (spec.type === 'map' && !geo.data)) return <Center h={200}><Loader /></Center>;
  const yLabel = spec.y ? `${t(`databank.fn.${spec.fn}`)} ${spec.y}` : t('databank.fn.count');
  const table = [[spec.x, yLabel], ...data.data.map((p) => [p.x === null ? '' : String(p.x), p.y])];
  return <ChartCard title={title} option={chartOption(spec.type, data.data, yLabel)} table={table} filename={`grafik-${resourceId.slice(0, 8)}`} height={height} testId="dataset-chart" />;
}
