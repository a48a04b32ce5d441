import i18n from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import id from './i18n/id.json';
import en from './i18n/en.json';

export type PortalLang = 'id' | 'en';

/** `?lang=en` chooses English; the choice is kept for the next visit. Bahasa Indonesia otherwise. */
export function initialLang(search: string, stored: string | null): PortalLang {
  const q = new URLSearchParams(search).get('lang');
  if (q === 'en' || q === 'id') return q;
  return stored === 'en' ? 'en' : 'id';
}

const STORE = 'pantau.portal.lang';

function stored(): string | null {
  try {
    return localStorage.getItem(STORE);
  } catch {
    return null; // storage blocked (private mode): the query string still works
  }
}

/** The portal's own small i18n (not the console's): Bahasa Indonesia first, English second. */
export function initI18n(): typeof i18n {
  const lng = initialLang(window.location.search, stored());
  document.documentElement.lang = lng;
  void i18n.use(initReactI18next).init({ resources: { id: { translation: id }, en: { translation: en } }, lng, fallbackLng: 'id', interpolation: { escapeValue: false } });
  return i18n;
}

/** Switches the language, remembers it and reflects it in `<html lang>`. */
export function setLang(lng: PortalLang): void {
  void i18n.changeLanguage(lng);
  document.documentElement.lang = lng;
  try {
    localStorage.setItem(STORE, lng);
  } catch {
    // not remembered; the link carries ?lang
  }
}

/** A plain-string `t`: the console's typed resources (web/src/i18n/i18next.d.ts) are not the portal's keys. */
/** The number and date locale of a portal language. */
export const localeOf = (lng: string): string => (lng === 'en' ? 'en-GB' : 'id-ID');

export type PortalT = (key: string, options?: Record<string, unknown>) => string;

/** useTranslation for the portal's own JSON. */
export function usePortalT(): { t: PortalT; i18n: typeof i18n } {
  const { t, i18n: inst } = useTranslation();
  return { t: t as unknown as PortalT, i18n: inst };
}
