import { PPID_DEADLINES, type PpidDeadline, type PpidDeadlineState } from '@pantau/shared';
import type { DateOnly, WorkingCalendar } from './calendar.ts';

/** The deadline facts of a request that the rules below read. */
export interface DeadlineFacts {
  receivedOn: DateOnly;
  dueOn: DateOnly;
  extended: boolean;
  /** Null while the request waits for an answer. */
  respondedOn: DateOnly | null;
}

/** Answer due: 10 working days after receipt (Pasal 22(7)). */
export const answerDue = (cal: WorkingCalendar, receivedOn: DateOnly): DateOnly => cal.addWorkingDays(receivedOn, PPID_DEADLINES.answer);
/** Extended due: 7 more working days after the original due date (Pasal 22(8)). */
export const extendedDue = (cal: WorkingCalendar, dueOn: DateOnly): DateOnly => cal.addWorkingDays(dueOn, PPID_DEADLINES.extension);
/** Working days within which a request is "due soon" on the queue. */
export const DUE_SOON_DAYS = 2;
/**
 * As Alaveteli does, a request is "very overdue" once it is late by a whole answering period
 * again: more than 10 working days past its due date.
 */
export const VERY_OVERDUE_AFTER = PPID_DEADLINES.answer;

/** The badge of a request on `today`: on time, due soon, overdue, very overdue, or closed. */
export function deadlineOf(cal: WorkingCalendar, f: DeadlineFacts, today: DateOnly, withDaysOff = true): PpidDeadline {
  const left = today <= f.dueOn ? cal.workingDaysBetween(today, f.dueOn) : -cal.workingDaysBetween(f.dueOn, today);
  let state: PpidDeadlineState;
  if (f.respondedOn) state = 'closed';
  else if (left < -VERY_OVERDUE_AFTER) state = 'very_overdue';
  else if (today > f.dueOn) state = 'overdue';
  else if (left <= DUE_SOON_DAYS) state = 'due_soon';
  else state = 'on_time';
  return {
    receivedOn: f.receivedOn,
    dueOn: f.dueOn,
    extended: f.extended,
    state,
    workingDaysLeft: left,
    daysOff: withDaysOff ? cal.daysOff(f.receivedOn, f.dueOn) : [],
  };
}

/**
 * The last day to file an objection (Pasal 35–36): 30 working days after the grounds arose, which
 * is the answer's date, or the due date when no answer came. Null while no ground can have arisen
 * yet (still waiting, not yet late).
 */
export function objectionOpenUntil(cal: WorkingCalendar, f: DeadlineFacts, today: DateOnly): DateOnly | null {
  const from = f.respondedOn ?? (today > f.dueOn ? f.dueOn : null);
  if (!from) return null;
  const until = cal.addWorkingDays(from, PPID_DEADLINES.objectionFile);
  return today <= until ? until : null;
}

/** The atasan PPID answers an objection within 30 working days of its filing (Pasal 36). */
export const objectionDue = (cal: WorkingCalendar, filedOn: DateOnly): DateOnly => cal.addWorkingDays(filedOn, PPID_DEADLINES.objectionAnswer);

/** A dispute goes to the Komisi Informasi within 14 working days after the answer, or after the answer's deadline passed (Pasal 37(2)). */
export const disputeDeadline = (cal: WorkingCalendar, decidedOn: DateOnly | null, dueOn: DateOnly): DateOnly => cal.addWorkingDays(decidedOn ?? dueOn, PPID_DEADLINES.disputeFile);
