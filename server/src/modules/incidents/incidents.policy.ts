import type { PolicyTable, ScopeTable } from '../../platform/authz/policy.ts';

/**
 * Incidents, role × action. The supervisor is the `admin` role (kept simple: a command center's
 * shift supervisor gets an admin account); only a supervisor overrides a required SOP step or
 * edits categories, SOPs, routing and SLAs. Agency officers read only incidents that have a task
 * of their organization, never reporter data, and move only their own agency's tasks.
 */
export const incidentsPolicy: PolicyTable = {
  'incident.read': ['admin', 'operator', 'pimpinan', 'agency_officer'],
  'incident.create': ['admin', 'operator'],
  'incident.manage': ['admin', 'operator'],
  'incident.reporter.read': ['admin', 'operator'],
  'incident.supervise': ['admin'],
  'incident.configure': ['admin'],
  'incident.task.update': ['admin', 'operator', 'agency_officer'],
  'incident.stats': ['admin', 'operator', 'pimpinan'],
  /** Open311 POST with an `api_key`: a token of an operator or admin with the `open311` scope. */
  'incident.open311.submit': ['admin', 'operator'],
};

export const incidentsScopes: ScopeTable = {
  'incidents:read': ['incident.read', 'incident.stats', 'incident.reporter.read'],
  'incidents:write': ['incident.read', 'incident.create', 'incident.manage', 'incident.task.update'],
  open311: ['incident.open311.submit'],
};
