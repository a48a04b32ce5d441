import { useEffect } from 'react';
import { usePortalT } from './i18n.ts';

/** The document title while a page is shown (the server's head covers the first load and crawlers). */
export function useTitle(title: string | null): void {
  const { t } = usePortalT();
  useEffect(() => {
    if (title) document.title = `${title} — ${t('brand')}`;
  }, [title, t]);
}
