import { Alert, Button } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/errors.ts';

interface Props {
  error: unknown;
  onRetry?: () => void;
  title?: string;
}

/** The one way a failed load is shown: a red alert with a sentence and, when useful, a retry. */
export function ErrorAlert({ error, onRetry, title }: Props) {
  const { t } = useTranslation();
  return (
    <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title={title ?? t('common.loadFailed')}>
      {errorMessage(t, error)}
      {onRetry && (
        <Button size="xs" variant="subtle" color="red" ml="sm" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      )}
    </Alert>
  );
}
