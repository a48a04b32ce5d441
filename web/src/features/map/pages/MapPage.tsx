import { useMemo } from 'react';
import { Skeleton, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCameraMarkers } from '../../../api/cameras.ts';
import { boundsForRegion, useRegionBounds } from '../../../components/map/boundaries.ts';
import { DEFAULT_VIEW, type InitialView } from '../../../components/map/MapCanvas.tsx';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { PageHeader } from '../../../components/ui/PageHeader.tsx';
import { useMe } from '../../auth/hooks/useMe.ts';
import { CameraFilterBar } from '../../cameras/components/CameraFilterBar.tsx';
import { useCameraFilters } from '../../cameras/hooks/useCameraFilters.ts';
import { CameraMapView } from '../views/CameraMapView.tsx';

/** Map of the tenant's cameras; opens on the tenant's own region. */
export function MapPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { filters, setFilters, clear } = useCameraFilters();
  const markers = useCameraMarkers(filters);
  const bounds = useRegionBounds();

  const initialView: InitialView = useMemo(() => {
    const b = bounds.data ? boundsForRegion(bounds.data, me.tenant.regionCode) : null;
    return b ? { bounds: b } : DEFAULT_VIEW;
  }, [bounds.data, me.tenant.regionCode]);

  const focus = useMemo(
    () => (bounds.data && filters.regionCode ? boundsForRegion(bounds.data, filters.regionCode) : null),
    [bounds.data, filters.regionCode],
  );

  return (
    <Stack gap={0} h="calc(100dvh - 56px - 2 * var(--mantine-spacing-md))">
      <PageHeader
        title={t('map.title')}
        subtitle={markers.data ? t('map.cameraCount', { count: markers.data.length }) : '\u00a0'}
      />
      <CameraFilterBar value={filters} onChange={setFilters} onClear={clear} fields={['regionCode', 'category', 'status', 'visibility']} />
      {markers.isError && <ErrorAlert error={markers.error} onRetry={() => void markers.refetch()} />}
      {bounds.isPending ? (
        <Skeleton style={{ flex: 1 }} />
      ) : (
        <CameraMapView initialView={initialView} markers={markers.data} fetching={markers.isFetching} focus={focus} />
      )}
      <Text size="xs" c="dimmed" mt={6}>
        {t('map.hint')}
      </Text>
    </Stack>
  );
}
