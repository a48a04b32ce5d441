import { ROLES } from '@pantau/shared';
import type { PolicyTable, ScopeTable } from '../../platform/authz/policy.ts';

export const tenancyPolicy: PolicyTable = {
  'region.read': ROLES,
  'organization.read': ROLES,
  'organization.write': ['admin'],
};
export const tenancyScopes: ScopeTable = {
  'cameras:read': ['region.read', 'organization.read'],
};
