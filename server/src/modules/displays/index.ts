import type { Db } from '../../platform/db/database.ts';
import type { Policy } from '../../platform/authz/policy.ts';
import type { Clock } from '../../platform/clock.ts';
import type { AuditWriter } from '../audit/index.ts';
import { DisplayHub } from './displays.hub.ts';
import { DisplaysService } from './displays.service.ts';
import { DisplayContentService } from './content.service.ts';
import { KioskService } from './kiosk.service.ts';

export { displaysPolicy } from './displays.policy.ts';
export { displaysRoutes } from './displays.routes.ts';
export { kioskRoutes } from './kiosk.routes.ts';
export { resolveKioskState, tiersFor } from './displays.present.ts';
export type { DisplayHub, DisplaysService, DisplayContentService, KioskService };

/** The displays module wired once: one in-process hub shared by the console services and the kiosk socket. */
export function buildDisplayModule(deps: { db: Db; policy: Policy; audit: AuditWriter; clock: Clock }) {
  const hub = new DisplayHub();
  const displays = new DisplaysService(deps.db, deps.policy, deps.audit, deps.clock, hub);
  return {
    hub,
    kiosk: new KioskService(deps.db, deps.audit, deps.clock),
    displays,
    content: new DisplayContentService(deps.db, deps.policy, deps.audit, hub),
    /** `{ tenantId, tier, displayId }` of a display cookie, or null: for the portal and HLS access. */
    viewerOfToken: (token: string | null | undefined) => displays.viewerOfToken(token),
  };
}
export type DisplayModule = ReturnType<typeof buildDisplayModule>;
