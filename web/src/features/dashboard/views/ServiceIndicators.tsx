import { Card, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useServiceIndicators } from '../../../api/dashboards.ts';
import { ChartCard } from '../../../components/charts/ChartCard.tsx';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { serviceOption } from '../charts.ts';

const KNOWN = ['cameras_online', 'incident_sla', 'ppid_timeliness'] as const;

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
        const key = (KNOWN as readonly string[]).includes(ind.key) ? (ind.key as (typeof KNOWN)[number]) : 'cameras_online';
        const labels = { ok: t(`dashboard.serviceLabels.${key}.ok`), not: t(`dashboard.serviceLabels.${key}.not`) };
        if (ind.items.length === 0) {
          return (
            <Card key={ind.key} withBorder padding="sm" data-testid={`service-${ind.key}`}>
              <Text fw={600} size="sm">{title}</Text>
              <Text c="dimmed" size="sm" mt="xs">{t('dashboard.noData')}</Text>
            </Card>
          );
        }
        const table = [[t(`dashboard.serviceLabels.${key}.dim`), labels.ok, t('dashboard.total')], ...ind.items.map((i) => [i.label, i.value, i.total])];
        return <ChartCard key={ind.key} title={title} option={serviceOption(ind.items, labels)} table={table} filename={ind.key} height={Math.max(220, ind.items.length * 34 + 60)} testId={`service-${ind.key}`} />;
      })}
    </SimpleGrid>
  );
}
