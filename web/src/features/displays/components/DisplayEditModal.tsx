import { useState, type FormEvent } from 'react';
import { Alert, Modal, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { displayUpdateSchema, type Display, type PortalTier } from '@pantau/shared';
import { useTranslation } from 'react-i18next';
import { usePlaylists, useUpdateDisplay } from '../../../api/displays.ts';
import { FormActions } from '../../../components/ui/FormActions.tsx';
import { submitErrors } from '../../../lib/formErrors.ts';
import { useForm } from '../../../lib/useForm.ts';
import { validate } from '../../../lib/validation.ts';
import { PlaylistSelect, TierSelect } from './TierSelect.tsx';

interface Values {
  name: string;
  location: string;
  tier: PortalTier;
  playlistId: string | null;
}

function EditForm({ display, onClose }: { display: Display; onClose: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateDisplay(display.id);
  const playlists = usePlaylists();
  const [general, setGeneral] = useState<string | null>(null);
  const form = useForm<Values>({ name: display.name, location: display.location, tier: display.tier, playlistId: display.playlistId });

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
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label={t('displays.name')} required maxLength={120} {...form.text('name')} />
          <TextInput label={t('displays.location')} maxLength={200} {...form.text('location')} />
        </SimpleGrid>
        <TierSelect value={form.values.tier} onChange={(v) => form.setValue('tier', v)} error={form.errors.tier} />
        <PlaylistSelect
          value={form.values.playlistId}
          onChange={(v) => form.setValue('playlistId', v)}
          options={(playlists.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
          error={form.errors.playlistId}
        />
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
