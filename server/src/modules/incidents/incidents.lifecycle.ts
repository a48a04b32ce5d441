import { INCIDENT_TRANSITIONS, type IncidentPriority, type IncidentStatus, type SlaState, type SlaTimer, type TaskStatus } from '@pantau/shared';

/** Whether `to` may follow `from`. Reopen (resolved/closed → in_progress) is checked apart. */
export function canTransition(from: IncidentStatus, to: IncidentStatus): boolean {
  return INCIDENT_TRANSITIONS[from].includes(to);
}

export const isActive = (s: IncidentStatus): boolean => ['received', 'verified', 'dispatched', 'in_progress', 'on_hold'].includes(s);

/** The forward order of a task; an agency may not go back (en route after done makes no sense). */
const TASK_ORDER: Record<TaskStatus, number> = { dispatched: 0, en_route: 1, on_scene: 2, done: 3 };
export function canMoveTask(from: TaskStatus, to: TaskStatus): boolean {
  return TASK_ORDER[to] > TASK_ORDER[from];
}

/**
 * Default SLAs in minutes by priority: critical and high follow emergency practice, medium the
 * Jakarta CRM (coordinate ≤ 6 h, resolve ≤ 7 days, Pergub 128/2017), low SP4N-LAPOR! (first
 * response ≤ 3 days, complaint ≤ 5 days... field check up to 14 days).
 */
export const DEFAULT_SLA: Record<IncidentPriority, { responseMinutes: number; resolveMinutes: number }> = {
  critical: { responseMinutes: 10, resolveMinutes: 24 * 60 },
  high: { responseMinutes: 60, resolveMinutes: 3 * 24 * 60 },
  medium: { responseMinutes: 6 * 60, resolveMinutes: 7 * 24 * 60 },
  low: { responseMinutes: 3 * 24 * 60, resolveMinutes: 14 * 24 * 60 },
};

/** Fraction of the allowed time after which a running timer turns amber. */
export const SLA_WARNING_FRACTION = 0.75;

/** The state of one SLA timer at `now`: running (ok/warning/breached) or stopped (met/late). */
export function slaState(startedAt: Date, dueAt: Date, doneAt: Date | null, now: Date): SlaState {
  if (doneAt) return doneAt.getTime() <= dueAt.getTime() ? 'met' : 'late';
  if (now.getTime() > dueAt.getTime()) return 'breached';
  const total = dueAt.getTime() - startedAt.getTime();
  return total > 0 && (now.getTime() - startedAt.getTime()) / total >= SLA_WARNING_FRACTION ? 'warning' : 'ok';
}

export function slaTimer(startedAt: Date, dueAt: Date, doneAt: Date | null, now: Date): SlaTimer {
  return { dueAt: dueAt.toISOString(), doneAt: doneAt?.toISOString() ?? null, state: slaState(startedAt, dueAt, doneAt, now) };
}

/** Ticket numbers people can read out on the phone: PTU-yymmdd-XXXXX (no 0/O, 1/I). */
export function makeTicket(now: Date, random: Uint8Array): string {
  const alphabet = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
  const d = now.toISOString().slice(2, 10).replace(/-/g, '');
  const tail = [...random.slice(0, 6)].map((b) => alphabet[b % alphabet.length]).join('');
  return `PTU-${d}-${tail}`;
}

/** Days after resolution during which the reporter may reopen (a deployment may pass another value to the public service). */
export const DEFAULT_REOPEN_DAYS = 7;

/** Until when the reporter may reopen: only a resolved or closed incident, counted from its resolution. */
export function reopenDeadline(inc: { status: string; resolved_at: Date | null; closed_at: Date | null }, days = DEFAULT_REOPEN_DAYS): Date | null {
  const at = inc.status === 'resolved' ? inc.resolved_at : inc.status === 'closed' ? (inc.resolved_at ?? inc.closed_at) : null;
  return at ? new Date(at.getTime() + days * 86_400_000) : null;
}
