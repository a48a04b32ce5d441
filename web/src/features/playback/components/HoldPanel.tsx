import { useState } from 'react';
import { Badge, Button, Group, Modal, ScrollArea, SegmentedControl, Stack, Text, Textarea, UnstyledButton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { holdReleaseSchema, type Hold } from '@pantau/shared';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { formatStamp, formatTime } from '../../../components/timeline/time.ts';
import { errorMessage } from '../../../lib/errors.ts';
import { validate } from '../../../lib/validation.ts';
import { useHolds, useReleaseHold } from '../api/recordings.ts';
import { DialogForm } from './DialogForm.tsx';

interface Props {
  canRelease: boolean;
  onJump: (h: Hold) => void;
}

/** Evidence holds, active or released; admins release one with a reason. */
export function HoldPanel({ canRelease, onJump }: Props) {
  const { t } = useTranslation();
  const [active, setActive] = useState<'true' | 'false'>('true');
  const list = useHolds({ active });
  const [releasing, setReleasing] = useState<Hold | null>(null);
  const items = list.data?.items ?? [];
  return (
    <Stack gap={8}>
      <SegmentedControl
        size="xs"
        value={active}
        onChange={(v) => setActive(v as 'true' | 'false')}
        data={[
          { value: 'true', label: t('playback.holdsActive') },
          { value: 'false', label: t('playback.holdsReleased') },
        ]}
      />
      {list.isError && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      <ScrollArea.Autosize mah={420} type="auto" scrollbars="y" offsetScrollbars>
        <Stack gap={4} data-testid="hold-list">
          {items.map((h) => (
            <Stack key={h.id} gap={2} className="pb-list-item" data-testid="hold-item">
              <UnstyledButton onClick={() => onJump(h)} title={t('playback.jumpHere')}>
                <Group gap={6} wrap="nowrap">
                  <Text size="sm" fw={600} truncate="end" style={{ flex: 1 }}>
                    {h.cameraName}
                  </Text>
                  {h.caseNumber && (
                    <Badge size="xs" variant="outline">
                      {h.caseNumber}
                    </Badge>
                  )}
                </Group>
                <Text size="xs" c="dimmed">
                  {formatStamp(h.start)}–{formatTime(Date.parse(h.end))}
                </Text>
                <Text size="xs" lineClamp={2} style={{ overflowWrap: 'anywhere' }}>
                  {h.reason}
                </Text>
              </UnstyledButton>
              {h.releasedAt ? (
                <Text size="xs" c="dimmed">
                  {t('playback.releasedBy', { who: h.releasedBy ?? '—', at: formatStamp(h.releasedAt) })}
                  {h.releaseReason ? ` — ${h.releaseReason}` : ''}
                </Text>
              ) : (
                canRelease && (
                  <Button size="compact-xs" variant="subtle" color="orange" onClick={() => setReleasing(h)} style={{ alignSelf: 'flex-start' }} data-testid="hold-release">
                    {t('playback.release')}
                  </Button>
                )
              )}
            </Stack>
          ))}
          {list.isSuccess && items.length === 0 && (
            <Text size="sm" c="dimmed" ta="center" py="md">
              {t('playback.noHolds')}
            </Text>
          )}
        </Stack>
      </ScrollArea.Autosize>
      <Modal opened={releasing !== null} onClose={() => setReleasing(null)} title={t('playback.releaseTitle')} centered>
        {releasing && <ReleaseForm hold={releasing} onClose={() => setReleasing(null)} />}
      </Modal>
    </Stack>
  );
}

function ReleaseForm({ hold, onClose }: { hold: Hold; onClose: () => void }) {
  const { t } = useTranslation();
  const release = useReleaseHold();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = () => {
    const r = validate(holdReleaseSchema, { reason });
    if (!r.ok) return setError(r.errors.reason ?? t('validation.invalid'));
    release.mutate(
      { id: hold.id, reason: r.data.reason },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('playback.released') });
          onClose();
        },
        onError: (err) => setError(errorMessage(t, err)),
      },
    );
  };
  return (
    <DialogForm onSubmit={submit} onCancel={onClose} general={null} pending={release.isPending} submitLabel={t('playback.release')}>
      <Text size="sm">{t('playback.releaseBody', { name: hold.cameraName, from: formatStamp(hold.start), to: formatStamp(hold.end) })}</Text>
      <Textarea label={t('playback.reason')} required autosize minRows={2} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={error} data-autofocus />
    </DialogForm>
  );
}
