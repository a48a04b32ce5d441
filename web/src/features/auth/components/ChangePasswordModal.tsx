import { Modal } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { ChangePasswordForm } from './ChangePasswordForm.tsx';

export function ChangePasswordModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('auth.changePassword')} centered>
      {opened && (
        <ChangePasswordForm
          onCancel={onClose}
          onDone={() => {
            notifications.show({ color: 'green', message: t('auth.passwordChanged') });
            onClose();
          }}
        />
      )}
    </Modal>
  );
}
