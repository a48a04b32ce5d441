import type { PolicyTable, ScopeTable } from '../../platform/authz/policy.ts';

export const auditPolicy: PolicyTable = {
  'audit.read': ['admin'],
};
export const auditScopes: ScopeTable = { 'audit:read': ['audit.read'] };
