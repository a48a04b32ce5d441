import { ROLES } from '@pantau/shared';
import type { PolicyTable, ScopeTable } from '../../platform/authz/policy.ts';

/** Live view is open to every role; which cameras each role sees is the camera visibility table. */
export const livePolicy: PolicyTable = { 'camera.live': ROLES };
export const liveScopes: ScopeTable = { 'cameras:read': ['camera.live'] };
