// The renderer's one i18next instance, with the shared catalogs (shared/i18n). Keys are typed from
// the English catalog, so a misspelt key is a compile error rather than a raw key on screen. It
// starts in the system's language (the browser's list; in Electron, the app's locale); the
// person's own choice, kept in the settings, is applied by renderer/settings/language-choice.ts.
import { createI18n, type en } from '../shared/i18n/catalog';
import { matchLanguage, type Language } from '../shared/i18n/languages';

declare module 'i18next' {
  interface CustomTypeOptions {
    resources: { translation: typeof en };
  }
}

/** The system's language as far as we have a catalog for it. */
export function systemLanguage(): Language {
  return matchLanguage(navigator.languages.length > 0 ? navigator.languages : [navigator.language]);
}

export const i18n = createI18n(systemLanguage());
