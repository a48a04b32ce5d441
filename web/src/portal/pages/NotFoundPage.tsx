import { usePortalT } from '../i18n.ts';
import { Link } from 'react-router';
import { useTitle } from '../useTitle.ts';

export function NotFoundPage() {
  const { t } = usePortalT();
  useTitle(t('notFound.title'));
  return (
    <>
      <h1>{t('notFound.title')}</h1>
      <Link to="/">{t('notFound.home')}</Link>
    </>
  );
}
