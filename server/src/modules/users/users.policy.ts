import { ROLES } from '@pantau/shared';
import type { PolicyTable } from '../../platform/authz/policy.ts';

export const usersPolicy: PolicyTable = {
  'user.read': ['admin'],
  'user.write': ['admin'],
  // every role may hold integration tokens; a token never exceeds its owner's role
  'token.manage': ROLES,
};
