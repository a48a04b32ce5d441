import { Skeleton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useIncident } from '../../../api/incidents.ts';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { EmptyState } from '../../../components/ui/EmptyState.tsx';
import { hasCode } from '../../../lib/errors.ts';
import { IncidentDetailView } from '../views/IncidentDetailView.tsx';
import { useIncidentLive } from '../hooks/useIncidentLive.ts';

export function IncidentDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const q = useIncident(id);
  useIncidentLive();
  if (q.isPending) return <Skeleton height={320} />;
  if (hasCode(q.error, 'not_found') || hasCode(q.error, 'validation_failed')) return <EmptyState title={t('incidents.detail.notFound')} />;
  if (q.error) return <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  return <IncidentDetailView incident={q.data} />;
}
