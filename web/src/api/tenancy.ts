import { useQuery } from '@tanstack/react-query';
import { organizationSchema, regionSchema } from '@pantau/shared';
import { api } from './client.ts';
import { keys } from './keys.ts';
import { arrayOf, publicConfigParser } from './parsers.ts';

const regionsParser = arrayOf(regionSchema);
const organizationsParser = arrayOf(organizationSchema);

/** Regions and organizations change rarely; keep them for the whole session. */
const LONG = 10 * 60_000;

export function useRegions() {
  return useQuery({ queryKey: keys.regions, queryFn: () => api.get('/api/regions', regionsParser), staleTime: LONG });
}

export function useOrganizations() {
  return useQuery({
    queryKey: keys.organizations,
    queryFn: () => api.get('/api/organizations', organizationsParser),
    staleTime: LONG,
  });
}

export function usePublicConfig() {
  return useQuery({
    queryKey: keys.publicConfig,
    queryFn: () => api.get('/api/config/public', publicConfigParser),
    staleTime: Infinity,
  });
}
