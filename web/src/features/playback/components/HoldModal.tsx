import { useState } from 'react';
import { Modal, Select, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { holdInputSchema } from '@pantau/shared';
import { useTranslation } from 'react-i18next';
import { useCreateHold } from '../api/recordings.ts';
import { useSchemaSubmit } from '../hooks/useSchemaSubmit.ts';
import { DialogForm } from './DialogForm.tsx';
import { RangeFields, type Range } from './RangeFields.tsx';

interface Props {
  opened: boolean;
  onClose: () => void;
  cameras: { id: string; name: string }[];
  cameraId: string | null;
  range: Range;
}

function HoldForm({ onClose, cameras, cameraId, range: initial }: Omit<Props, 'opened'>) {
  const { t } = useTranslation();
  const create = useCreateHold();
  const [camera, setCamera] = useState<string | null>(cameraId);
  const [range, setRange] = useState<Range>(initial);
  const [reason, setReason] = useState('');
  const [caseNumber, setCaseNumber] = useState('');
  const form = useSchemaSubmit(holdInputSchema, create, () => {
    notifications.show({ color: 'green', message: t('playback.holdCreated') });
    onClose();
  });
  const errors = form.errors;
  const iso = (v: number | null) => (v === null ? '' : new Date(v).toISOString());

  return (
    <DialogForm
      onSubmit={() => form.submit({ cameraId: camera ?? '', start: iso(range.from), end: iso(range.to), reason, caseNumber: caseNumber.trim() || null })}
      onCancel={onClose}
      general={form.general}
      pending={form.pending}
      submitLabel={t('playback.holdSubmit')}
    >
      <Select label={t('playback.camera')} data={cameras.map((c) => ({ value: c.id, label: c.name }))} value={camera} onChange={setCamera} error={errors.cameraId} allowDeselect={false} />
      <RangeFields value={range} onChange={setRange} errors={{ from: errors.start, to: errors.end }} />
      <Textarea label={t('playback.reason')} required autosize minRows={2} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={errors.reason} data-testid="hold-reason" />
      <TextInput label={t('playback.caseNumber')} value={caseNumber} onChange={(e) => setCaseNumber(e.currentTarget.value)} error={errors.caseNumber} />
    </DialogForm>
  );
}

/** Put a range of one camera on evidence hold: retention will not delete it until released. */
export function HoldModal({ opened, ...rest }: Props) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={rest.onClose} title={t('playback.holdTitle')} centered size="lg">
      {opened && <HoldForm {...rest} />}
    </Modal>
  );
}
