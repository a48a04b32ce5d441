import { Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDuration } from '../../../components/timeline/time.ts';
import { DateTimeField } from './DateTimeField.tsx';

export interface Range {
  from: number | null;
  to: number | null;
}

/** Start and end of a range (prefilled from the in/out points), with its length. */
export function RangeFields({ value, onChange, errors }: { value: Range; onChange: (r: Range) => void; errors: { from?: string; to?: string } }) {
  const { t } = useTranslation();
  const length = value.from !== null && value.to !== null && value.to > value.from ? formatDuration(value.to - value.from) : null;
  return (
    <Group grow align="flex-start" gap="sm">
      <DateTimeField label={t('playback.rangeFrom')} value={value.from} onChange={(from) => onChange({ ...value, from })} error={errors.from} testId="range-from" />
      <DateTimeField
        label={length ? t('playback.rangeToWithLength', { length }) : t('playback.rangeTo')}
        value={value.to}
        onChange={(to) => onChange({ ...value, to })}
        error={errors.to}
        testId="range-to"
      />
    </Group>
  );
}

/** The ISO pair of a complete range, or null. */
export function rangeIso(r: Range): { from: string; to: string } | null {
  if (r.from === null || r.to === null) return null;
  return { from: new Date(r.from).toISOString(), to: new Date(r.to).toISOString() };
}
