/** Bytes for people, in decimal units like disk vendors and the recording budget: "1,5 GB". */
export function formatBytes(n: number | null | undefined, lang = 'id'): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '—';
  const units = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'];
  let v = Math.abs(n);
  let u = 0;
  while (v >= 1000 && u < units.length - 1) {
    v /= 1000;
    u++;
  }
  const digits = u === 0 || v >= 100 ? 0 : 1;
  return `${n < 0 ? '-' : ''}${v.toLocaleString(lang === 'en' ? 'en-GB' : 'id-ID', { maximumFractionDigits: digits })} ${units[u]}`;
}

/** Days with one decimal below ten ("3,5"), whole above; "—" when unknown. */
export function formatDays(d: number | null | undefined, lang = 'id'): string {
  if (d === null || d === undefined || !Number.isFinite(d)) return '—';
  return d.toLocaleString(lang === 'en' ? 'en-GB' : 'id-ID', { maximumFractionDigits: d < 10 ? 1 : 0 });
}
