import { systemActor } from '../../platform/authz/actor.ts';
import type { AuditWriter } from '../audit/index.ts';
import { addCalendarDays } from './calendar.ts';
import { deadlineOf } from './deadlines.ts';
import { factsOf, type PpidContext } from './ppid.context.ts';

/**
 * The worker's sweep: once a working day, remind the officers of requests due soon or overdue, and
 * escalate very overdue ones to the atasan PPID (once). Messages go to the outbox. Uses the injected
 * clock, so tests move time instead of waiting. Returns what it queued.
 */
export async function sweepPpidDeadlines(ctx: PpidContext, audit: AuditWriter): Promise<{ reminded: number; escalated: number }> {
  const now = ctx.clock.now();
  // a generous calendar-day bound: two working days can span a long Idul Fitri break
  const horizon = addCalendarDays(new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10), 14);
  const rows = await ctx.requests.dueByAllTenants(ctx.db, horizon);
  let reminded = 0;
  let escalated = 0;
  for (const row of rows) {
    await ctx.db.transaction().execute(async (tx) => {
      const cal = await ctx.calendar(tx, row.tenant_id);
      const today = cal.today(now);
      if (!cal.isWorkingDay(today) || row.status !== 'received') return;
      const d = deadlineOf(cal, factsOf(row), today, false);
      const officers = row.organization_id ? `ppid:org:${row.organization_id}` : 'ppid:utama';
      const actor = systemActor(row.tenant_id);
      if (d.state === 'very_overdue' && !row.escalated_on) {
        await ctx.requests.update(tx, row.tenant_id, row.id, { escalated_on: today, last_reminder_on: today });
        await ctx.notify(tx, row, 'in_app', 'ppid:atasan', `Eskalasi: ${row.registration_number} sangat terlambat`, `Tenggat ${row.due_on}, terlambat ${-d.workingDaysLeft} hari kerja.`);
        await ctx.addEvent(tx, row, 'escalated', 'sistem', `Terlambat ${-d.workingDaysLeft} hari kerja; diteruskan ke atasan PPID`, false);
        await audit.record(tx, actor, { action: 'ppid.request.escalate', targetType: 'ppid_request', targetId: row.id, details: { daysLate: -d.workingDaysLeft } });
        escalated++;
      } else if (['due_soon', 'overdue', 'very_overdue'].includes(d.state) && row.last_reminder_on !== today) {
        await ctx.requests.update(tx, row.tenant_id, row.id, { last_reminder_on: today });
        const what = d.workingDaysLeft >= 0 ? `jatuh tempo dalam ${d.workingDaysLeft} hari kerja (${row.due_on})` : `terlambat ${-d.workingDaysLeft} hari kerja`;
        await ctx.notify(tx, row, 'in_app', officers, `Pengingat: ${row.registration_number} ${what}`, row.information.slice(0, 200));
        await ctx.addEvent(tx, row, 'reminder', 'sistem', `Pengingat: ${what}`, false);
        await audit.record(tx, actor, { action: 'ppid.request.remind', targetType: 'ppid_request', targetId: row.id, details: { state: d.state } });
        reminded++;
      }
    });
  }
  return { reminded, escalated };
}
