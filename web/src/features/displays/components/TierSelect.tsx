import { Select, SimpleGrid, TextInput } from '@mantine/core';
import { PORTAL_TIERS, type PortalTier } from '@pantau/shared';
import { useTranslation } from 'react-i18next';
import { usePlaylists } from '../../../api/displays.ts';
import type { useForm } from '../../../lib/useForm.ts';

/** The settings a display is paired with and later edited: name, location, tier, playlist. */
export interface DisplaySettings {
  name: string;
  location: string;
  tier: PortalTier;
  playlistId: string | null;
}

/** The display settings fields, shared by the pairing and edit forms; `testId` prefixes name and location. */
export function DisplayFields<V extends DisplaySettings>({ form, testId }: { form: ReturnType<typeof useForm<V>>; testId?: string }) {
  const { t } = useTranslation();
  const playlists = usePlaylists();
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput label={t('displays.name')} required maxLength={120} data-testid={testId && `${testId}-name`} {...form.text('name')} />
        <TextInput label={t('displays.location')} maxLength={200} data-testid={testId && `${testId}-location`} {...form.text('location')} />
      </SimpleGrid>
      <TierSelect value={form.values.tier} onChange={(v) => form.setValue('tier', v as V['tier'])} error={form.errors.tier} />
      <PlaylistSelect
        value={form.values.playlistId}
        onChange={(v) => form.setValue('playlistId', v as V['playlistId'])}
        options={(playlists.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
        error={form.errors.playlistId}
      />
    </>
  );
}

/** The tier picker, each option saying what the tier may show. */
export function TierSelect({ value, onChange, error }: { value: PortalTier; onChange: (t: PortalTier) => void; error?: string }) {
  const { t } = useTranslation();
  return (
    <Select
      label={t('displays.tier')}
      data={PORTAL_TIERS.map((tier) => ({ value: tier, label: t(`displays.tiers.${tier}`) }))}
      value={value}
      onChange={(v) => v && onChange(v as PortalTier)}
      allowDeselect={false}
      error={error}
      data-testid="display-tier"
    />
  );
}

/** The playlist picker; empty means the display shows only what is pushed to it. */
export function PlaylistSelect({ value, onChange, options, error }: { value: string | null; onChange: (id: string | null) => void; options: { value: string; label: string }[]; error?: string }) {
  const { t } = useTranslation();
  return (
    <Select
      label={t('displays.playlist')}
      placeholder={t('displays.noPlaylist')}
      data={options}
      value={value}
      onChange={onChange}
      clearable
      searchable
      error={error}
      data-testid="display-playlist"
    />
  );
}
