import { useState } from 'react';
import { Alert, Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Display, PushInput } from '@pantau/shared';
import { useTranslation } from 'react-i18next';
import { useDisplays, usePushDisplay } from '../../../api/displays.ts';
import { errorMessage } from '../../../lib/errors.ts';
import { DurationSelect } from './DurationSelect.tsx';

interface Props {
  opened: boolean;
  onClose: () => void;
  /** What goes to the display, for the chosen duration. */
  build: (seconds: number | null) => PushInput;
  /** Displays whose tier may show this; others are not offered. */
  allowed: (d: Display) => boolean;
  /** A line saying what is sent (camera name, wall summary). */
  summary: string;
  /** Where the dialog renders when the caller is fullscreen (the video wall). */
  portalTarget?: string;
}

function PushForm({ onClose, build, allowed, summary, portalTarget }: Omit<Props, 'opened'>) {
  const { t } = useTranslation();
  const displays = useDisplays();
  const push = usePushDisplay();
  const options = (displays.data ?? []).filter((d) => d.state === 'active' && allowed(d));
  const [displayId, setDisplayId] = useState<string | null>(null);
  const [seconds, setSeconds] = useState<number | null>(null);
  const portal = portalTarget ? { portalProps: { target: portalTarget } } : undefined;
  const chosen = options.find((d) => d.id === displayId) ?? (options.length === 1 ? options[0] : undefined);

  const send = () =>
    chosen &&
    push.mutate(
      { id: chosen.id, push: build(seconds) },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('displays.push.sent', { name: chosen.name }) });
          onClose();
        },
      },
    );

  return (
    <Stack gap="sm" data-testid="push-modal">
      <Text size="sm">{summary}</Text>
      {displays.isError && <Alert color="red" variant="light">{errorMessage(t, displays.error)}</Alert>}
      {displays.data && options.length === 0 ? (
        <Alert color="yellow" variant="light">
          {t('displays.push.noDisplays')}
        </Alert>
      ) : (
        <Select
          label={t('displays.push.display')}
          data={options.map((d) => ({ value: d.id, label: `${d.name}${d.location ? ` — ${d.location}` : ''} (${d.online ? t('displays.online') : t('displays.offline')})` }))}
          value={chosen?.id ?? null}
          onChange={setDisplayId}
          searchable
          allowDeselect={false}
          comboboxProps={portal}
          data-testid="push-display"
        />
      )}
      <DurationSelect value={seconds} onChange={setSeconds} comboboxProps={portal} />
      {chosen && !chosen.online && (
        <Text size="xs" c="dimmed">
          {t('displays.push.offline')}
        </Text>
      )}
      {push.error && (
        <Alert color="red" variant="light">
          {errorMessage(t, push.error)}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button onClick={send} disabled={!chosen} loading={push.isPending} data-testid="push-modal-send">
          {t('displays.push.send')}
        </Button>
      </Group>
    </Stack>
  );
}

/** "Kirim ke layar" from another page: choose a display the thing may go to, and for how long. */
export function PushToDisplayModal({ opened, onClose, ...rest }: Props) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('displays.push.title')} centered portalProps={rest.portalTarget ? { target: rest.portalTarget } : undefined}>
      {opened && <PushForm onClose={onClose} {...rest} />}
    </Modal>
  );
}
