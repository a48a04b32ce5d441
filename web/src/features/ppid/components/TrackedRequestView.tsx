import { useState } from 'react';
import { Anchor, Badge, Button, Divider, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { PpidTrackedRequest, PpidTrackInput } from '@pantau/shared';
import { useTranslation } from 'react-i18next';
import { useWithdrawPpidRequest } from '../../../api/ppid.ts';
import { ConfirmModal } from '../../../components/ui/ConfirmModal.tsx';
import { errorMessage } from '../../../lib/errors.ts';
import { DeadlineLine, StatusBadge } from './Badges.tsx';
import { ObjectionForm } from './ObjectionForm.tsx';
import { RequestTimeline } from './Timeline.tsx';

/** What a requester sees of their own request: state, deadline, answer, documents, history, objections. */
export function TrackedRequestView({ r, owner, onChanged }: { r: PpidTrackedRequest; owner: PpidTrackInput; onChanged: () => void }) {
  const { t } = useTranslation();
  const q = new URLSearchParams(owner).toString();
  const withdraw = useWithdrawPpidRequest();
  const [confirming, setConfirming] = useState(false);
  const waiting = r.status === 'received' || r.status === 'clarification';
  return (
    <Paper withBorder p="lg" radius="md" data-testid="tracked-request">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3}>{r.registrationNumber}</Title>
          <StatusBadge status={r.status} />
        </Group>
        <Text style={{ whiteSpace: 'pre-wrap' }}>{r.information}</Text>
        <DeadlineLine deadline={r.deadline} />
        {r.extensionReason && <Text size="sm">{r.extensionReason}</Text>}
        {r.responseText && (
          <>
            <Divider label={t('ppid.track.answer')} labelPosition="left" />
            {r.responseKind && <Badge variant="light">{t(`ppid.responseKinds.${r.responseKind}`)}</Badge>}
            <Text style={{ whiteSpace: 'pre-wrap' }}>{r.responseText}</Text>
            {r.exemptionGround && <Text size="sm">Pasal 17 huruf {r.exemptionGround}: {r.consequenceTest}</Text>}
          </>
        )}
        {r.documents.length > 0 && (
          <>
            <Divider label={t('ppid.track.documents')} labelPosition="left" />
            {r.documents.map((d) => (
              <Anchor key={d.id} href={`/api/public/ppid/requests/documents/${d.id}?${q}`}>
                {d.filename}
              </Anchor>
            ))}
          </>
        )}
        {r.objections.map((o) => (
          <Text key={o.id} size="sm" data-testid="objection-status">
            {t(`ppid.grounds.${o.ground}`)} — {t(`ppid.decision.${o.decision ?? 'pending'}`)} ({t('ppid.detail.filedOn', { date: o.filedOn, due: o.dueOn })})
          </Text>
        ))}
        <Divider label={t('ppid.track.timeline')} labelPosition="left" />
        <RequestTimeline events={r.events} />
        <Divider />
        {waiting && (
          <Button variant="subtle" color="red" w="fit-content" onClick={() => setConfirming(true)} data-testid="withdraw">
            {t('ppid.track.withdraw')}
          </Button>
        )}
        <ConfirmModal
          opened={confirming}
          title={t('ppid.track.withdraw')}
          body={t('ppid.track.withdrawConfirm')}
          confirmLabel={t('ppid.track.withdraw')}
          pending={withdraw.isPending}
          error={withdraw.isError ? errorMessage(t, withdraw.error) : null}
          onConfirm={() => withdraw.mutate(owner, { onSuccess: () => (setConfirming(false), onChanged()) })}
          onClose={() => setConfirming(false)}
        />
        {r.objectionOpenUntil ? <ObjectionForm owner={owner} until={r.objectionOpenUntil} onFiled={onChanged} /> : <Text size="sm" c="dimmed">{t('ppid.track.objectionClosed')}</Text>}
      </Stack>
    </Paper>
  );
}
