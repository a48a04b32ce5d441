import { Anchor, Button } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../auth/hooks/useMe.ts';
import { PageHeader } from '../../../components/ui/PageHeader.tsx';
import { CatalogView } from '../views/CatalogView.tsx';

/** The console's data bank: published datasets plus, for a produsen, its OPD's drafts; for walidata, everything. */
export function DatabankConsolePage() {
  const { t } = useTranslation();
  const can = useCan();
  return (
    <>
      <PageHeader
        title={t('databank.consoleTitle')}
        subtitle={<>{t('databank.consoleSubtitle')} <Anchor component={Link} to="/data" size="sm">{t('databank.openPublic')}</Anchor></>}
        actions={can('dataset.write') && <Button component={Link} to="/bank-data/baru" leftSection={<IconPlus size={16} />} data-testid="dataset-new">{t('databank.newDataset')}</Button>}
      />
      <CatalogView scope="console" hrefOf={(_, id) => `/bank-data/${id}`} />
    </>
  );
}
