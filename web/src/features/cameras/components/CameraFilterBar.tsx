import { useEffect, useState } from 'react';
import { Button, Group, Select, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch, IconX } from '@tabler/icons-react';
import type { CameraCategory, CameraStatus, Visibility } from '@pantau/shared';
import { useTranslation } from 'react-i18next';
import type { CameraFilters } from '../../../api/cameras.ts';
import { useEnumOptions, useRegionOptions } from '../../../lib/options.ts';

type Field = 'q' | 'regionCode' | 'category' | 'status' | 'visibility';

interface Props {
  value: CameraFilters;
  onChange: (patch: Partial<CameraFilters>) => void;
  onClear?: () => void;
  /** Which filters to show; the map uses a subset. */
  fields?: Field[];
}

const ALL: Field[] = ['q', 'regionCode', 'category', 'status', 'visibility'];

/** Filter inputs for cameras; the text search is debounced so typing does not flood the API. */
export function CameraFilterBar({ value, onChange, onClear, fields = ALL }: Props) {
  const { t } = useTranslation();
  const opts = useEnumOptions();
  const regions = useRegionOptions();
  const [q, setQ] = useState(value.q ?? '');
  const pushQ = useDebouncedCallback((text: string) => onChange({ q: text.trim() || undefined }), 300);

  // Keep the box in step when the URL changes from outside (back button, "clear filters").
  useEffect(() => setQ(value.q ?? ''), [value.q]);

  const show = (f: Field) => fields.includes(f);
  return (
    <Group gap="sm" align="flex-end" wrap="wrap" mb="md">
      {show('q') && (
        <TextInput
          label={t('cameras.search')}
          placeholder={t('cameras.searchPlaceholder')}
          leftSection={<IconSearch size={16} />}
          value={q}
          onChange={(e) => {
            setQ(e.currentTarget.value);
            pushQ(e.currentTarget.value);
          }}
          w={{ base: '100%', sm: 240 }}
          data-testid="filter-q"
        />
      )}
      {show('regionCode') && (
        <Select
          label={t('fields.region')}
          placeholder={t('common.all')}
          data={regions.options}
          value={value.regionCode ?? null}
          onChange={(v) => onChange({ regionCode: v ?? undefined })}
          searchable
          clearable
          nothingFoundMessage={t('common.nothingFound')}
          w={{ base: '100%', sm: 240 }}
        />
      )}
      {show('category') && (
        <Select
          label={t('fields.category')}
          placeholder={t('common.all')}
          data={opts.categories}
          value={value.category ?? null}
          onChange={(v) => onChange({ category: (v as CameraCategory | null) ?? undefined })}
          clearable
          w={{ base: '100%', sm: 190 }}
          data-testid="filter-category"
        />
      )}
      {show('status') && (
        <Select
          label={t('fields.status')}
          placeholder={t('common.all')}
          data={opts.statuses}
          value={value.status ?? null}
          onChange={(v) => onChange({ status: (v as CameraStatus | null) ?? undefined })}
          clearable
          w={{ base: '100%', sm: 170 }}
          data-testid="filter-status"
        />
      )}
      {show('visibility') && (
        <Select
          label={t('fields.visibility')}
          placeholder={t('common.all')}
          data={opts.visibilities}
          value={value.visibility ?? null}
          onChange={(v) => onChange({ visibility: (v as Visibility | null) ?? undefined })}
          clearable
          w={{ base: '100%', sm: 150 }}
        />
      )}
      {onClear && Object.values(value).some(Boolean) && (
        <Button variant="subtle" color="gray" leftSection={<IconX size={14} />} onClick={onClear}>
          {t('common.clearFilters')}
        </Button>
      )}
    </Group>
  );
}
