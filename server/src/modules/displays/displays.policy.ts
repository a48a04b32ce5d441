import type { PolicyTable } from '../../platform/authz/policy.ts';

/**
 * Smart Displays from the console. Pimpinan may look at the display list (what the lobby shows);
 * only the command center pairs, edits, revokes and pushes. The kiosk itself holds no role: its
 * display token is its authority, checked by the kiosk service.
 */
export const displaysPolicy: PolicyTable = {
  'display.read': ['admin', 'operator', 'pimpinan'],
  'display.manage': ['admin', 'operator'],
  'display.push': ['admin', 'operator'],
};
