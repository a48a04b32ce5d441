import { MultiSelect, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import type { Role } from '@pantau/shared';
import { useTranslation } from 'react-i18next';
import type { FieldErrors } from '../../../lib/validation.ts';
import { useEnumOptions, useOrganizationOptions, useRegionOptions } from '../../../lib/options.ts';

export interface ProfileValues {
  displayName: string;
  email: string;
  role: Role | null;
  organizationId: string | null;
  regionCodes: string[];
}

interface Props {
  values: ProfileValues;
  errors: FieldErrors;
  set: <K extends keyof ProfileValues>(key: K, value: ProfileValues[K]) => void;
}

/** Fields shared by "create user" and "edit user". */
export function UserProfileFields({ values, errors, set }: Props) {
  const { t } = useTranslation();
  const opts = useEnumOptions();
  const orgs = useOrganizationOptions();
  const regions = useRegionOptions();
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          label={t('users.displayName')}
          required
          value={values.displayName}
          error={errors.displayName}
          onChange={(e) => set('displayName', e.currentTarget.value)}
        />
        <TextInput
          label={t('users.email')}
          type="email"
          value={values.email}
          error={errors.email}
          onChange={(e) => set('email', e.currentTarget.value)}
        />
        <Select
          label={t('users.role')}
          required
          data={opts.roles}
          value={values.role}
          error={errors.role}
          onChange={(v) => set('role', v as Role | null)}
          data-testid="field-role"
        />
        <Select
          label={t('fields.organization')}
          placeholder={t('users.noOrganization')}
          data={orgs.options}
          value={values.organizationId}
          error={errors.organizationId}
          onChange={(v) => set('organizationId', v)}
          searchable
          clearable
          nothingFoundMessage={t('common.nothingFound')}
        />
      </SimpleGrid>
      <MultiSelect
        label={t('users.regions')}
        description={t('users.regionsHint')}
        data={regions.options}
        value={values.regionCodes}
        error={errors.regionCodes}
        onChange={(v) => set('regionCodes', v)}
        searchable
        clearable
        nothingFoundMessage={t('common.nothingFound')}
      />
    </Stack>
  );
}
