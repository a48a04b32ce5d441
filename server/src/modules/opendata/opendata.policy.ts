import { ROLES } from '@pantau/shared';
import type { PolicyTable, ScopeTable } from '../../platform/authz/policy.ts';
import type { Actor } from '../../platform/authz/actor.ts';
import type { DatasetScope } from './opendata.repository.ts';

/**
 * Role × action of the data bank. Who is produsen data and who is walidata is decided per dataset
 * by the organization (see `isWalidata`, `mayEdit`): the table only says which roles may try.
 */
export const opendataPolicy: PolicyTable = {
  'dataset.read': ROLES,
  'dataset.write': ['admin', 'operator', 'data_steward'],
  'dataset.review': ['admin', 'data_steward'],
  'opendata.settings': ['admin'],
};

export const opendataScopes: ScopeTable = {
  'opendata:read': ['dataset.read'],
  'opendata:write': ['dataset.read', 'dataset.write'],
};

/**
 * Walidata: an admin, or a data_steward of the tenant's walidata OPD (Diskominfo in Kalteng,
 * chosen in od_settings). Only walidata verify and publish, and may curate any dataset.
 */
export function isWalidata(actor: Actor, walidataOrgId: string | null): boolean {
  if (actor.role === 'admin') return true;
  return actor.role === 'data_steward' && walidataOrgId !== null && actor.organizationId === walidataOrgId;
}

/** Produsen data edit only their own OPD's datasets, and only while in draft; walidata edit any. */
export function mayEdit(actor: Actor, walidata: boolean, dataset: { organization_id: string; state: string }): 'yes' | 'not_own' | 'locked' {
  if (walidata) return 'yes';
  if (!actor.organizationId || actor.organizationId !== dataset.organization_id) return 'not_own';
  return dataset.state === 'draft' ? 'yes' : 'locked';
}

/** What an actor reads in the console: walidata all, produsen published plus their OPD's, others published. */
export function readScope(actor: Actor, walidata: boolean): DatasetScope {
  if (walidata) return { tenantId: actor.tenantId, kind: 'all' };
  if (actor.organizationId) return { tenantId: actor.tenantId, kind: 'organization', organizationId: actor.organizationId };
  return { tenantId: actor.tenantId, kind: 'published' };
}
