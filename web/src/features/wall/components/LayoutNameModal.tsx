import { useState } from 'react';
import { Alert, Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { errorMessage, hasCode } from '../../../lib/errors.ts';
import { wallPortal } from './portal.ts';

interface Props {
  opened: boolean;
  pending: boolean;
  error: unknown;
  onClose: () => void;
  onSubmit: (name: string) => void;
}

/** Asks for the name of a layout being saved as new. */
export function LayoutNameModal({ opened, pending, error, onClose, onSubmit }: Props) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const trimmed = name.trim();
  return (
    <Modal opened={opened} onClose={onClose} title={t('wall.saveAsTitle')} portalProps={wallPortal}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (trimmed) onSubmit(trimmed);
        }}
      >
        <Stack gap="md">
          <TextInput
            label={t('wall.layoutName')}
            placeholder={t('wall.layoutNameHint')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            maxLength={80}
            required
            data-autofocus
            data-testid="wall-layout-name"
            error={hasCode(error, 'conflict') ? t('wall.nameTaken') : undefined}
          />
          {error && !hasCode(error, 'conflict') ? <Alert color="red" variant="light">{errorMessage(t, error)}</Alert> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={pending} disabled={!trimmed} data-testid="wall-layout-name-submit">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
