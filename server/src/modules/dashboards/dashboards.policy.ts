import type { PolicyTable, ScopeTable } from '../../platform/authz/policy.ts';
import type { Actor } from '../../platform/authz/actor.ts';

/** Leaders and staff read the dashboard; OPD staff enter their own OPD's figures; admin any OPD's. */
export const dashboardsPolicy: PolicyTable = {
  'dashboard.read': ['admin', 'operator', 'pimpinan', 'data_steward', 'agency_officer'],
  'dashboard.write': ['admin', 'operator', 'data_steward', 'agency_officer'],
};

export const dashboardsScopes: ScopeTable = {
  'dashboard:read': ['dashboard.read'],
  'dashboard:write': ['dashboard.read', 'dashboard.write'],
};

/** Whether the actor may change the figures of this OPD. */
export function mayWriteFor(actor: Actor, organizationId: string): boolean {
  return actor.role === 'admin' || actor.organizationId === organizationId;
}
