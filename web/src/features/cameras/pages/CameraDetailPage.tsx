import { Skeleton, Stack } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCamera, useDeleteCamera } from '../../../api/cameras.ts';
import { ConfirmModal } from '../../../components/ui/ConfirmModal.tsx';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { errorMessage, hasCode } from '../../../lib/errors.ts';
import { useOrganizationOptions, useRegionOptions } from '../../../lib/options.ts';
import { NotFoundPage } from '../../shell/pages/NotFoundPage.tsx';
import { useCan } from '../../auth/hooks/useMe.ts';
import { playbackPath } from '../../playback/link.ts';
import { CameraDetailView } from '../views/CameraDetailView.tsx';
import { CameraDisplayActions } from '../../displays/components/CameraDisplayActions.tsx';

export function CameraDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const can = useCan();
  const camera = useCamera(id);
  const regions = useRegionOptions();
  const orgs = useOrganizationOptions();
  const remove = useDeleteCamera();
  const [confirmOpen, confirm] = useDisclosure(false);

  if (camera.isPending) {
    return (
      <Stack>
        <Skeleton h={32} w="40%" />
        <Skeleton h={420} />
      </Stack>
    );
  }
  if (camera.isError) {
    // A malformed id is as missing as an unknown one.
    if (hasCode(camera.error, 'not_found') || hasCode(camera.error, 'validation_failed')) return <NotFoundPage />;
    return <ErrorAlert error={camera.error} onRetry={() => void camera.refetch()} />;
  }
  const c = camera.data;
  return (
    <>
      <CameraDetailView
        camera={c}
        regionName={regions.names.get(c.regionCode)}
        organizationName={c.organizationId ? orgs.byId.get(c.organizationId)?.name : undefined}
        canWrite={can('camera.write')}
        // The start ("five minutes ago") is counted at the click, not when the page opened.
        onPlayback={can('recording.view') ? () => void navigate(playbackPath([c.id])) : undefined}
        onDelete={confirm.open}
        portalActions={<CameraDisplayActions camera={c} />}
      />
      <ConfirmModal
        opened={confirmOpen}
        title={t('cameras.deleteTitle')}
        body={t('cameras.deleteBody', { name: c.name, code: c.code })}
        confirmLabel={t('common.delete')}
        pending={remove.isPending}
        error={remove.error ? errorMessage(t, remove.error) : null}
        onClose={confirm.close}
        onConfirm={() =>
          remove.mutate(c.id, {
            onSuccess: () => {
              notifications.show({ color: 'green', message: t('cameras.deleted', { name: c.name }) });
              void navigate('/cameras', { replace: true });
            },
          })
        }
      />
    </>
  );
}
