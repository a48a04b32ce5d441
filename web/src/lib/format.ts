/** Audit and camera times are shown in Western Indonesia Time, the command centers' clock. */
const dateTime = new Intl.DateTimeFormat('id-ID', {
  dateStyle: 'medium',
  timeStyle: 'medium',
  timeZone: 'Asia/Jakarta',
});

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : `${dateTime.format(d)} WIB`;
}

export function formatCoord(n: number): string {
  return n.toFixed(6);
}

/** Converts a `YYYY-MM-DD` date input to an ISO instant at the start (or end) of that day in WIB. */
export function dayToIso(day: string, endOfDay: boolean): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  return `${day}T${endOfDay ? '23:59:59.999' : '00:00:00.000'}+07:00`;
}
