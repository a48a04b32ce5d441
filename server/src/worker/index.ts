import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../platform/db/database.ts';
import type { Clock } from '../platform/clock.ts';
import { SessionsRepository } from '../modules/users/index.ts';
import type { IncidentJobs } from '../modules/incidents/index.ts';

/** Background jobs of the `worker` role. Returns a stop function. */
export function startWorker(deps: { db: Db; clock: Clock; log: FastifyBaseLogger; ppidSweep?: () => Promise<{ reminded: number; escalated: number }>; incidents?: IncidentJobs }): () => Promise<void> {
  const sessions = new SessionsRepository();
  const sweep = async () => {
    try {
      const n = await sessions.deleteExpired(deps.db, deps.clock.now());
      if (n) deps.log.info({ removed: n }, 'expired sessions removed');
    } catch (err) {
      deps.log.error({ err }, 'session sweep failed');
    }
  };
  const timer = setInterval(sweep, 15 * 60_000);
  timer.unref();
  void sweep();
  // PPID deadline reminders and escalations: hourly; the sweep itself sends at most one a day per request
  const ppid = async () => {
    try {
      const r = await deps.ppidSweep?.();
      if (r && (r.reminded || r.escalated)) deps.log.info(r, 'ppid reminders queued');
    } catch (err) {
      deps.log.error({ err }, 'ppid reminder sweep failed');
    }
  };
  const ppidTimer = setInterval(ppid, 60 * 60_000);
  ppidTimer.unref();
  void ppid();
  // SLA escalation and the notification outbox (e-mail, signed webhooks), every 20 s
  let busy = false;
  const incidents = async () => {
    if (!deps.incidents || busy) return;
    busy = true;
    try {
      const escalated = await deps.incidents.escalateOverdue();
      const outbox = await deps.incidents.deliverOutbox();
      if (escalated || outbox.sent || outbox.failed) deps.log.info({ escalated, ...outbox }, 'incident jobs');
    } catch (err) {
      deps.log.error({ err }, 'incident jobs failed');
    } finally {
      busy = false;
    }
  };
  const incidentTimer = setInterval(() => void incidents(), 20_000);
  incidentTimer.unref();
  return async () => {
    clearInterval(timer);
    clearInterval(ppidTimer);
    clearInterval(incidentTimer);
  };
}
