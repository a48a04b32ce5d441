/**
 * The kiosk's own few strings (no console i18n bundle on a lobby screen): Bahasa Indonesia first,
 * English with `?lang=en` on the kiosk URL.
 */
const id = {
  pairTitle: 'Pasangkan layar ini',
  pairSteps: 'Buka konsol Pantau → Layar → Pasangkan, masukkan kode',
  pairExpires: 'Kode berlaku sampai',
  connecting: 'Menghubungkan…',
  cameraUnavailable: 'Kamera tidak tersedia',
  cameraConnecting: 'Memuat…',
  incidents: 'Kejadian terbuka',
  stats: 'Statistik',
  reports: 'Laporan',
  resolved: 'Rata-rata penyelesaian',
  hours: 'jam',
  camerasOnline: 'Kamera daring',
  offline: 'Koneksi terputus — menampilkan data terakhir',
  locale: 'id-ID',
};

const en: typeof id = {
  pairTitle: 'Pair this display',
  pairSteps: 'Open the Pantau console → Displays → Pair, and enter the code',
  pairExpires: 'Code valid until',
  connecting: 'Connecting…',
  cameraUnavailable: 'Camera unavailable',
  cameraConnecting: 'Loading…',
  incidents: 'Open incidents',
  stats: 'Statistics',
  reports: 'Reports',
  resolved: 'Average resolution',
  hours: 'hours',
  camerasOnline: 'Cameras online',
  offline: 'Connection lost — showing the last data',
  locale: 'en-GB',
};

export type Strings = typeof id;

/** Strings for the kiosk URL's language. */
export function stringsFor(search: string): Strings {
  return new URLSearchParams(search).get('lang') === 'en' ? en : id;
}

export const S: Strings = typeof location === 'undefined' ? id : stringsFor(location.search);
