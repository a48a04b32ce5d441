import { ROLES } from '@pantau/shared';
import type { PolicyTable } from '../../platform/authz/policy.ts';

/** Every role may keep its own wall layouts; each cell still shows only cameras the user may see. */
export const wallsPolicy: PolicyTable = { 'wall.manage': ROLES };
