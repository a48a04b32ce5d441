import type { PolicyTable } from '../../platform/authz/policy.ts';

export const portalPolicy: PolicyTable = {
  /** Taking a camera off the portal at once (privacy incident, sensitive scene): the command center's call. */
  'portal.takedown': ['admin', 'operator'],
};
