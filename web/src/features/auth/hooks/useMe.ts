import type { Me } from '@pantau/shared';
import { useSession } from '../../../api/session.ts';

/** The signed-in user; only valid below RequireAuth, which guarantees a session. */
export function useMe(): Me {
  const { data } = useSession();
  if (!data) throw new Error('useMe used outside an authenticated route');
  return data.user;
}

/** Actions the console checks before showing a control (the server enforces them anyway). */
export type Action =
  | 'camera.read'
  | 'camera.write'
  | 'camera.export'
  | 'camera.stream.read'
  | 'camera.live'
  | 'wall.manage'
  | 'user.read'
  | 'user.write'
  | 'audit.read'
  | 'organization.write'
  | 'token.manage'
  | 'dataset.read'
  | 'dataset.write'
  | 'dashboard.read'
  | 'dashboard.write'
  | 'ppid.request.read'
  | 'ppid.request.handle'
  | 'ppid.objection.decide'
  | 'ppid.registry.read'
  | 'ppid.registry.write'
  | 'ppid.calendar.write'
  | 'ppid.report.read'
  | 'incident.read'
  | 'incident.create'
  | 'incident.manage'
  | 'incident.supervise'
  | 'incident.configure'
  | 'incident.task.update'
  | 'incident.stats'
  | 'recording.view'
  | 'bookmark.write'
  | 'recording.export'
  | 'evidence.hold'
  | 'evidence.release'
  | 'storage.read'
  | 'storage.manage'
  // Smart Displays and the portal takedown
  | 'display.read'
  | 'display.manage'
  | 'display.push'
  | 'portal.takedown';

/** Returns a predicate telling whether the current user may perform an action. */
export function useCan(): (action: Action) => boolean {
  const { data } = useSession();
  const granted = new Set(data?.user.permissions ?? []);
  return (action) => granted.has(action);
}
