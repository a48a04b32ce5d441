import { Alert, Button, Group } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Navigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useLogout } from '../../../api/session.ts';
import { AuthCard } from '../components/AuthCard.tsx';
import { ChangePasswordForm } from '../components/ChangePasswordForm.tsx';
import { useMe } from '../hooks/useMe.ts';

/** Shown instead of the console while the account still has a temporary password. */
export function ForcedPasswordPage() {
  const { t } = useTranslation();
  const me = useMe();
  const logout = useLogout();
  if (!me.mustChangePassword) return <Navigate to="/cameras" replace />;
  return (
    <AuthCard title={t('auth.mustChangeTitle')}>
      <Alert color="yellow" variant="light" mb="md">
        {t('auth.mustChangeHint')}
      </Alert>
      <ChangePasswordForm onDone={() => notifications.show({ color: 'green', message: t('auth.passwordChanged') })} />
      <Group justify="center" mt="md">
        <Button variant="subtle" size="xs" onClick={() => logout.mutate()}>
          {t('shell.logout')}
        </Button>
      </Group>
    </AuthCard>
  );
}
