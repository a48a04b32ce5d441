import type { KioskScene, KioskState } from '@pantau/shared';

/** One playlist entry as the kiosk receives it. */
export type ScheduleItem = KioskState['playlist'][number];

/** Wall-clock time of an instant in a zone: weekday (0 = Sunday) and minutes since midnight. */
export interface LocalTime {
  day: number;
  minutes: number;
}

const DAYS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };
const formatters = new Map<string, Intl.DateTimeFormat>();

/** The display's local time; an unknown zone falls back to WIB rather than failing the lobby. */
export function localTime(at: Date, timeZone: string): LocalTime {
  let f = formatters.get(timeZone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    } catch {
      f = new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Jakarta', weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    }
    formatters.set(timeZone, f);
  }
  const parts = Object.fromEntries(f.formatToParts(at).map((p) => [p.type, p.value]));
  return { day: DAYS[parts.weekday!] ?? 0, minutes: Number(parts.hour) * 60 + Number(parts.minute) };
}

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * Whether an item may play at a local time. `days` empty means every day. A window whose `to` is
 * before its `from` crosses midnight and belongs to the day it starts: Friday 22:00–06:00 plays
 * Friday night and Saturday until 06:00. `from` equal to `to` means the whole day.
 */
export function isEligible(item: Pick<ScheduleItem, 'days' | 'from' | 'to'>, t: LocalTime): boolean {
  const onDay = (d: number) => item.days.length === 0 || item.days.includes(d);
  const from = item.from === null ? 0 : toMinutes(item.from);
  const to = item.to === null ? 24 * 60 : toMinutes(item.to);
  if (from === to) return onDay(t.day);
  if (from < to) return onDay(t.day) && t.minutes >= from && t.minutes < to;
  if (t.minutes >= from) return onDay(t.day);
  return t.minutes < to && onDay((t.day + 6) % 7);
}

/** Where the runner is: which playlist entry and since when (ms), or idle. */
export interface Cursor {
  index: number | null;
  startedAt: number;
}

/**
 * The next cursor: keep the current entry while it is eligible and its seconds have not run out;
 * otherwise the next eligible entry after it (wrapping, itself again if it is the only one);
 * nothing eligible → idle (index null).
 */
export function advance(items: ScheduleItem[], now: number, timeZone: string, cur: Cursor | null): Cursor {
  const t = localTime(new Date(now), timeZone);
  if (cur && cur.index !== null) {
    const item = items[cur.index];
    if (item && isEligible(item, t) && now < cur.startedAt + item.seconds * 1000) return cur;
  }
  const start = cur?.index ?? -1;
  for (let k = 1; k <= items.length; k++) {
    const i = (((start + k) % items.length) + items.length) % items.length;
    if (isEligible(items[i]!, t)) return { index: i, startedAt: now };
  }
  return { index: null, startedAt: now };
}

/** When the cursor must be looked at again: its entry's end, or at most a minute (windows open by the minute). */
export function nextCheck(items: ScheduleItem[], cur: Cursor, now: number): number {
  const item = cur.index === null ? null : items[cur.index];
  const end = item ? cur.startedAt + item.seconds * 1000 : Infinity;
  const minute = now + 60_000 - (now % 60_000);
  return Math.max(now + 50, Math.min(end, minute));
}

/** A push in force at `now` (server time), or null: the kiosk respects `until` without being told. */
export function activeOverride(state: KioskState, now: number): KioskScene | null {
  const o = state.override;
  if (!o) return null;
  if (o.until && Date.parse(o.until) <= now) return null;
  return o.scene;
}
