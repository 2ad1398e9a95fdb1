// Which of our catalogs a person gets. The renderer asks with the browser's (or Electron's)
// language list, the CLI with the POSIX locale variables; both can be overridden by a choice
// (the app's settings, the CLI's --lang). Anything we have no catalog for reads English.

export const LANGUAGES = ['en', 'zh-CN', 'ru'] as const;
export type Language = (typeof LANGUAGES)[number];

/** What the settings keep: a language, or "follow the system". */
export const LANGUAGE_CHOICES = ['system', ...LANGUAGES] as const;
export type LanguageChoice = (typeof LANGUAGE_CHOICES)[number];

export const FALLBACK_LANGUAGE: Language = 'en';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/**
 * Our catalog for one BCP 47 tag (`ru-RU`, `zh-Hans-CN`, `zh_CN`), or undefined. Every Chinese
 * tag gets zh-CN, our only Chinese catalog: a reader of Traditional characters reads Simplified
 * far more easily than English.
 */
export function catalogFor(tag: string): Language | undefined {
  const primary = tag.trim().replace(/_/g, '-').split('-')[0]?.toLowerCase();
  if (primary === 'zh') return 'zh-CN';
  if (primary === 'ru') return 'ru';
  if (primary === 'en') return 'en';
  return undefined;
}

/** The first of the person's languages (in their order of preference) we have a catalog for. */
export function matchLanguage(tags: readonly string[]): Language {
  for (const tag of tags) {
    const found = catalogFor(tag);
    if (found) return found;
  }
  return FALLBACK_LANGUAGE;
}

/**
 * The language of a POSIX process: LC_ALL, then LC_MESSAGES, then LANG decide, the way
 * setlocale(LC_MESSAGES, "") does; GNU's LANGUAGE (a colon-separated list) goes first unless the
 * locale is C/POSIX, as gettext has it. `zh_CN.UTF-8@variant` -> zh-CN.
 */
export function languageFromLocaleEnv(env: Readonly<Record<string, string | undefined>>): Language {
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== '');
  if (locale === undefined || /^(C|POSIX)([.@]|$)/.test(locale)) return FALLBACK_LANGUAGE;
  const tags = [...(env.LANGUAGE ?? '').split(':'), locale].map((v) => v.split(/[.@]/)[0] ?? '').filter((v) => v !== '');
  return matchLanguage(tags);
}

/** What a choice means here: itself, or the system's language for "system". */
export function resolveChoice(choice: LanguageChoice, system: Language): Language {
  return choice === 'system' ? system : choice;
}
