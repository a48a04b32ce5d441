import { useState } from 'react';
import { Alert, Button, Group, Paper, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { DISPUTE_OUTCOMES, type PpidObjection } from '@pantau/shared';
import { useTranslation } from 'react-i18next';
import { useObjectionAction } from '../../../api/ppid.ts';
import { errorMessage } from '../../../lib/errors.ts';
import { useCan } from '../../auth/hooks/useMe.ts';

/** One objection: its ground and deadlines, the atasan's answer, and the Komisi Informasi dispute record. */
export function ObjectionCard({ o }: { o: PpidObjection }) {
  const { t } = useTranslation();
  const can = useCan();
  const decide = useObjectionAction('decide');
  const dispute = useObjectionAction('dispute');
  const [text, setText] = useState('');
  const [number, setNumber] = useState(o.disputeNumber ?? '');
  const [filedOn, setFiledOn] = useState(o.disputeFiledOn ?? '');
  const [outcome, setOutcome] = useState<string>(o.disputeOutcome ?? 'pending');
  const error = decide.error ?? dispute.error;
  return (
    <Paper withBorder p="sm" radius="md" data-testid="objection-card">
      <Stack gap={6}>
        <Text fw={600}>{t(`ppid.grounds.${o.ground}`)}</Text>
        <Text size="sm">{o.reason}</Text>
        <Text size="xs" c="dimmed">
          {t('ppid.detail.filedOn', { date: o.filedOn, due: o.dueOn })}
        </Text>
        <Text size="sm">
          {t(`ppid.decision.${o.decision ?? 'pending'}`)}
          {o.decisionText ? `: ${o.decisionText}` : ''}
        </Text>
        {error && (
          <Alert color="red" variant="light">
            {errorMessage(t, error)}
          </Alert>
        )}
        {!o.decision && can('ppid.objection.decide') && (
          <>
            <Textarea label={t('ppid.detail.decisionText')} autosize minRows={2} value={text} onChange={(e) => setText(e.currentTarget.value)} />
            <Group gap="xs">
              {(['upheld', 'rejected'] as const).map((d) => (
                <Button key={d} size="xs" variant={d === 'upheld' ? 'filled' : 'light'} loading={decide.isPending} onClick={() => text.trim() && decide.mutate({ id: o.id, body: { decision: d, text: text.trim() } })}>
                  {t(`ppid.decision.${d}`)}
                </Button>
              ))}
            </Group>
          </>
        )}
        {o.decision && (
          <Text size="xs" c="dimmed">
            {t('ppid.detail.disputeDeadline', { date: o.disputeDeadline })}
          </Text>
        )}
        {o.decision && can('ppid.request.handle') && (
          <Group gap="xs" align="flex-end" wrap="wrap">
            <TextInput size="xs" label={t('ppid.detail.disputeNumber')} value={number} onChange={(e) => setNumber(e.currentTarget.value)} />
            <TextInput size="xs" label={t('ppid.detail.disputeFiledOn')} placeholder="YYYY-MM-DD" value={filedOn} onChange={(e) => setFiledOn(e.currentTarget.value)} />
            <Select size="xs" label={t('ppid.detail.disputeOutcome')} data={DISPUTE_OUTCOMES.map((d) => ({ value: d, label: t(`ppid.dispute.${d}`) }))} value={outcome} onChange={(v) => v && setOutcome(v)} allowDeselect={false} />
            <Button size="xs" loading={dispute.isPending} onClick={() => number.trim() && dispute.mutate({ id: o.id, body: { number: number.trim(), filedOn, outcome } })}>
              {t('ppid.detail.recordDispute')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
