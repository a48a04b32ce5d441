import { useState } from 'react';
import { Button, Modal, Stack, Text, Textarea, Group, Alert } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconDeviceTv, IconEyeOff } from '@tabler/icons-react';
import type { Camera } from '@pantau/shared';
import { useTranslation } from 'react-i18next';
import { useTakedown } from '../../../api/displays.ts';
import { errorMessage } from '../../../lib/errors.ts';
import { useCan } from '../../auth/hooks/useMe.ts';
import { tierAllows } from '../hooks/pushModel.ts';
import { PushToDisplayModal } from './PushToDisplayModal.tsx';

function TakedownModal({ camera, opened, onClose }: { camera: Camera; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const takedown = useTakedown();
  const [reason, setReason] = useState('');
  const close = () => {
    setReason('');
    takedown.reset();
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={t('displays.takedown.title')} centered>
      <Stack gap="sm">
        <Text size="sm">{t('displays.takedown.body', { name: camera.name })}</Text>
        <Textarea label={t('displays.takedown.reason')} description={t('displays.takedown.reasonHint')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} required maxLength={500} autosize minRows={2} data-testid="takedown-reason" />
        {takedown.error && (
          <Alert color="red" variant="light">
            {errorMessage(t, takedown.error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button
            color="red"
            disabled={reason.trim().length < 3}
            loading={takedown.isPending}
            onClick={() =>
              takedown.mutate(
                { cameraId: camera.id, reason: reason.trim() },
                {
                  onSuccess: () => {
                    notifications.show({ color: 'green', message: t('displays.takedown.done', { name: camera.name }) });
                    close();
                  },
                },
              )
            }
            data-testid="takedown-confirm"
          >
            {t('displays.takedown.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/**
 * The camera page's portal controls: push this camera to a display, or take it off the portal
 * (it becomes internal at once). Only for cameras the portal shows; internal ones have neither.
 */
export function CameraDisplayActions({ camera }: { camera: Camera }) {
  const { t } = useTranslation();
  const can = useCan();
  const [pushOpen, push] = useDisclosure(false);
  const [takedownOpen, takedown] = useDisclosure(false);
  const visibility = camera.visibility;
  if (visibility === 'internal') return null;
  return (
    <>
      {can('display.push') && (
        <Button variant="light" leftSection={<IconDeviceTv size={16} />} onClick={push.open} data-testid="camera-push">
          {t('displays.push.action')}
        </Button>
      )}
      {can('portal.takedown') && (
        <Button variant="light" color="orange" leftSection={<IconEyeOff size={16} />} onClick={takedown.open} data-testid="camera-takedown">
          {t('displays.takedown.action')}
        </Button>
      )}
      <PushToDisplayModal
        opened={pushOpen}
        onClose={push.close}
        summary={t('displays.showing.camera', { name: camera.name })}
        allowed={(d) => tierAllows(d.tier, visibility)}
        build={(seconds) => ({ kind: 'camera', cameraId: camera.id, seconds })}
      />
      <TakedownModal camera={camera} opened={takedownOpen} onClose={takedown.close} />
    </>
  );
}
