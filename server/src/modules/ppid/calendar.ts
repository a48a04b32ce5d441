import Holidays from 'date-holidays';

/** A local calendar date, `YYYY-MM-DD`. Working-day arithmetic is done on dates, never on instants. */
export type DateOnly = string;

/**
 * An edit of the working-day calendar from a decree (SKB 3 Menteri): `holiday` and `cuti_bersama`
 * add a day off; `workday` removes a holiday the library put on a wrong date (it computes Islamic
 * holidays astronomically, while the government follows rukyat and the SKB). A weekend stays a weekend.
 */
export interface CalendarOverride {
  date: DateOnly;
  kind: 'holiday' | 'cuti_bersama' | 'workday';
  label: string;
}

/** A day off with its reason, for showing next to a deadline. */
export interface DayOff {
  date: DateOnly;
  kind: 'weekend' | 'holiday' | 'cuti_bersama';
  label: string;
}

/** Government offices in Kalimantan Tengah are on WIB; the closing hour that makes a filing count for the next working day. */
export const DEFAULT_ZONE = 'Asia/Jakarta';
export const OFFICE_CLOSES_HOUR = 16;

const DAY_MS = 86_400_000;
const libraryCache = new Map<number, Map<DateOnly, string>>();

/** National holidays of one year from date-holidays ('ID', public ones only), cached per year. */
function libraryHolidays(year: number): Map<DateOnly, string> {
  let m = libraryCache.get(year);
  if (!m) {
    m = new Map();
    for (const h of new Holidays('ID').getHolidays(year)) if (h.type === 'public') m.set(h.date.slice(0, 10), m.has(h.date.slice(0, 10)) ? `${m.get(h.date.slice(0, 10))} / ${h.name}` : h.name);
    libraryCache.set(year, m);
  }
  return m;
}

const dayOfYear = (d: DateOnly): number => (toUtc(d) - Date.UTC(Number(d.slice(0, 4)), 0, 1)) / DAY_MS;
const toUtc = (d: DateOnly): number => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
const fromUtc = (ms: number): DateOnly => new Date(ms).toISOString().slice(0, 10);

/** The date `n` calendar days after `d` (negative goes back). */
export function addCalendarDays(d: DateOnly, n: number): DateOnly {
  return fromUtc(toUtc(d) + n * DAY_MS);
}

/** The calendar date and hour of an instant in a time zone. */
export function localDateTime(instant: Date, zone: string = DEFAULT_ZONE): { date: DateOnly; hour: number } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23' })
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, hour: Number(parts.hour) };
}

/**
 * Working days: Monday–Friday, minus national holidays (date-holidays) and cuti bersama, corrected
 * by the tenant's editable list. Pure: the same overrides give the same answers.
 */
export class WorkingCalendar {
  private readonly overrides = new Map<DateOnly, CalendarOverride>();
  /** Per year: prefix[i] = working days from 1 January through day i (0-based), so counting is O(1). */
  private readonly prefixes = new Map<number, Int32Array>();
  constructor(
    overrides: readonly CalendarOverride[] = [],
    readonly zone: string = DEFAULT_ZONE,
  ) {
    for (const o of overrides) this.overrides.set(o.date, o);
  }

  /** Why a date is not a working day, or null when it is one. */
  dayOff(d: DateOnly): DayOff | null {
    const o = this.overrides.get(d);
    const weekday = new Date(toUtc(d)).getUTCDay();
    if (weekday === 0 || weekday === 6) return { date: d, kind: 'weekend', label: weekday === 0 ? 'Minggu' : 'Sabtu' };
    if (o) return o.kind === 'workday' ? null : { date: d, kind: o.kind, label: o.label };
    const lib = libraryHolidays(Number(d.slice(0, 4))).get(d);
    return lib ? { date: d, kind: 'holiday', label: lib } : null;
  }

  isWorkingDay(d: DateOnly): boolean {
    const year = Number(d.slice(0, 4));
    const p = this.prefix(year);
    const i = dayOfYear(d);
    return p[i]! - (i > 0 ? p[i - 1]! : 0) === 1;
  }

  private prefix(year: number): Int32Array {
    let p = this.prefixes.get(year);
    if (!p) {
      const days = (toUtc(`${year + 1}-01-01`) - toUtc(`${year}-01-01`)) / DAY_MS;
      p = new Int32Array(days);
      let n = 0;
      for (let i = 0, ms = toUtc(`${year}-01-01`); i < days; i++, ms += DAY_MS) p[i] = n += this.dayOff(fromUtc(ms)) === null ? 1 : 0;
      this.prefixes.set(year, p);
    }
    return p;
  }

  /** Working days from 1 January of `d`'s year through `d`. */
  private through(d: DateOnly): number {
    return this.prefix(Number(d.slice(0, 4)))[dayOfYear(d)]!;
  }

  /** The `n`-th working day after `d` (d itself never counts); n = 0 gives `d`. */
  addWorkingDays(d: DateOnly, n: number): DateOnly {
    if (n < 0 || !Number.isInteger(n)) throw new RangeError(`working days must be a whole number ≥ 0, got ${n}`);
    let cur = d;
    for (let left = n; left > 0; ) {
      cur = addCalendarDays(cur, 1);
      if (this.isWorkingDay(cur)) left--;
    }
    return cur;
  }

  /** Working days in (a, b]: 0 when b ≤ a. "Days late" and "days taken" are both this count. */
  workingDaysBetween(a: DateOnly, b: DateOnly): number {
    if (b <= a) return 0;
    const ya = Number(a.slice(0, 4));
    const yb = Number(b.slice(0, 4));
    let n = this.through(b) - this.through(a);
    for (let y = ya; y < yb; y++) n += this.prefix(y).at(-1)!;
    return n;
  }

  /** The first working day on or after `d`. */
  nextWorkingDayFrom(d: DateOnly): DateOnly {
    let cur = d;
    while (!this.isWorkingDay(cur)) cur = addCalendarDays(cur, 1);
    return cur;
  }

  /**
   * The day a filing counts as received: its local date when that is a working day and it came
   * before the office closed (16:00), otherwise the next working day. Deadlines run from the day
   * after this one (Pasal 22: "paling lambat 10 hari kerja sejak diterimanya permintaan").
   */
  receiptDay(instant: Date): DateOnly {
    const { date, hour } = localDateTime(instant, this.zone);
    if (this.isWorkingDay(date) && hour < OFFICE_CLOSES_HOUR) return date;
    return this.nextWorkingDayFrom(addCalendarDays(date, 1));
  }

  /** Today's date in the calendar's zone. */
  today(instant: Date): DateOnly {
    return localDateTime(instant, this.zone).date;
  }

  /** Every day off in [from, to], weekends included, for showing a deadline's reasoning. */
  daysOff(from: DateOnly, to: DateOnly): DayOff[] {
    const out: DayOff[] = [];
    for (let cur = from; cur <= to; cur = addCalendarDays(cur, 1)) {
      const off = this.dayOff(cur);
      if (off) out.push(off);
    }
    return out;
  }

  /** The holidays of one year as the calendar sees them: library days, then the overrides applied. */
  holidaysOf(year: number): { date: DateOnly; label: string; source: 'library' | 'override'; kind: CalendarOverride['kind'] }[] {
    const rows = new Map<DateOnly, { date: DateOnly; label: string; source: 'library' | 'override'; kind: CalendarOverride['kind'] }>();
    for (const [date, label] of libraryHolidays(year)) rows.set(date, { date, label, source: 'library', kind: 'holiday' });
    for (const o of this.overrides.values()) if (o.date.startsWith(`${year}-`)) rows.set(o.date, { ...o, source: 'override' });
    return [...rows.values()].sort((a, b) => a.date.localeCompare(b.date));
  }
}
