import { useState, type FormEvent } from 'react';
import { Alert, Modal, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { displayUpdateSchema, type Display } from '@pantau/shared';
import { useTranslation } from 'react-i18next';
import { useUpdateDisplay } from '../../../api/displays.ts';
import { FormActions } from '../../../components/ui/FormActions.tsx';
import { submitErrors } from '../../../lib/formErrors.ts';
import { useForm } from '../../../lib/useForm.ts';
import { validate } from '../../../lib/validation.ts';
import { DisplayFields, type DisplaySettings } from './TierSelect.tsx';


function EditForm({ display, onClose }: { display: Display; onClose: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateDisplay(display.id);
  const [general, setGeneral] = useState<string | null>(null);
  const form = useForm<DisplaySettings>({ name: display.name, location: display.location, tier: display.tier, playlistId: display.playlistId });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setGeneral(null);
    const r = validate(displayUpdateSchema, form.values);
    if (!r.ok) return form.setErrors(r.errors);
    update.mutate(r.data, {
      onSuccess: (d) => {
        notifications.show({ color: 'green', message: t('displays.detail.saved', { name: d.name }) });
        onClose();
      },
      onError: (err) => {
        const s = submitErrors(t, err);
        form.setErrors(s.fields);
        setGeneral(s.general);
      },
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {general && (
          <Alert color="red" variant="light">
            {general}
          </Alert>
        )}
        <DisplayFields form={form} />
        <FormActions onCancel={onClose} loading={update.isPending} submitLabel={t('common.save')} />
      </Stack>
    </form>
  );
}

/** Rename, move, re-tier a display or give it another playlist; pairing stays. */
export function DisplayEditModal({ display, opened, onClose }: { display: Display; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('displays.detail.editTitle')} size="lg" centered>
      {opened && <EditForm display={display} onClose={onClose} />}
    </Modal>
  );
}
