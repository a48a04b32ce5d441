import { ROLES, type Role, type Visibility } from '@pantau/shared';
import type { PolicyTable, ScopeTable } from '../../platform/authz/policy.ts';
import type { Actor } from '../../platform/authz/actor.ts';

export const camerasPolicy: PolicyTable = {
  'camera.read': ROLES,
  'camera.write': ['admin'],
  'camera.export': ['admin', 'operator'],
  /** Stream URLs reveal the network layout; only those who manage streams see them. */
  'camera.stream.read': ['admin'],
};

export const camerasScopes: ScopeTable = {
  'cameras:read': ['camera.read', 'camera.export', 'camera.stream.read'],
  'cameras:write': ['camera.write', 'camera.read'],
};

/**
 * Which visibility tiers each role sees (role × tier). `ownOrganization`: cameras owned by the
 * user's own organization are visible whatever their tier.
 */
export const CAMERA_VISIBILITY: Record<Role, { tiers: readonly Visibility[] | 'all'; ownOrganization: boolean }> = {
  admin: { tiers: 'all', ownOrganization: false },
  operator: { tiers: 'all', ownOrganization: false },
  pimpinan: { tiers: ['pimpinan', 'public'], ownOrganization: false },
  agency_officer: { tiers: ['pimpinan', 'public'], ownOrganization: true },
  ppid_officer: { tiers: ['public'], ownOrganization: false },
  data_steward: { tiers: ['public'], ownOrganization: false },
};

/** What part of the camera registry an actor may read; every repository read takes one. */
export interface CameraScope {
  tenantId: string;
  regionCodes: string[];
  tiers: readonly Visibility[] | null;
  ownOrganizationId: string | null;
}

export function cameraScopeOf(actor: Actor): CameraScope {
  const v = CAMERA_VISIBILITY[actor.role];
  return {
    tenantId: actor.tenantId,
    regionCodes: actor.regionCodes,
    tiers: v.tiers === 'all' ? null : v.tiers,
    ownOrganizationId: v.ownOrganization ? actor.organizationId : null,
  };
}
