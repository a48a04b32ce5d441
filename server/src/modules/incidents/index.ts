import type { Db } from '../../platform/db/database.ts';
import type { Policy } from '../../platform/authz/policy.ts';
import type { Clock } from '../../platform/clock.ts';
import type { SecretBox } from '../../platform/crypto/secret-box.ts';
import type { AuditWriter } from '../audit/index.ts';
import type { ExportsService } from '../recordings/index.ts';
import type { CamerasService } from '../cameras/index.ts';
import type { TenancyService } from '../tenancy/index.ts';
import { IncidentCore } from './incidents.core.ts';
import { IncidentEvents } from './incidents.events.ts';
import { IncidentsService } from './incidents.service.ts';
import { IncidentWorkflowService } from './incidents.workflow.ts';
import { IncidentEvidenceService } from './incidents.evidence.ts';
import { IncidentConfigService } from './incidents.config.service.ts';
import { IncidentPublicService } from './incidents.public.ts';
import { IncidentStatsService } from './stats.service.ts';
import { IncidentPublicStats } from './stats.public.ts';
import { IncidentJobs } from './incidents.jobs.ts';
import type { EmailTransport, WebhookPoster } from './outbox.delivery.ts';

export { incidentsRoutes } from './incidents.routes.ts';
export { incidentsConfigRoutes } from './incidents.config.routes.ts';
export type { PublicIncidentStats, IncidentPublicStats } from './stats.public.ts';
export { incidentsPolicy, incidentsScopes } from './incidents.policy.ts';
export { seedIncidentDefaults } from './incidents.defaults.ts';
export type { IncidentJobs } from './incidents.jobs.ts';
export { LoggingEmailTransport, fetchPoster, signWebhook, type EmailTransport, type WebhookPoster } from './outbox.delivery.ts';
export type { IncidentBroadcast } from './incidents.events.ts';
export type { IncidentsService, CreateExtra } from './incidents.service.ts';
export type { IncidentPublicService } from './incidents.public.ts';
export type { IncidentConfigService } from './incidents.config.service.ts';
export { regionAt, shippedRegionShapes, distanceM } from './incidents.geo.ts';

/** Every incident service, wired once around one core. */
export function buildIncidentModule(deps: { db: Db; policy: Policy; audit: AuditWriter; clock: Clock; secrets: SecretBox; tenancy: TenancyService; cameras: CamerasService; exports?: ExportsService | null }) {
  const events = new IncidentEvents(deps.policy);
  const core = new IncidentCore(deps.db, deps.policy, deps.audit, deps.clock, events);
  const incidents = new IncidentsService(core);
  const evidence = new IncidentEvidenceService(core, incidents, deps.cameras, deps.exports ?? null);
  return {
    core,
    events,
    incidents,
    workflow: new IncidentWorkflowService(core, incidents, deps.tenancy),
    evidence,
    config: new IncidentConfigService(core, deps.tenancy, deps.secrets),
    publicSide: new IncidentPublicService(core, incidents, undefined, evidence),
    stats: new IncidentStatsService(core),
    /** Aggregates for the public portal's transparency page. */
    publicStats: new IncidentPublicStats(core),
    /** The worker's jobs (SLA escalation, outbox delivery) with the given transports. */
    jobs: (email: EmailTransport, post: WebhookPoster) => new IncidentJobs(core, deps.secrets, email, post),
  };
}
export type IncidentModule = ReturnType<typeof buildIncidentModule>;
