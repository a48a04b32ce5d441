import { Button, Paper } from '@mantine/core';
import type { Camera } from '@pantau/shared';
import { useTranslation } from 'react-i18next';
import type { CameraFilters } from '../../../api/cameras.ts';
import { EmptyState } from '../../../components/ui/EmptyState.tsx';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { Paging } from '../../../components/ui/Paging.tsx';
import { useRegionOptions } from '../../../lib/options.ts';
import { CameraFilterBar } from '../components/CameraFilterBar.tsx';
import { CameraTable } from '../components/CameraTable.tsx';

interface Props {
  filters: CameraFilters;
  filtersActive: boolean;
  onFilters: (patch: Partial<CameraFilters>) => void;
  onClear: () => void;
  data: { items: Camera[]; total: number } | undefined;
  error: unknown;
  onRetry: () => void;
  page: number;
  pageSize: number;
  onPage: (page: number) => void;
  onOpen: (id: string) => void;
}

/** Filters, the camera table (or its empty state) and paging. */
export function CameraListView(p: Props) {
  const { t } = useTranslation();
  const regions = useRegionOptions();
  const empty = p.data && p.data.items.length === 0;
  return (
    <>
      <CameraFilterBar value={p.filters} onChange={p.onFilters} onClear={p.onClear} />
      {p.error ? (
        <ErrorAlert error={p.error} onRetry={p.onRetry} />
      ) : (
        <Paper withBorder radius="md" p="xs">
          {empty ? (
            <EmptyState
              title={p.filtersActive ? t('cameras.emptyFiltered') : t('cameras.empty')}
              body={p.filtersActive ? t('cameras.emptyFilteredHint') : t('cameras.emptyHint')}
              action={
                p.filtersActive && (
                  <Button variant="light" size="xs" mt="xs" onClick={p.onClear}>
                    {t('common.clearFilters')}
                  </Button>
                )
              }
            />
          ) : (
            <CameraTable cameras={p.data?.items} regionNames={regions.names} onOpen={p.onOpen} />
          )}
        </Paper>
      )}
      {p.data && p.data.total > 0 && <Paging total={p.data.total} page={p.page} pageSize={p.pageSize} onPage={p.onPage} />}
    </>
  );
}
