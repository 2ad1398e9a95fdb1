// The same sentences i18next makes, for a line per journal event at thousands of events a second.
// i18next resolves a key, its plural form and its placeholders on every call: under load that was
// 44% of `wirebench serve`'s time (issue 19). Here each sentence is read from the catalog once per
// key and plural form, split at its placeholders, and then only filled in. Only what the catalogs
// use is done here (`{{name}}`, plural forms chosen by `count`, amounts written per language by
// number-format.ts); anything else (a nesting `$t(...)`, `{{- name}}`, `{{name, format}}`, a
// missing value, a param that is one of i18next's options) goes to i18next itself, so the result is
// always what i18next says (sentence-templates.test.ts compares the two over the catalogs).
import { CATALOGS, type CatalogTree } from '../../shared/i18n/catalog';
import type { Language } from '../../shared/i18n/languages';
import { AMOUNT_PLACEHOLDERS, formatAmount } from '../../shared/i18n/number-format';
import type { Translate } from './cli-context';

/** A sentence split at its placeholders: literals[0] names[0] literals[1] ... literals[n]. */
interface Template {
  readonly literals: readonly string[];
  readonly names: readonly string[];
}

/** i18next reads these params as options (language, context, nesting, ...): such a call is its own. */
const I18NEXT_OPTIONS: ReadonlySet<string> = new Set([
  'lng',
  'lngs',
  'fallbackLng',
  'ns',
  'context',
  'ordinal',
  'defaultValue',
  'replace',
  'returnObjects',
  'returnDetails',
  'joinArrays',
  'postProcess',
  'interpolation',
  'skipInterpolation',
  'keySeparator',
  'nsSeparator',
  'nest',
  'missingInterpolationHandler',
]);

const ABSENT = 'absent';

/** Whole numbers below this are written once per language and then looked up. */
const CACHED_AMOUNTS = 4096;

/**
 * A Translate that gives what `slow` (i18next over the same catalogs, speaking `language`) gives,
 * from templates made once. `slow` answers whatever the templates do not cover.
 */
export function templatedTranslate(language: Language, slow: Translate): Translate {
  const catalog = CATALOGS[language];
  const plurals = new Intl.PluralRules(language);
  // Per key: its template, null when i18next must say it, ABSENT when the catalog has no such key.
  // Plural forms are keys of their own (`dataIn_other`).
  const templates = new Map<string, Template | null | typeof ABSENT>();
  const amounts: string[] = [];

  const template = (key: string): Template | null | typeof ABSENT => {
    let found = templates.get(key);
    if (found === undefined) {
      const text = lookUp(catalog, key);
      found = text === undefined ? ABSENT : compile(text);
      templates.set(key, found);
    }
    return found;
  };

  const amount = (value: number): string => {
    if (Number.isInteger(value) && value >= 0 && value < CACHED_AMOUNTS) {
      return (amounts[value] ??= formatAmount(value, language));
    }
    return formatAmount(value, language);
  };

  return (key, params) => {
    if (key.includes(':')) return slow(key, params);
    let chosen: Template | null | typeof ABSENT = ABSENT;
    if (params !== undefined && params.count !== undefined) {
      const count = params.count;
      if (typeof count !== 'number') return slow(key, params);
      // i18next's order: `_zero` for 0 where a catalog has it, the language's form, the bare key.
      if (count === 0) chosen = template(`${key}_zero`);
      if (chosen === ABSENT) chosen = template(`${key}_${plurals.select(count)}`);
    }
    if (chosen === ABSENT) chosen = template(key);
    // Not in this language's catalog (i18next would try English), or more than placeholders.
    if (chosen === ABSENT || chosen === null) return slow(key, params);
    const { literals, names } = chosen;
    if (names.length === 0) return literals[0] ?? '';
    if (params === undefined) return slow(key, params);
    let text = literals[0] ?? '';
    for (let i = 0; i < names.length; i++) {
      const name = names[i] as string;
      const value = params[name];
      let shown: string;
      if (typeof value === 'string') shown = value;
      else if (typeof value === 'number') shown = AMOUNT_PLACEHOLDERS.has(name) ? amount(value) : String(value);
      else if (isAmount(value)) shown = value.digits === undefined ? amount(value.amount) : formatAmount(value.amount, language, value.digits);
      else return slow(key, params); // missing, or a kind of value i18next has its own ways with
      text += shown + (literals[i + 1] ?? '');
    }
    for (const name in params) if (I18NEXT_OPTIONS.has(name)) return slow(key, params);
    return text;
  };
}

function lookUp(catalog: CatalogTree, key: string): string | undefined {
  let node: string | CatalogTree | undefined = catalog;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || !Object.hasOwn(node, part)) return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/** Null when the sentence uses more of i18next than plain placeholders. */
function compile(text: string): Template | null {
  if (text.includes('$t(') || text.includes('{{-')) return null;
  const literals: string[] = [];
  const names: string[] = [];
  // i18next's own pattern: `{{` then the shortest run up to `}}`, trimmed.
  const placeholder = /\{\{(.+?)\}\}/g;
  let from = 0;
  for (let match = placeholder.exec(text); match !== null; match = placeholder.exec(text)) {
    const name = (match[1] as string).trim();
    if (name.includes(',') || name.includes('.')) return null;
    literals.push(text.slice(from, match.index));
    names.push(name);
    from = match.index + match[0].length;
  }
  literals.push(text.slice(from));
  return { literals, names };
}

function isAmount(value: unknown): value is { amount: number; digits?: number } {
  return typeof value === 'object' && value !== null && typeof (value as { amount: unknown }).amount === 'number';
}
