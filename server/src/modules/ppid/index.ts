import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Db } from '../../platform/db/database.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Policy } from '../../platform/authz/policy.ts';
import type { AuditWriter } from '../audit/index.ts';
import { DocumentStore } from './files.ts';
import { PpidContext } from './ppid.context.ts';
import { PpidPublicService } from './public.service.ts';
import { PpidRequestsService } from './requests.service.ts';
import { PpidObjectionsService } from './objections.service.ts';
import { PpidRegistryService } from './registry.service.ts';
import { PpidReportService } from './report.service.ts';
import { sweepPpidDeadlines } from './reminders.ts';

export { ppidPolicy } from './ppid.policy.ts';
export { ppidRoutes } from './ppid.routes.ts';
export { ppidPublicRoutes, PUBLIC_LIMITS } from './public.routes.ts';
export { addCalendarDays, WorkingCalendar, type CalendarOverride } from './calendar.ts';
export { DECREE_OVERRIDES } from './calendar.decrees.ts';
export { seedPpidDemo } from './ppid.seed.ts';

/** Every PPID service, sharing one context (database, clock, document store). */
export function buildPpidServices(deps: { db: Db; clock: Clock; policy: Policy; audit: AuditWriter; dataDir?: string | null }) {
  // without a data directory (tests), documents go to a throwaway temporary folder
  const root = deps.dataDir ?? mkdtempSync(join(tmpdir(), 'pantau-ppid-'));
  const ctx = new PpidContext(deps.db, deps.clock, new DocumentStore(root));
  return {
    ctx,
    public: new PpidPublicService(ctx, deps.audit),
    requests: new PpidRequestsService(ctx, deps.policy, deps.audit),
    objections: new PpidObjectionsService(ctx, deps.policy, deps.audit),
    registry: new PpidRegistryService(ctx, deps.policy, deps.audit),
    reports: new PpidReportService(ctx, deps.policy),
    /** The worker's reminder and escalation sweep. */
    sweep: () => sweepPpidDeadlines(ctx, deps.audit),
  };
}
export type PpidServices = ReturnType<typeof buildPpidServices>;
