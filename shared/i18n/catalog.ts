// Every sentence Wirebench shows a person, renderer and CLI alike, lives in these catalogs. English
// is the source language and the fallback; Simplified Chinese and Russian have the same keys, with
// the plural forms their language has (zh: `_other` only; ru: `_one`, `_few`, `_many`, `_other`),
// checked by catalog-parity.test.ts. Glossaries: shared/i18n/<language>/GLOSSARY.md.
import i18next, { type i18n as I18n } from 'i18next';
import { catalog as en } from './en/index';
import { catalog as ru } from './ru/index';
import { catalog as zhCN } from './zh-CN/index';
import { amountFormatter } from './number-format';
import { FALLBACK_LANGUAGE, LANGUAGES, type Language } from './languages';

export { en };

/** A catalog as i18next reads it: nested objects of sentences. */
export interface CatalogTree {
  readonly [key: string]: string | CatalogTree;
}

export const CATALOGS: Readonly<Record<Language, CatalogTree>> = { en, 'zh-CN': zhCN, ru };

export const SUPPORTED_LANGUAGES = LANGUAGES;

/** A ready i18next instance with every catalog loaded; `t('errors.port_in_use', params)`. */
export function createI18n(lng: Language = FALLBACK_LANGUAGE): I18n {
  const instance = i18next.createInstance().use(amountFormatter);
  void instance.init({
    lng,
    fallbackLng: FALLBACK_LANGUAGE,
    supportedLngs: [...LANGUAGES],
    // zh-CN is a catalog of its own, not zh with a region: look it up as written.
    load: 'currentOnly',
    resources: Object.fromEntries(LANGUAGES.map((l) => [l, { translation: CATALOGS[l] }])),
    // escapeValue: React escapes; the CLI prints plain text. alwaysFormat: amounts per locale.
    interpolation: { escapeValue: false, alwaysFormat: true },
    initAsync: false,
    returnNull: false,
  });
  return instance;
}
