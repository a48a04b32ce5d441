import { Button } from '@mantine/core';
import { IconDownload, IconPlus } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCameraPage } from '../../../api/cameras.ts';
import { PageHeader } from '../../../components/ui/PageHeader.tsx';
import { useCan } from '../../auth/hooks/useMe.ts';
import { useCameraFilters } from '../hooks/useCameraFilters.ts';
import { CameraListView } from '../views/CameraListView.tsx';

const PAGE_SIZE = 25;

export function CameraListPage() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const { filters, page, setFilters, setPage, clear, active } = useCameraFilters();
  const cameras = useCameraPage(filters, PAGE_SIZE, (page - 1) * PAGE_SIZE);

  return (
    <>
      <PageHeader
        title={t('cameras.title')}
        subtitle={cameras.data ? t('cameras.total', { count: cameras.data.total }) : '\u00a0'}
        actions={
          <>
            {can('camera.export') && (
              <Button component="a" href="/api/cameras/export.csv" download variant="default" leftSection={<IconDownload size={16} />}>
                {t('cameras.exportCsv')}
              </Button>
            )}
            {can('camera.write') && (
              <Button component={Link} to="/cameras/new" leftSection={<IconPlus size={16} />} data-testid="camera-add">
                {t('cameras.add')}
              </Button>
            )}
          </>
        }
      />
      <CameraListView
        filters={filters}
        filtersActive={active}
        onFilters={setFilters}
        onClear={clear}
        data={cameras.data}
        error={cameras.error}
        onRetry={() => void cameras.refetch()}
        page={page}
        pageSize={PAGE_SIZE}
        onPage={setPage}
        onOpen={(id) => void navigate(`/cameras/${id}`)}
      />
    </>
  );
}
