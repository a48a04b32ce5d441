import { useState } from 'react';
import { cameraCreateSchema } from '@pantau/shared';
import { notifications } from '@mantine/notifications';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCreateCamera } from '../../../api/cameras.ts';
import { PageHeader } from '../../../components/ui/PageHeader.tsx';
import { submitErrors } from '../../../lib/formErrors.ts';
import { validate } from '../../../lib/validation.ts';
import { emptyValues, toCreateBody } from '../hooks/cameraFormModel.ts';
import { useCameraForm } from '../hooks/useCameraForm.ts';
import { CameraFormView } from '../views/CameraFormView.tsx';

export function CameraCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const form = useCameraForm(emptyValues());
  const create = useCreateCamera();
  const [general, setGeneral] = useState<string | null>(null);

  const submit = () => {
    setGeneral(null);
    const r = validate(cameraCreateSchema, toCreateBody(form.values));
    if (!r.ok) return form.setErrors(r.errors);
    form.setErrors({});
    create.mutate(r.data, {
      onSuccess: (camera) => {
        notifications.show({ color: 'green', message: t('cameras.created', { name: camera.name }) });
        void navigate(`/cameras/${camera.id}`, { replace: true });
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
      header={<PageHeader title={t('cameras.createTitle')} />}
      form={form}
      editing={false}
      hasCredentials={false}
      pending={create.isPending}
      error={general}
      onSubmit={submit}
      onCancel={() => void navigate('/cameras')}
    />
  );
}
