import { useState } from 'react';
import { ActionIcon, Group, NumberInput, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconPencil, IconX } from '@tabler/icons-react';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../lib/errors.ts';
import { useSetRetention } from '../api.ts';

interface Props {
  cameraId: string;
  name: string;
  value: number | null;
  defaultDays: number | null;
  canEdit: boolean;
}

/** A camera's retention in days, editable in place; empty means the installation default. */
export function RetentionCell({ cameraId, name, value, defaultDays, canEdit }: Props) {
  const { t } = useTranslation();
  const save = useSetRetention();
  const [draft, setDraft] = useState<string | number | null>(null);
  const shown = value === null ? t('playback.storage.defaultDays', { days: defaultDays ?? '∞' }) : t('playback.storage.days', { count: value });
  if (draft === null) {
    return (
      <Group gap={4} wrap="nowrap">
        <Text size="sm" c={value === null ? 'dimmed' : undefined}>
          {shown}
        </Text>
        {canEdit && (
          <Tooltip label={t('playback.storage.editRetention')}>
            <ActionIcon variant="subtle" size="sm" onClick={() => setDraft(value ?? '')} aria-label={t('playback.storage.editRetentionOf', { name })} data-testid="retention-edit">
              <IconPencil size={14} />
            </ActionIcon>
          </Tooltip>
        )}
      </Group>
    );
  }
  const submit = () => {
    const days = draft === '' || draft === null ? null : Number(draft);
    save.mutate(
      { cameraId, retentionDays: days },
      {
        onSuccess: () => {
          setDraft(null);
          notifications.show({ color: 'green', message: t('playback.storage.retentionSaved', { name }) });
        },
        onError: (err) => notifications.show({ color: 'red', message: errorMessage(t, err) }),
      },
    );
  };
  return (
    <Group gap={4} wrap="nowrap">
      <NumberInput
        size="xs"
        w={110}
        min={1}
        max={3650}
        allowDecimal={false}
        placeholder={t('playback.storage.default')}
        value={draft}
        onChange={setDraft}
        onKeyDown={(e) => {
          if (e.key === 'Enter') submit();
          if (e.key === 'Escape') setDraft(null);
        }}
        aria-label={t('playback.storage.retentionOf', { name })}
        data-autofocus
        data-testid="retention-input"
      />
      <ActionIcon size="sm" onClick={submit} loading={save.isPending} aria-label={t('common.save')}>
        <IconCheck size={14} />
      </ActionIcon>
      <ActionIcon size="sm" variant="subtle" color="gray" onClick={() => setDraft(null)} aria-label={t('common.cancel')}>
        <IconX size={14} />
      </ActionIcon>
    </Group>
  );
}
