/** Camera categories (as in packages/shared CAMERA_CATEGORIES, copied so the bundle carries no zod). */
export const CAMERA_CATEGORY_CODES = ['fasilitas_umum', 'layanan_pemerintah', 'keramaian', 'lalu_lintas', 'puskesmas', 'pariwisata', 'ruang_terbuka_hijau', 'lainnya'] as const;

/** Public ticket format of incident reports. */
export const TICKET_RE = /^PTU-\d{6}-[A-Z0-9]{6}$/;
