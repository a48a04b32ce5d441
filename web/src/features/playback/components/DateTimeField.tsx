import type { ReactNode } from 'react';
import { DatesProvider, DateTimePicker } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import 'dayjs/locale/id';
import '@mantine/dates/styles.css';
import { fromPickerValue, toPickerValue } from '../../../components/timeline/time.ts';

interface Props {
  label?: string;
  placeholder?: string;
  value: number | null;
  onChange: (t: number | null) => void;
  error?: string;
  leftSection?: ReactNode;
  onOpen?: () => void;
  w?: number;
  testId?: string;
}

/** A local date-time (to the second) as epoch ms, in the user's language; nothing after now. */
export function DateTimeField({ label, placeholder, value, onChange, error, leftSection, onOpen, w, testId }: Props) {
  const { i18n } = useTranslation();
  return (
    <DatesProvider settings={{ locale: i18n.language === 'en' ? 'en' : 'id', firstDayOfWeek: 1 }}>
      <DateTimePicker
        size="xs"
        w={w}
        withSeconds
        label={label}
        valueFormat="DD/MM/YYYY HH:mm:ss"
        placeholder={placeholder}
        aria-label={label ?? placeholder}
        leftSection={leftSection}
        value={value === null ? null : toPickerValue(value)}
        onChange={(v) => onChange(fromPickerValue(v))}
        maxDate={toPickerValue(Date.now())}
        error={error}
        popoverProps={{ onOpen }}
        data-testid={testId}
      />
    </DatesProvider>
  );
}
