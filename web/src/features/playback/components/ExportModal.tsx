import { useState } from 'react';
import { Button, Checkbox, Group, Modal, MultiSelect, Stack, TextInput, Textarea } from '@mantine/core';
import { exportInputSchema, MAX_EXPORT_HOURS } from '@pantau/shared';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCreateExport } from '../api/recordings.ts';
import { useSchemaSubmit } from '../hooks/useSchemaSubmit.ts';
import { DialogForm } from './DialogForm.tsx';
import { ExportStatus } from './ExportStatus.tsx';
import { RangeFields, type Range } from './RangeFields.tsx';

interface Props {
  opened: boolean;
  onClose: () => void;
  /** Cameras offered; the grid's cameras, all pre-selected. */
  cameras: { id: string; name: string }[];
  range: Range;
  canHold: boolean;
}

function ExportForm({ cameras, range: initial, canHold, onClose, onStarted }: Omit<Props, 'opened'> & { onStarted: (id: string) => void }) {
  const { t } = useTranslation();
  const create = useCreateExport();
  const [cameraIds, setCameraIds] = useState<string[]>(cameras.map((c) => c.id));
  const [range, setRange] = useState<Range>(initial);
  const [reason, setReason] = useState('');
  const [caseNumber, setCaseNumber] = useState('');
  const [hold, setHold] = useState(false);
  const form = useSchemaSubmit(exportInputSchema, create, (exp) => onStarted(exp.id));
  const errors = form.errors;
  const iso = (v: number | null) => (v === null ? '' : new Date(v).toISOString());

  return (
    <DialogForm
      onSubmit={() => form.submit({ cameraIds, from: iso(range.from), to: iso(range.to), reason, caseNumber: caseNumber.trim() || null, hold })}
      onCancel={onClose}
      general={form.general}
      pending={form.pending}
      submitLabel={t('playback.exportSubmit')}
    >
      <MultiSelect
        label={t('playback.exportCameras')}
        data={cameras.map((c) => ({ value: c.id, label: c.name }))}
        value={cameraIds}
        onChange={setCameraIds}
        error={errors.cameraIds}
        maxValues={16}
        required
      />
      <RangeFields value={range} onChange={setRange} errors={{ from: errors.from, to: errors.to }} />
      <Textarea
        label={t('playback.reason')}
        description={t('playback.exportReasonHint', { hours: MAX_EXPORT_HOURS })}
        required
        autosize
        minRows={2}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        error={errors.reason}
        data-testid="export-reason"
      />
      <TextInput label={t('playback.caseNumber')} value={caseNumber} onChange={(e) => setCaseNumber(e.currentTarget.value)} error={errors.caseNumber} data-testid="export-case" />
      {canHold && <Checkbox label={t('playback.exportHold')} checked={hold} onChange={(e) => setHold(e.currentTarget.checked)} data-testid="export-hold" />}
    </DialogForm>
  );
}

/** Export a range of the grid's cameras as evidence; after submitting, follows the job until its files are ready. */
export function ExportModal({ opened, ...rest }: Props) {
  const { t } = useTranslation();
  const [started, setStarted] = useState<string | null>(null);
  const close = () => {
    setStarted(null);
    rest.onClose();
  };
  const names = new Map(rest.cameras.map((c) => [c.id, c.name]));
  return (
    <Modal opened={opened} onClose={close} title={t('playback.exportTitle')} centered size="lg">
      {opened &&
        (started ? (
          <Stack>
            <ExportStatus id={started} cameraNames={names} />
            <Group justify="space-between">
              <Button component={Link} to="/ekspor" variant="subtle" size="xs">
                {t('playback.allExports')}
              </Button>
              <Button onClick={close} data-testid="export-close">
                {t('common.done')}
              </Button>
            </Group>
          </Stack>
        ) : (
          <ExportForm {...rest} onClose={close} onStarted={setStarted} />
        ))}
    </Modal>
  );
}
