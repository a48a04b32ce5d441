import { Box } from '@mantine/core';
import { useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/ui/EmptyState.tsx';
import { CHART_TYPES, type ChartType } from '../components/chartOption.ts';
import { DatasetChart } from '../components/DatasetChart.tsx';

/** One chart and nothing else, for an iframe on another site; published data only. */
export function EmbedChartPage() {
  const { t } = useTranslation();
  const { resourceId } = useParams();
  const [p] = useSearchParams();
  const type = p.get('type') as ChartType | null;
  const fn = p.get('fn');
  const x = p.get('x');
  if (!resourceId || !x || !type || !CHART_TYPES.includes(type)) return <EmptyState title={t('databank.embedInvalid')} />;
  return (
    <Box p="xs">
      <DatasetChart scope="public" resourceId={resourceId} spec={{ type, x, y: p.get('y'), fn: fn === 'avg' || fn === 'count' ? fn : 'sum' }} title={p.get('title') ?? ''} height="calc(100vh - 70px)" />
    </Box>
  );
}
