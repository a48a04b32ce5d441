import { useState } from 'react';
import { Modal, SegmentedControl, Select, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { bookmarkInputSchema } from '@pantau/shared';
import { useTranslation } from 'react-i18next';
import { formatStamp } from '../../../components/timeline/time.ts';
import { useCreateBookmark } from '../api/recordings.ts';
import type { Marks } from '../hooks/usePlaybackSession.ts';
import { useSchemaSubmit } from '../hooks/useSchemaSubmit.ts';
import { DialogForm } from './DialogForm.tsx';

interface Props {
  opened: boolean;
  onClose: () => void;
  cameras: { id: string; name: string }[];
  cameraId: string | null;
  /** The clock's instant when the dialog opened. */
  at: number;
  marks: Marks;
}

function BookmarkForm({ onClose, cameras, cameraId, at, marks }: Omit<Props, 'opened'>) {
  const { t } = useTranslation();
  const create = useCreateBookmark();
  const hasRange = marks.in !== null && marks.out !== null && marks.out > marks.in;
  const [kind, setKind] = useState<'instant' | 'range'>(hasRange ? 'range' : 'instant');
  const [camera, setCamera] = useState<string | null>(cameraId);
  const [note, setNote] = useState('');
  const start = kind === 'range' && hasRange ? marks.in! : at;
  const end = kind === 'range' && hasRange ? marks.out! : null;
  const form = useSchemaSubmit(bookmarkInputSchema, create, () => {
    notifications.show({ color: 'green', message: t('playback.bookmarkSaved') });
    onClose();
  });
  const errors = form.errors;

  return (
    <DialogForm
      onSubmit={() => form.submit({ cameraId: camera ?? '', start: new Date(start).toISOString(), end: end === null ? null : new Date(end).toISOString(), note })}
      onCancel={onClose}
      general={form.general}
      pending={form.pending}
      submitLabel={t('playback.addBookmark')}
    >
      <Select label={t('playback.camera')} data={cameras.map((c) => ({ value: c.id, label: c.name }))} value={camera} onChange={setCamera} error={errors.cameraId} allowDeselect={false} />
      {hasRange && (
        <SegmentedControl
          value={kind}
          onChange={(v) => setKind(v as 'instant' | 'range')}
          data={[
            { value: 'instant', label: t('playback.bookmarkInstant') },
            { value: 'range', label: t('playback.bookmarkRange') },
          ]}
        />
      )}
      <Text size="sm" data-testid="bookmark-when">
        {end === null ? formatStamp(start) : `${formatStamp(start)} – ${formatStamp(end)}`}
      </Text>
      <Textarea
        label={t('playback.note')}
        required
        autosize
        minRows={2}
        maxLength={1000}
        data-autofocus
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        error={errors.note}
        data-testid="bookmark-note"
      />
    </DialogForm>
  );
}

/** B: bookmark the current instant, or the in/out range, of one camera with a note. */
export function BookmarkModal({ opened, ...rest }: Props) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={rest.onClose} title={t('playback.addBookmark')} centered>
      {opened && <BookmarkForm {...rest} />}
    </Modal>
  );
}
