import type { PolicyTable } from '../../platform/authz/policy.ts';

/**
 * PPID actions. The atasan PPID (who answers objections) is the `pimpinan` role: in a province the
 * atasan of the PPID Utama is the Sekretaris Daerah, which is what the demo pimpinan user is. An
 * admin may do everything. Which requests a PPID officer sees depends on the officer's OPD: the
 * PPID Utama (Diskominfo) sees and routes all of them; a PPID Pelaksana sees those routed to its OPD.
 */
export const ppidPolicy: PolicyTable = {
  'ppid.request.read': ['admin', 'ppid_officer', 'pimpinan'],
  'ppid.request.handle': ['admin', 'ppid_officer'],
  'ppid.objection.decide': ['admin', 'pimpinan'],
  'ppid.registry.read': ['admin', 'ppid_officer', 'pimpinan'],
  'ppid.registry.write': ['admin', 'ppid_officer'],
  'ppid.calendar.write': ['admin', 'ppid_officer'],
  'ppid.report.read': ['admin', 'ppid_officer', 'pimpinan'],
};
