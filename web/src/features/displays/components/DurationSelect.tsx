import { Select, type ComboboxProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PUSH_DURATIONS } from '../hooks/pushModel.ts';

/** How long a push stays before the display returns to its playlist by itself. */
export function DurationSelect({ value, onChange, comboboxProps }: { value: number | null; onChange: (s: number | null) => void; comboboxProps?: ComboboxProps }) {
  const { t } = useTranslation();
  const label = (s: number | null) =>
    s === null ? t('displays.push.forever') : s < 3600 ? t('displays.push.minutes', { count: s / 60 }) : t('displays.push.hours', { count: s / 3600 });
  return (
    <Select
      label={t('displays.push.duration')}
      data={PUSH_DURATIONS.map((s) => ({ value: String(s), label: label(s) }))}
      value={String(value)}
      onChange={(v) => onChange(!v || v === 'null' ? null : Number(v))}
      allowDeselect={false}
      comboboxProps={comboboxProps}
      data-testid="push-duration"
    />
  );
}
