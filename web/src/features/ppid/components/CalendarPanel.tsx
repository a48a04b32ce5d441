import { useState } from 'react';
import { ActionIcon, Alert, Badge, Button, Group, NumberInput, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useDeleteCalendarDay, usePpidCalendar, useSetCalendarDay } from '../../../api/ppid.ts';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { errorMessage } from '../../../lib/errors.ts';
import { useCan } from '../../auth/hooks/useMe.ts';

const KINDS = ['holiday', 'cuti_bersama', 'workday'] as const;

/** The working-day calendar of a year, and the editable list for SKB decrees (add or remove days). */
export function CalendarPanel() {
  const { t } = useTranslation();
  const can = useCan();
  const [year, setYear] = useState(new Date().getFullYear());
  const days = usePpidCalendar(year);
  const set = useSetCalendarDay();
  const del = useDeleteCalendarDay();
  const [date, setDate] = useState('');
  const [label, setLabel] = useState('');
  const [kind, setKind] = useState<(typeof KINDS)[number]>('cuti_bersama');
  const error = set.error ?? del.error;
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">{t('ppid.calendar.intro')}</Text>
      <NumberInput label={t('ppid.report.year')} value={year} onChange={(v) => typeof v === 'number' && setYear(v)} min={2010} max={2100} w={120} />
      {error && <Alert color="red" variant="light">{errorMessage(t, error)}</Alert>}
      {can('ppid.calendar.write') && (
        <Group gap="xs" align="flex-end" wrap="wrap">
          <TextInput label={t('ppid.calendar.date')} placeholder="YYYY-MM-DD" value={date} onChange={(e) => setDate(e.currentTarget.value)} w={140} />
          <TextInput label={t('ppid.calendar.label')} value={label} onChange={(e) => setLabel(e.currentTarget.value)} w={260} />
          <Select label={t('ppid.calendar.kind')} data={KINDS.map((k) => ({ value: k, label: t(`ppid.calendar.kinds.${k}`) }))} value={kind} onChange={(v) => v && setKind(v as typeof kind)} allowDeselect={false} />
          <Button onClick={() => set.mutate({ date, label, kind }, { onSuccess: () => (setDate(''), setLabel('')) })} loading={set.isPending} disabled={!date || !label.trim()}>
            {t('ppid.calendar.add')}
          </Button>
        </Group>
      )}
      {days.isError ? (
        <ErrorAlert error={days.error} onRetry={() => void days.refetch()} />
      ) : (
        <Table verticalSpacing={4} data-testid="ppid-calendar">
          <Table.Tbody>
            {days.data?.map((d) => (
              <Table.Tr key={d.date}>
                <Table.Td ff="monospace">{d.date}</Table.Td>
                <Table.Td>{d.label}</Table.Td>
                <Table.Td><Badge variant="light" color={d.kind === 'workday' ? 'gray' : d.kind === 'cuti_bersama' ? 'yellow' : 'blue'}>{t(`ppid.calendar.kinds.${d.kind}`)}</Badge></Table.Td>
                <Table.Td><Text size="xs" c="dimmed">{t(`ppid.calendar.source.${d.source}`)}</Text></Table.Td>
                <Table.Td>
                  {d.source === 'tenant' && can('ppid.calendar.write') && (
                    <ActionIcon variant="subtle" color="red" aria-label={t('common.delete')} onClick={() => del.mutate(d.date)}>
                      <IconTrash size={16} />
                    </ActionIcon>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
