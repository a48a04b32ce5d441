import type { CalendarOverride } from './calendar.ts';

/**
 * Day-off corrections from the SKB 3 Menteri decrees, built in so a new tenant starts with them;
 * each tenant can add to or undo them through its editable list (ppid_calendar_days), which wins.
 *
 * 2025: SKB 3 Menteri 2025 (revised): Idul Fitri 31 Mar–1 Apr, 1 Muharram on 27 Jun (the library
 * says 26 Jun), cuti bersama as decreed incl. 18 Aug added later in the year.
 * 2026: SKB 3 Menteri 2026 as known when this was written; verify against the signed decree and
 * correct through the editable list. 2027: no decree known yet, so the library's astronomical dates
 * stand (Idul Fitri 9–10 Mar 2027) until the tenant enters the SKB.
 */
export const DECREE_OVERRIDES: readonly CalendarOverride[] = [
  { date: '2025-01-28', kind: 'cuti_bersama', label: 'Cuti bersama Tahun Baru Imlek (SKB 2025)' },
  { date: '2025-03-28', kind: 'cuti_bersama', label: 'Cuti bersama Hari Suci Nyepi (SKB 2025)' },
  { date: '2025-03-31', kind: 'holiday', label: 'Hari Raya Idul Fitri 1446 H (SKB 2025)' },
  { date: '2025-04-01', kind: 'holiday', label: 'Hari Raya Idul Fitri 1446 H (SKB 2025)' },
  { date: '2025-04-02', kind: 'cuti_bersama', label: 'Cuti bersama Idul Fitri (SKB 2025)' },
  { date: '2025-04-03', kind: 'cuti_bersama', label: 'Cuti bersama Idul Fitri (SKB 2025)' },
  { date: '2025-04-04', kind: 'cuti_bersama', label: 'Cuti bersama Idul Fitri (SKB 2025)' },
  { date: '2025-04-07', kind: 'cuti_bersama', label: 'Cuti bersama Idul Fitri (SKB 2025)' },
  { date: '2025-05-13', kind: 'cuti_bersama', label: 'Cuti bersama Hari Raya Waisak (SKB 2025)' },
  { date: '2025-05-30', kind: 'cuti_bersama', label: 'Cuti bersama Kenaikan Yesus Kristus (SKB 2025)' },
  { date: '2025-06-09', kind: 'cuti_bersama', label: 'Cuti bersama Idul Adha (SKB 2025)' },
  { date: '2025-06-26', kind: 'workday', label: 'Bukan libur: 1 Muharram jatuh 27 Juni (SKB 2025)' },
  { date: '2025-06-27', kind: 'holiday', label: 'Tahun Baru Islam 1447 H (SKB 2025)' },
  { date: '2025-08-18', kind: 'cuti_bersama', label: 'Cuti bersama HUT RI (SKB 2025, perubahan)' },
  { date: '2025-12-26', kind: 'cuti_bersama', label: 'Cuti bersama Hari Raya Natal (SKB 2025)' },
  { date: '2026-02-16', kind: 'cuti_bersama', label: 'Cuti bersama Tahun Baru Imlek (SKB 2026)' },
  { date: '2026-03-18', kind: 'cuti_bersama', label: 'Cuti bersama Hari Suci Nyepi (SKB 2026)' },
  { date: '2026-03-20', kind: 'cuti_bersama', label: 'Cuti bersama Idul Fitri (SKB 2026)' },
  { date: '2026-03-21', kind: 'holiday', label: 'Hari Raya Idul Fitri 1447 H (SKB 2026)' },
  { date: '2026-03-22', kind: 'holiday', label: 'Hari Raya Idul Fitri 1447 H (SKB 2026)' },
  { date: '2026-03-23', kind: 'cuti_bersama', label: 'Cuti bersama Idul Fitri (SKB 2026)' },
  { date: '2026-03-24', kind: 'cuti_bersama', label: 'Cuti bersama Idul Fitri (SKB 2026)' },
  { date: '2026-05-15', kind: 'cuti_bersama', label: 'Cuti bersama Kenaikan Yesus Kristus (SKB 2026)' },
  { date: '2026-05-28', kind: 'cuti_bersama', label: 'Cuti bersama Idul Adha (SKB 2026)' },
  { date: '2026-12-24', kind: 'cuti_bersama', label: 'Cuti bersama Hari Raya Natal (SKB 2026)' },
];
