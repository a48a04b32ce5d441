import 'i18next';
import type id from './id.json';

// Typed keys: t('a.missing.key') fails `tsc`, so no untranslated string reaches the console.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof id };
  }
}
