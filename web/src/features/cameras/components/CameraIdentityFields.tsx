import { Select, SimpleGrid, Stack, Switch, TagsInput, TextInput } from '@mantine/core';
import type { CameraCategory, Visibility } from '@pantau/shared';
import { useTranslation } from 'react-i18next';
import { useEnumOptions, useOrganizationOptions } from '../../../lib/options.ts';
import type { CameraForm } from '../hooks/useCameraForm.ts';

/** Code, name, category, visibility, organization, tags and the enabled switch. */
export function CameraIdentityFields({ form }: { form: CameraForm }) {
  const { t } = useTranslation();
  const opts = useEnumOptions();
  const orgs = useOrganizationOptions();
  const { values, errors, setValue } = form;
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput label={t('fields.code')} description={t('cameras.codeHint')} required data-testid="field-code" {...form.text('code')} />
        <TextInput label={t('fields.name')} required data-testid="field-name" {...form.text('name')} />
        <Select
          label={t('fields.category')}
          required
          data={opts.categories}
          value={values.category}
          error={errors.category}
          onChange={(v) => setValue('category', v as CameraCategory | null)}
          data-testid="field-category"
        />
        <Select
          label={t('fields.visibility')}
          required
          data={opts.visibilities}
          value={values.visibility}
          error={errors.visibility}
          allowDeselect={false}
          onChange={(v) => v && setValue('visibility', v as Visibility)}
        />
      </SimpleGrid>
      <Select
        label={t('fields.organization')}
        placeholder={t('cameras.noOrganization')}
        data={orgs.options}
        value={values.organizationId}
        error={errors.organizationId}
        onChange={(v) => setValue('organizationId', v)}
        searchable
        clearable
        nothingFoundMessage={t('common.nothingFound')}
      />
      <TagsInput
        label={t('fields.tags')}
        description={t('cameras.tagsHint')}
        value={values.tags}
        error={errors.tags}
        onChange={(v) => setValue('tags', v)}
        clearable
      />
      <Switch
        label={t('fields.enabled')}
        description={t('cameras.enabledHint')}
        checked={values.enabled}
        onChange={(e) => setValue('enabled', e.currentTarget.checked)}
      />
    </Stack>
  );
}
