// Every sentence Wirebench shows a person, renderer and CLI alike, lives in these catalogs. English
// is the source language; Chinese and Russian catalogs will sit beside it with the same keys.
import i18next, { type i18n as I18n } from 'i18next';
import { errors } from './en/errors';
import { ui } from './en/ui';
import { cli } from './en/cli';
import { notes } from './en/notes';
import { problems } from './en/problems';
import { rst } from './en/rst';

export const en = { errors, notes, problems, rst, ui, cli };

export const SUPPORTED_LANGUAGES = ['en'] as const;

/** A ready i18next instance with the catalogs loaded; `t('errors.port_in_use', params)`. */
export function createI18n(lng = 'en'): I18n {
  const instance = i18next.createInstance();
  void instance.init({
    lng,
    fallbackLng: 'en',
    resources: { en: { translation: en } },
    interpolation: { escapeValue: false }, // React escapes; the CLI prints plain text
    initAsync: false,
    returnNull: false,
  });
  return instance;
}
