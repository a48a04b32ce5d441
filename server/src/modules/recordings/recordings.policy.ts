import type { PolicyTable, ScopeTable } from '../../platform/authz/policy.ts';

/** Recorded video: who may watch it, mark it, export it, hold it and manage its storage. */
export const recordingsPolicy: PolicyTable = {
  'recording.view': ['admin', 'operator', 'pimpinan', 'agency_officer'],
  'bookmark.write': ['admin', 'operator'],
  'recording.export': ['admin', 'operator'],
  'evidence.hold': ['admin', 'operator'],
  /** Releasing evidence lets retention delete it: the administrator only. */
  'evidence.release': ['admin'],
  'storage.read': ['admin', 'operator'],
  'storage.manage': ['admin'],
};

export const recordingsScopes: ScopeTable = {
  'recordings:read': ['recording.view'],
  'recordings:export': ['recording.view', 'recording.export'],
};
