// The Chinese and Russian catalogs say everything the English one says, and nothing else: every
// key, in the plural forms the language has (i18next picks them with Intl.PluralRules), with the
// same placeholders; and no English left where a translation is due. A value may stay as it is
// in English only if it is on the short list below (tokens as they are on the wire, names).
import { describe, expect, it } from 'vitest';
import { CATALOGS, type CatalogTree } from './catalog';
import { LANGUAGES, type Language } from './languages';

/** Keys whose value is the same in every language: tokens, names, units. */
const SAME_IN_EVERY_LANGUAGE: readonly RegExp[] = [
  /^ui\.app\.title$/, // the product's name
  /^ui\.language\.names\./, // each language named in itself
  /^ui\.boundary\.report\.app$/, // "Wirebench {{version}}"
  /^ui\.client\.targetPlaceholder$/, // addresses and a URL
  /^ui\.time\./, // "+{{value}} ms": units Chinese writes as they are
  /^ui\.annotation\.tree\.framing\.chunked$/, // the Transfer-Encoding token
  /^ui\.bytes\.hex$/, // the view's name, as programmers say it in every language
];

/** Words that are tokens on the wire or in code, not English to translate. */
const TOKEN = /\{\{[^}]*\}\}|\b\d{3}( [A-Z][a-z]+)+|\b[A-Z][A-Za-z-]*-[A-Za-z-]+\b|\b[A-Z0-9_/.]{2,}\b|[\w.]+\(\w*\)|--[\w-]+|"[^"]*"|`[^`]*`|https?:\/\/\S+|\S+\.(py|html|jpg|json|txt)\b/g;

/**
 * English kept inside a translated sentence on purpose: quoted program output (in “…” or «…»), what
 * a page or a program says (Hello World, while True), commands to type, JSON field names.
 */
const KEPT_ENGLISH = /“[^”]*”|«[^»]*»|„[^“]*“|Hello,? World|while True|npm run build|wirebench \w+|telnet host port|connection reset( by peer)?|request smuggling|Switching Protocols|JournalEvent:[^)]*|\((\w+, )+\w+\)|keep-alive, reset|en, zh-CN/g;

const PLURAL = /_(zero|one|two|few|many|other)$/;

function flatten(tree: CatalogTree, prefix = '', out = new Map<string, string>()): Map<string, string> {
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') out.set(prefix + key, value);
    else flatten(value, `${prefix}${key}.`, out);
  }
  return out;
}

function placeholders(text: string): string {
  return [...new Set([...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1]))].sort().join(', ');
}

/** The keys a language must have, each with the English sentence it translates. */
function expectedKeys(language: Language, english: Map<string, string>): Map<string, string> {
  const forms = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
  const expected = new Map<string, string>();
  for (const [key, text] of english) {
    if (!PLURAL.test(key)) {
      expected.set(key, text);
      continue;
    }
    const base = key.replace(PLURAL, '');
    for (const form of forms) expected.set(`${base}_${form}`, english.get(`${base}_other`) ?? text);
  }
  return expected;
}

const english = flatten(CATALOGS.en);
const SCRIPT: Record<Exclude<Language, 'en'>, RegExp> = { 'zh-CN': /\p{Script=Han}/u, ru: /\p{Script=Cyrillic}/u };

describe.each(LANGUAGES.filter((l): l is Exclude<Language, 'en'> => l !== 'en'))('the %s catalog', (language) => {
  const translated = flatten(CATALOGS[language]);
  const expected = expectedKeys(language, english);

  it('has every English key, in each of its plural forms', () => {
    expect([...expected.keys()].filter((k) => !translated.has(k))).toEqual([]);
  });

  it('has no key English does not have (nor a plural form the language does not use)', () => {
    expect([...translated.keys()].filter((k) => !expected.has(k))).toEqual([]);
  });

  it('keeps every placeholder of the English sentence, and adds none', () => {
    const differ = [...expected]
      .filter(([key]) => translated.has(key))
      .filter(([key, text]) => placeholders(translated.get(key) ?? '') !== placeholders(text))
      .map(([key, text]) => `${key}: ${placeholders(translated.get(key) ?? '')} ≠ ${placeholders(text)}`);
    expect(differ).toEqual([]);
  });

  it('leaves no English where a translation is due', () => {
    const untranslated = [...expected]
      .filter(([key]) => !SAME_IN_EVERY_LANGUAGE.some((allowed) => allowed.test(key)))
      .filter(([, text]) => /[A-Za-z]{2,}/.test(text.replace(TOKEN, ' '))) // something to translate
      .filter(([key]) => !SCRIPT[language].test(translated.get(key) ?? ''))
      .map(([key, text]) => `${key}: ${text}`);
    expect(untranslated).toEqual([]);
  });

  it('has no run of English words inside a translated sentence', () => {
    const runs = [...translated]
      .map(([key, text]) => [key, text.replace(KEPT_ENGLISH, ' | ').replace(TOKEN, ' | ').match(/[A-Za-z]{2,}([\s,]+[A-Za-z]{2,}){2,}/)?.[0]] as const)
      .filter(([, run]) => run !== undefined)
      .map(([key, run]) => `${key}: ${run}`);
    expect(runs).toEqual([]);
  });
});

describe('the list of sentences that stay as they are', () => {
  it('names only keys that exist', () => {
    for (const allowed of SAME_IN_EVERY_LANGUAGE) expect([...english.keys()].some((k) => allowed.test(k)), String(allowed)).toBe(true);
  });
});
