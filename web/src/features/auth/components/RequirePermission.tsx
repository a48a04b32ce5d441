import type { ReactNode } from 'react';
import { Alert } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useCan, type Action } from '../hooks/useMe.ts';

/** Shows its children only to users allowed to perform `action`; others see why not. */
export function RequirePermission({ action, children }: { action: Action; children: ReactNode }) {
  const can = useCan();
  const { t } = useTranslation();
  if (can(action)) return children;
  return (
    <Alert color="yellow" variant="light" icon={<IconLock size={18} />} title={t('errors.forbidden')}>
      {t('common.forbiddenHint')}
    </Alert>
  );
}
