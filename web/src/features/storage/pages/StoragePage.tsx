import { useMemo } from 'react';
import { Paper, Skeleton, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/ui/EmptyState.tsx';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { PageHeader } from '../../../components/ui/PageHeader.tsx';
import { useCan } from '../../auth/hooks/useMe.ts';
import { useStorage } from '../api.ts';
import { CameraStorageTable } from '../components/CameraStorageTable.tsx';
import { RegionStorageTable } from '../components/RegionStorageTable.tsx';
import { StorageSummary } from '../components/StorageSummary.tsx';

/** `/penyimpanan`: how much video is kept, for how long, and how long the budget lasts. */
export function StoragePage() {
  const { t } = useTranslation();
  const can = useCan();
  const storage = useStorage();
  const regionNames = useMemo(() => new Map((storage.data?.regions ?? []).map((r) => [r.regionCode, r.regionName])), [storage.data]);
  return (
    <>
      <PageHeader title={t('playback.storage.title')} subtitle={t('playback.storage.subtitle')} />
      {storage.isError && <ErrorAlert error={storage.error} onRetry={() => void storage.refetch()} />}
      {storage.isPending && (
        <Stack>
          <Skeleton h={90} />
          <Skeleton h={300} />
        </Stack>
      )}
      {storage.data && (
        <Stack gap="md">
          <StorageSummary s={storage.data} />
          <Paper withBorder radius="md" p="sm">
            <Title order={4} mb="xs">
              {t('playback.storage.byCamera')}
            </Title>
            {storage.data.cameras.length === 0 ? (
              <EmptyState title={t('playback.storage.noCameras')} />
            ) : (
              <CameraStorageTable cameras={storage.data.cameras} regionNames={regionNames} defaultDays={storage.data.defaultRetentionDays} canManage={can('storage.manage')} />
            )}
          </Paper>
          <Paper withBorder radius="md" p="sm" maw={720}>
            <Title order={4} mb="xs">
              {t('playback.storage.byRegion')}
            </Title>
            <RegionStorageTable regions={storage.data.regions} />
          </Paper>
        </Stack>
      )}
    </>
  );
}
