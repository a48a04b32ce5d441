import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/ui/PageHeader.tsx';
import { CatalogView } from '../views/CatalogView.tsx';

/** The public catalog: published datasets only, no login. */
export function CatalogPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('databank.catalogTitle')} subtitle={t('databank.catalogSubtitle')} />
      <CatalogView scope="public" hrefOf={(name) => `/data/dataset/${name}`} />
    </>
  );
}
