/**
 * Clock-time helpers for recorded video. Times are epoch milliseconds; they are shown in the
 * browser's own time zone, labelled the Indonesian way (WIB/WITA/WIT) when it is one of those.
 */

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** Offset of local time from UTC at instant `t`, in ms (WIB is +7 h). */
export function localOffset(t: number): number {
  return -new Date(t).getTimezoneOffset() * MINUTE;
}

const INDONESIAN_ZONES: Record<number, string> = { 420: 'WIB', 480: 'WITA', 540: 'WIT' };

/** "WIB", "WITA", "WIT", or "UTC+05:30" elsewhere. */
export function zoneLabel(t: number): string {
  const minutes = localOffset(t) / MINUTE;
  const named = INDONESIAN_ZONES[minutes];
  if (named) return named;
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `UTC${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** `HH:mm:ss` (with `.SSS` when asked) in local time. */
export function formatTime(t: number, millis = false): string {
  const d = new Date(t);
  const base = `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
  return millis ? `${base}.${pad(d.getMilliseconds(), 3)}` : base;
}

/** A date in the user's language, e.g. "Min, 22 Nov 2026". */
export function formatDay(t: number, lang: string): string {
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'id-ID', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' }).format(t);
}

/** Full local date-time with its zone, for lists: "22/11/2026 14:30:05 WIB". */
export function formatStamp(t: number | string): string {
  const ms = typeof t === 'string' ? Date.parse(t) : t;
  if (Number.isNaN(ms)) return String(t);
  const d = new Date(ms);
  return `${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()} ${formatTime(ms)} ${zoneLabel(ms)}`;
}

/** Local `YYYY-MM-DD HH:mm:ss`, the value format of @mantine/dates pickers. */
export function toPickerValue(t: number): string {
  const d = new Date(t);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${formatTime(t)}`;
}

/** Parses a picker value (local time) back to epoch ms; null when it is not one. */
export function fromPickerValue(v: string | null): number | null {
  const m = v?.match(/^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?/);
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m;
  return new Date(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0)).getTime();
}

/** A duration for people: "1 j 5 m", "12 d" style is too terse, so "01:05:00" for clocks and words elsewhere. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.round(ms / SECOND));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}
