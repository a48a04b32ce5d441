import { usePortalT } from '../i18n.ts';

/** A polite "loading" line for screen readers and eyes alike. */
export function Loading() {
  const { t } = usePortalT();
  return <p className="muted" role="status">{t('common.loading')}</p>;
}

/** An error with a retry; never the server's raw text beyond its message. */
export function LoadError({ onRetry, message }: { onRetry?: () => void; message?: string }) {
  const { t } = usePortalT();
  return (
    <div className="alert" role="alert">
      <p>{message ?? t('common.error')}</p>
      {onRetry && <button type="button" className="btn secondary" onClick={onRetry}>{t('common.retry')}</button>}
    </div>
  );
}
