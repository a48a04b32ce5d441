import { NumberInput, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LocationMap } from '../../../components/map/LocationMap.tsx';
import { useRegionOptions } from '../../../lib/options.ts';
import type { CameraForm } from '../hooks/useCameraForm.ts';

const num = (v: number | string): number | null => {
  const n = typeof v === 'number' ? v : Number(v);
  return v === '' || !Number.isFinite(n) ? null : n;
};

/** Region, address and coordinates; a click on the small map fills latitude and longitude. */
export function CameraLocationFields({ form }: { form: CameraForm }) {
  const { t } = useTranslation();
  const regions = useRegionOptions();
  const { values, errors, setValue } = form;
  return (
    <Stack gap="sm">
      <Select
        label={t('fields.region')}
        required
        data={regions.options}
        value={values.regionCode}
        error={errors.regionCode}
        onChange={(v) => setValue('regionCode', v)}
        searchable
        nothingFoundMessage={t('common.nothingFound')}
        data-testid="field-region"
      />
      <TextInput label={t('fields.address')} {...form.text('address')} />
      <SimpleGrid cols={2} spacing="sm">
        <NumberInput
          label={t('fields.lat')}
          required
          decimalScale={6}
          min={-90}
          max={90}
          hideControls
          value={values.lat}
          error={errors.lat}
          onChange={(v) => setValue('lat', v)}
          data-testid="field-lat"
        />
        <NumberInput
          label={t('fields.lng')}
          required
          decimalScale={6}
          min={-180}
          max={180}
          hideControls
          value={values.lng}
          error={errors.lng}
          onChange={(v) => setValue('lng', v)}
          data-testid="field-lng"
        />
      </SimpleGrid>
      <Text size="xs" c="dimmed">
        {t('cameras.pickOnMap')}
      </Text>
      <LocationMap lat={num(values.lat)} lng={num(values.lng)} onPick={form.pick} height={240} testId="pick-map" />
    </Stack>
  );
}
