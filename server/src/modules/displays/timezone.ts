/**
 * Indonesia's three zones by province code (Kemendagri, first two digits). A display's clock and
 * its playlist windows follow its tenant's zone: Banjarmasin (63) and Tarakan (65) are WITA.
 */
const WITA = new Set(['51', '52', '53', '63', '64', '65', '71', '72', '73', '74', '75', '76']);
const WIT = new Set(['81', '82', '91', '92', '93', '94', '95', '96']);

/** The IANA zone of a region code; WIB (Asia/Jakarta) for the rest and for unknown codes. */
export function timeZoneOfRegion(regionCode: string | null | undefined): string {
  const province = (regionCode ?? '').slice(0, 2);
  if (WITA.has(province)) return 'Asia/Makassar';
  if (WIT.has(province)) return 'Asia/Jayapura';
  return 'Asia/Jakarta';
}
