import { Select } from '@mantine/core';
import { PORTAL_TIERS, type PortalTier } from '@pantau/shared';
import { useTranslation } from 'react-i18next';

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
