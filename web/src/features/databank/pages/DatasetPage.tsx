import { Anchor, Center, Loader } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useDataset } from '../../../api/opendata.ts';
import { EmptyState } from '../../../components/ui/EmptyState.tsx';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { hasCode } from '../../../lib/errors.ts';
import { DatasetView } from '../views/DatasetView.tsx';

/** The public page of one published dataset. */
export function DatasetPage() {
  const { t } = useTranslation();
  const { name } = useParams();
  const q = useDataset('public', name);
  return (
    <>
      <Anchor component={Link} to="/data" size="sm" mb="sm" display="inline-block">← {t('databank.backToCatalog')}</Anchor>
      {q.isPending && <Center h={200}><Loader /></Center>}
      {q.isError && (hasCode(q.error, 'not_found') ? <EmptyState title={t('databank.notFound')} /> : <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />)}
      {q.data && <DatasetView scope="public" d={q.data} />}
    </>
  );
}
