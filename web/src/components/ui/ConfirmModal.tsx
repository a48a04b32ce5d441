import type { ReactNode } from 'react';
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface Props {
  opened: boolean;
  title: string;
  body: ReactNode;
  confirmLabel: string;
  pending?: boolean;
  error?: string | null;
  onConfirm: () => void;
  onClose: () => void;
  /** Where the dialog renders when not in document.body (inside an element shown fullscreen). */
  portalTarget?: string;
}

/** A destructive action asks once, names what will happen, and keeps the dialog open on failure. */
export function ConfirmModal({ opened, title, body, confirmLabel, pending, error, onConfirm, onClose, portalTarget }: Props) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={title} centered portalProps={portalTarget ? { target: portalTarget } : undefined}>
      <Stack>
        <Text size="sm">{body}</Text>
        {error && (
          <Text size="sm" c="red">
            {error}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="red" loading={pending} onClick={onConfirm} data-testid="confirm-button">
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
