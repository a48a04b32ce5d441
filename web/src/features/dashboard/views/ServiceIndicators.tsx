import { Card, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useServiceIndicators } from '../../../api/dashboards.ts';
import { ChartCard } from '../../../components/charts/ChartCard.tsx';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { camerasOption } from '../charts.ts';

/** Pantau's own service figures; a module not in this build says so instead of showing zeros. */
export function ServiceIndicators() {
  const { t } = useTranslation();
  const q = useServiceIndicators();
  if (q.isError) return <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  if (!q.data) return null;
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
      {q.data.map((ind) => {
        const title = t(`dashboard.service.${ind.key}`, { defaultValue: ind.key });
        if (!ind.available) {
          return (
            <Card key={ind.key} withBorder padding="sm" data-testid={`service-${ind.key}`}>
              <Text fw={600} size="sm">{title}</Text>
              <Text c="dimmed" size="sm" mt="xs">{t('dashboard.notAvailable')}</Text>
            </Card>
          );
        }
        const labels = { online: t('dashboard.online'), offline: t('dashboard.offline') };
        const table = [[t('dashboard.region'), labels.online, t('dashboard.total')], ...ind.items.map((i) => [i.label, i.value, i.total])];
        return <ChartCard key={ind.key} title={title} option={camerasOption(ind.items, labels)} table={table} filename={ind.key} height={Math.max(220, ind.items.length * 34 + 60)} testId={`service-${ind.key}`} />;
      })}
    </SimpleGrid>
  );
}
