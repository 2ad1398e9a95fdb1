// The renderer's one i18next instance, with the shared catalogs (shared/i18n). Keys are typed from
// the English catalog, so a misspelt key is a compile error rather than a raw key on screen.
import { createI18n, type en } from '../shared/i18n/catalog';

declare module 'i18next' {
  interface CustomTypeOptions {
    resources: { translation: typeof en };
  }
}

export const i18n = createI18n(navigator.language.split('-')[0] ?? 'en');
