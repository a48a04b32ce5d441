import { Group, SegmentedControl, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Year and quarter of the dashboard; the quarter "latest" lets the server pick the newest with figures. */
export function PeriodPicker({ years, year, quarter, onChange }: { years: number[]; year: number; quarter: number | null; onChange: (year: number, quarter: number | null) => void }) {
  const { t } = useTranslation();
  return (
    <Group gap="sm" wrap="wrap">
      <Select w={110} aria-label={t('dashboard.year')} data={years.map(String)} value={String(year)} onChange={(v) => v && onChange(Number(v), quarter)} allowDeselect={false} data-testid="period-year" />
      <SegmentedControl
        aria-label={t('dashboard.quarter')}
        value={quarter === null ? 'latest' : String(quarter)}
        onChange={(v) => onChange(year, v === 'latest' ? null : Number(v))}
        data={[{ value: 'latest', label: t('dashboard.latest') }, ...[1, 2, 3, 4].map((q) => ({ value: String(q), label: `T${q}` }))]}
      />
    </Group>
  );
}
