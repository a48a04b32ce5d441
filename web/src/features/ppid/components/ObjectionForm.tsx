import { useState, type FormEvent } from 'react';
import { Alert, Button, Select, Stack, Textarea, Title } from '@mantine/core';
import { OBJECTION_GROUNDS, type ObjectionGround, type PpidTrackInput } from '@pantau/shared';
import { useTranslation } from 'react-i18next';
import { useFileObjection } from '../../../api/ppid.ts';
import { errorMessage } from '../../../lib/errors.ts';

/** The public objection form (Pasal 35(1) grounds a–g); shown only while the window is open. */
export function ObjectionForm({ owner, until, onFiled }: { owner: PpidTrackInput; until: string; onFiled: () => void }) {
  const { t } = useTranslation();
  const file = useFileObjection();
  const [ground, setGround] = useState<ObjectionGround>('a_refused');
  const [reason, setReason] = useState('');
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!reason.trim()) return;
    file.mutate({ ...owner, ground, reason: reason.trim() }, { onSuccess: onFiled });
  };
  return (
    <form onSubmit={onSubmit} noValidate data-testid="objection-form">
      <Stack gap="sm">
        <Title order={4}>{t('ppid.track.objectionTitle')}</Title>
        <Alert variant="light">{t('ppid.track.objectionUntil', { date: until })}</Alert>
        {file.isError && (
          <Alert color="red" variant="light">
            {errorMessage(t, file.error)}
          </Alert>
        )}
        <Select label={t('ppid.track.ground')} data={OBJECTION_GROUNDS.map((g) => ({ value: g, label: t(`ppid.grounds.${g}`) }))} value={ground} onChange={(v) => v && setGround(v as ObjectionGround)} allowDeselect={false} />
        <Textarea label={t('ppid.track.reason')} required autosize minRows={3} maxLength={3000} value={reason} onChange={(e) => setReason(e.currentTarget.value)} data-testid="objection-reason" />
        <Button type="submit" loading={file.isPending} w="fit-content" data-testid="objection-submit">
          {t('ppid.track.fileObjection')}
        </Button>
      </Stack>
    </form>
  );
}
