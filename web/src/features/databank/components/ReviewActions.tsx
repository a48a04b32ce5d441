import { useState } from 'react';
import { Alert, Button, Group, Text, TextInput } from '@mantine/core';
import type { Dataset, DatasetTransition } from '@pantau/shared';
import { useTranslation } from 'react-i18next';
import { useTransition } from '../../../api/opendata.ts';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';

/** Which steps each side may take from each state; the server checks the same rules. */
const STEPS: Record<Dataset['state'], { action: DatasetTransition; walidata: boolean; color?: string }[]> = {
  draft: [{ action: 'submit', walidata: false }],
  submitted: [{ action: 'verify', walidata: true }, { action: 'reject', walidata: true, color: 'red' }],
  verified: [{ action: 'publish', walidata: true, color: 'green' }, { action: 'reject', walidata: true, color: 'red' }],
  published: [{ action: 'unpublish', walidata: true, color: 'red' }],
};

/** The review buttons: a produsen submits, walidata verify, publish, reject or withdraw (with a note). */
export function ReviewActions({ d, walidata, produsen }: { d: Dataset; walidata: boolean; produsen: boolean }) {
  const { t } = useTranslation();
  const move = useTransition();
  const [note, setNote] = useState('');
  const steps = STEPS[d.state].filter((s) => (s.walidata ? walidata : produsen || walidata));
  return (
    <>
      {d.reviewNote && <Alert color="yellow" variant="light" mb="sm" title={t('databank.reviewNote')}>{d.reviewNote}</Alert>}
      {steps.length > 0 && (
        <Group gap="sm" align="flex-end">
          {walidata && steps.some((s) => s.action === 'reject' || s.action === 'unpublish') && (
            <TextInput w={280} label={t('databank.notePlaceholder')} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
          )}
          {steps.map((s) => (
            <Button key={s.action} color={s.color} loading={move.isPending && move.variables?.action === s.action} onClick={() => move.mutate({ id: d.id, action: s.action, ...(note ? { note } : {}) })} data-testid={`transition-${s.action}`}>
              {t(`databank.transition.${s.action}`)}
            </Button>
          ))}
        </Group>
      )}
      {steps.length === 0 && <Text size="sm" c="dimmed">{t('databank.noSteps')}</Text>}
      {move.isError && <ErrorAlert error={move.error} />}
    </>
  );
}
