import { useMemo } from 'react';
import { CAMERA_CATEGORIES, CAMERA_STATUSES, ROLES, VISIBILITIES, type Organization, type Region } from '@pantau/shared';
import { useTranslation } from 'react-i18next';
import { useOrganizations, useRegions } from '../api/tenancy.ts';

export interface Option {
  value: string;
  label: string;
}

/** Translated select options for the camera enums and roles. */
export function useEnumOptions() {
  const { t, i18n } = useTranslation();
  return useMemo(
    () => ({
      categories: CAMERA_CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) })),
      statuses: CAMERA_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) })),
      visibilities: VISIBILITIES.map((v) => ({ value: v, label: t(`visibility.${v}`) })),
      roles: ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) })),
    }),
    // i18n.language: rebuild labels when the language changes
    [t, i18n.language],
  );
}

/** Regions as "code name" options, in code order, plus a code → name lookup. */
export function useRegionOptions() {
  const regions = useRegions();
  return useMemo(() => {
    const list: Region[] = [...(regions.data ?? [])].sort((a, b) => a.code.localeCompare(b.code));
    const names = new Map(list.map((r) => [r.code, r.name]));
    const options: Option[] = list.map((r) => ({ value: r.code, label: `${r.code} ${r.name}` }));
    return { options, names, regions: list, isPending: regions.isPending };
  }, [regions.data, regions.isPending]);
}

/** Organizations as options, plus an id → organization lookup. */
export function useOrganizationOptions() {
  const orgs = useOrganizations();
  return useMemo(() => {
    const list: Organization[] = [...(orgs.data ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'id'));
    const byId = new Map(list.map((o) => [o.id, o]));
    const options: Option[] = list.map((o) => ({ value: o.id, label: o.name }));
    return { options, byId, isPending: orgs.isPending };
  }, [orgs.data, orgs.isPending]);
}
