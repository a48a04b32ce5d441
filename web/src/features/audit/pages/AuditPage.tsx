import { useState } from 'react';
import { Paper } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAuditPage } from '../../../api/audit.ts';
import { EmptyState } from '../../../components/ui/EmptyState.tsx';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { PageHeader } from '../../../components/ui/PageHeader.tsx';
import { Paging } from '../../../components/ui/Paging.tsx';
import { dayToIso } from '../../../lib/format.ts';
import { AuditFilterBar, EMPTY_AUDIT_FILTERS, type AuditFilterValues } from '../components/AuditFilterBar.tsx';
import { AuditTable } from '../components/AuditTable.tsx';

const PAGE_SIZE = 50;

export function AuditPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<AuditFilterValues>(EMPTY_AUDIT_FILTERS);
  const [page, setPage] = useState(1);
  const audit = useAuditPage(
    {
      action: filters.action.trim() || undefined,
      targetType: filters.targetType.trim() || undefined,
      from: dayToIso(filters.fromDay, false),
      to: dayToIso(filters.toDay, true),
    },
    PAGE_SIZE,
    (page - 1) * PAGE_SIZE,
  );

  return (
    <>
      <PageHeader title={t('audit.title')} subtitle={t('audit.subtitle')} />
      <AuditFilterBar
        value={filters}
        onChange={(f) => {
          setFilters(f);
          setPage(1);
        }}
      />
      {audit.isError ? (
        <ErrorAlert error={audit.error} onRetry={() => void audit.refetch()} />
      ) : (
        <Paper withBorder radius="md" p="xs">
          {audit.data?.items.length === 0 ? <EmptyState title={t('audit.empty')} /> : <AuditTable entries={audit.data?.items} />}
        </Paper>
      )}
      {audit.data && audit.data.total > 0 && <Paging total={audit.data.total} page={page} pageSize={PAGE_SIZE} onPage={setPage} />}
    </>
  );
}
