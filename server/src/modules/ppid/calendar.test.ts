import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { addCalendarDays, WorkingCalendar, type DateOnly } from './calendar.ts';
import { DECREE_OVERRIDES } from './calendar.decrees.ts';
import { answerDue, deadlineOf, extendedDue, objectionOpenUntil } from './deadlines.ts';

const cal = new WorkingCalendar(DECREE_OVERRIDES);
/** Any date from 2023 to 2029: across year ends and the leap years 2024 and 2028. */
const dateArb = fc.integer({ min: 0, max: 7 * 365 }).map((n) => addCalendarDays('2023-01-01', n));

describe('working-day calendar', () => {
  test('Idul Fitri 2025 with cuti bersama: filed Thu 27 Mar, due Tue 22 Apr (hand-counted)', () => {
    // 28 cuti, 29 Sat/Nyepi, 30 Sun, 31 + 1 Apr Idul Fitri, 2-4 + 7 Apr cuti; 8,9,10,11,14,15,16,17 = 8; 18 Good Friday; 21, 22 = 10
    assert.equal(answerDue(cal, '2025-03-27'), '2025-04-22');
    assert.equal(extendedDue(cal, '2025-04-22'), '2025-05-02', '23,24,25,28,29,30 Apr, (1 May off), 2 May');
  });

  test('the editable list adds and removes days: the library puts 1 Muharram 2025 on 26 Jun, the SKB on 27 Jun', () => {
    const bare = new WorkingCalendar([]);
    assert.equal(bare.isWorkingDay('2025-06-26'), false);
    assert.equal(bare.isWorkingDay('2025-06-27'), true);
    assert.equal(cal.isWorkingDay('2025-06-26'), true);
    assert.equal(cal.isWorkingDay('2025-06-27'), false);
    const undone = new WorkingCalendar([...DECREE_OVERRIDES, { date: '2025-06-27', kind: 'workday', label: 'dibatalkan' }]);
    assert.equal(undone.isWorkingDay('2025-06-27'), true, 'a tenant entry wins over the built-in decree');
    assert.equal(cal.isWorkingDay('2026-03-23'), false, 'cuti bersama Idul Fitri 2026');
  });

  test('year end and leap day: 24 Dec 2026 is cuti bersama; 29 Feb 2028 is a working Tuesday', () => {
    // filed Wed 23 Dec 2026: 24 cuti, 25 Natal, 26-27 weekend, 28,29,30,31 Dec = 4, (1 Jan), 4 Jan = 5,
    // (5 Jan Isra Mi'raj per the library), 6,7,8 = 8, 11, 12 Jan = 10
    assert.equal(answerDue(cal, '2026-12-23'), '2027-01-12');
    assert.equal(cal.isWorkingDay('2028-02-29'), true);
    assert.equal(cal.addWorkingDays('2028-02-28', 1), '2028-02-29');
    assert.equal(cal.addWorkingDays('2027-02-26', 1), '2027-03-01', '2027 has no 29 Feb');
  });

  test('receipt day: after 16:00 WIB, on a weekend or a holiday the request counts from the next working day', () => {
    assert.equal(cal.receiptDay(new Date('2026-01-05T15:59:00+07:00')), '2026-01-05');
    assert.equal(cal.receiptDay(new Date('2026-01-05T16:00:00+07:00')), '2026-01-06');
    assert.equal(cal.receiptDay(new Date('2026-01-05T20:00:00Z')), '2026-01-06', '20:00 UTC is 03:00 WIB the next day');
    assert.equal(cal.receiptDay(new Date('2026-01-10T10:00:00+07:00')), '2026-01-12', 'Saturday → Monday');
    assert.equal(cal.receiptDay(new Date('2026-03-19T09:00:00+07:00')), '2026-03-25', 'Nyepi, then Idul Fitri and cuti bersama');
  });

  test('property: the n-th working day after d is a working day and lies exactly n working days after d', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 1, max: 60 }), (d, n) => {
        const due = cal.addWorkingDays(d, n);
        assert.equal(cal.isWorkingDay(due), true);
        assert.equal(cal.workingDaysBetween(d, due), n);
        assert.equal(cal.workingDaysBetween(d, addCalendarDays(due, -1)), n - 1);
      }),
      { numRuns: 300 },
    );
  });

  test('property: the O(1) count over year prefixes equals counting day by day with dayOff', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 0, max: 900 }), (a, span) => {
        const b = addCalendarDays(a, span);
        let naive = 0;
        for (let d = addCalendarDays(a, 1); d <= b; d = addCalendarDays(d, 1)) if (cal.dayOff(d) === null) naive++;
        assert.equal(cal.workingDaysBetween(a, b), naive);
        assert.equal(cal.isWorkingDay(b), cal.dayOff(b) === null);
      }),
      { numRuns: 200 },
    );
  });

  test('property: adding a then b working days is adding a + b; more days never come earlier', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 40 }), (d, a, b) => {
        assert.equal(cal.addWorkingDays(cal.addWorkingDays(d, a), b), cal.addWorkingDays(d, a + b));
        assert.ok(cal.addWorkingDays(d, a + b) >= cal.addWorkingDays(d, a));
      }),
      { numRuns: 300 },
    );
  });

  test('property: 10 working days span at least 14 calendar days (two weekends) and a receipt day is a working day', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 0, max: 23 }), (d, hour) => {
        const due = answerDue(cal, d);
        assert.ok(Date.parse(due) - Date.parse(d) >= 12 * 86_400_000);
        const r = cal.receiptDay(new Date(`${d}T${String(hour).padStart(2, '0')}:30:00+07:00`));
        assert.equal(cal.isWorkingDay(r), true);
        assert.ok(r >= d);
      }),
      { numRuns: 300 },
    );
  });

  test('property: a day off is a weekend, a library holiday or an added day — removing a day never adds working-day time', () => {
    fc.assert(
      fc.property(dateArb, dateArb, (d, extra) => {
        const more = new WorkingCalendar([...DECREE_OVERRIDES, { date: extra, kind: 'cuti_bersama', label: 'uji' }]);
        assert.ok(more.addWorkingDays(d, 10) >= cal.addWorkingDays(d, 10));
      }),
      { numRuns: 200 },
    );
  });
});

describe('deadline states', () => {
  const f = (receivedOn: DateOnly, respondedOn: DateOnly | null = null) => ({ receivedOn, dueOn: answerDue(cal, receivedOn), extended: false, respondedOn });
  test('on time, due soon, overdue, very overdue, closed', () => {
    const r = f('2026-01-05'); // 6-9, 12-15 = 8, (16 Jan Isra Mi'raj), 19, 20 = 10
    assert.equal(r.dueOn, '2026-01-20');
    assert.equal(deadlineOf(cal, r, '2026-01-06').state, 'on_time');
    assert.equal(deadlineOf(cal, r, '2026-01-06').workingDaysLeft, 9);
    assert.equal(deadlineOf(cal, r, '2026-01-19').state, 'due_soon');
    assert.equal(deadlineOf(cal, r, '2026-01-21').state, 'overdue');
    assert.equal(deadlineOf(cal, r, '2026-01-21').workingDaysLeft, -1);
    assert.equal(deadlineOf(cal, r, '2026-02-03').state, 'overdue', '10 working days late');
    assert.equal(deadlineOf(cal, r, '2026-02-04').state, 'very_overdue');
    assert.equal(deadlineOf(cal, f('2026-01-05', '2026-01-07'), '2026-02-04').state, 'closed');
  });
  test('objection window: from the answer, or from the due date when none came; 30 working days', () => {
    assert.equal(objectionOpenUntil(cal, f('2026-01-05'), '2026-01-10'), null, 'still waiting: no ground yet');
    assert.equal(objectionOpenUntil(cal, f('2026-01-05'), '2026-01-21'), cal.addWorkingDays('2026-01-20', 30));
    const answered = f('2026-01-05', '2026-01-08');
    const until = cal.addWorkingDays('2026-01-08', 30);
    assert.equal(objectionOpenUntil(cal, answered, until), until);
    assert.equal(objectionOpenUntil(cal, answered, addCalendarDays(until, 1)), null);
  });
});
