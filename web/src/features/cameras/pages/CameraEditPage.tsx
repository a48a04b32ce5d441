import { useState } from 'react';
import { Skeleton } from '@mantine/core';
import { cameraUpdateSchema, type Camera } from '@pantau/shared';
import { notifications } from '@mantine/notifications';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCamera, useUpdateCamera } from '../../../api/cameras.ts';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { PageHeader } from '../../../components/ui/PageHeader.tsx';
import { hasCode } from '../../../lib/errors.ts';
import { submitErrors } from '../../../lib/formErrors.ts';
import { validate } from '../../../lib/validation.ts';
import { NotFoundPage } from '../../shell/pages/NotFoundPage.tsx';
import { toUpdateBody, valuesFromCamera } from '../hooks/cameraFormModel.ts';
import { useCameraForm } from '../hooks/useCameraForm.ts';
import { CameraFormView } from '../views/CameraFormView.tsx';

/** Loads the camera, then hands it to the form (which starts from its values once). */
export function CameraEditPage() {
  const { id = '' } = useParams();
  const camera = useCamera(id);
  if (camera.isPending) return <Skeleton h={480} />;
  if (camera.isError) {
    if (hasCode(camera.error, 'not_found') || hasCode(camera.error, 'validation_failed')) return <NotFoundPage />;
    return <ErrorAlert error={camera.error} onRetry={() => void camera.refetch()} />;
  }
  return <EditCamera camera={camera.data} />;
}

function EditCamera({ camera }: { camera: Camera }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const form = useCameraForm(valuesFromCamera(camera));
  const update = useUpdateCamera(camera.id);
  const [general, setGeneral] = useState<string | null>(null);
  const back = () => void navigate(`/cameras/${camera.id}`);

  const submit = () => {
    setGeneral(null);
    const r = validate(cameraUpdateSchema, toUpdateBody(form.values, camera));
    if (!r.ok) return form.setErrors(r.errors);
    form.setErrors({});
    if (Object.keys(r.data).length === 0) return back(); // nothing changed: nothing to save or audit
    update.mutate(r.data, {
      onSuccess: (saved) => {
        notifications.show({ color: 'green', message: t('cameras.saved', { name: saved.name }) });
        back();
      },
      onError: (err) => {
        const e = submitErrors(t, err, { field: 'code', message: t('cameras.codeTaken') });
        form.setErrors(e.fields);
        setGeneral(e.general);
      },
    });
  };

  return (
    <CameraFormView
      header={<PageHeader title={t('cameras.editTitle')} subtitle={`${camera.code} · ${camera.name}`} />}
      form={form}
      editing
      hasCredentials={Boolean(camera.hasCredentials)}
      pending={update.isPending}
      error={general}
      onSubmit={submit}
      onCancel={back}
    />
  );
}
