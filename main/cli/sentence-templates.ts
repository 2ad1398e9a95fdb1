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
  /** Per name: whether its numbers are amounts (AMOUNT_PLACEHOLDERS), written per language. */
  readonly amounts: readonly boolean[];
}

const ABSENT = 'absent';

/** A key's sentence as a template; null when i18next must say it; ABSENT when the catalog has no such key. */
type Form = Template | null | typeof ABSENT;

/** What is known of a key: its own sentence, and its plural forms as they are asked for. */
interface Entry {
  readonly bare: Form;
  readonly plural: Map<string, Form>;
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

/** Whole numbers below this are written (and their plural form chosen) once per language. */
const CACHED_NUMBERS = 4096;

/**
 * A Translate that gives what `slow` (i18next over the same catalogs, speaking `language`) gives,
 * from templates made once. `slow` answers whatever the templates do not cover.
 */
export function templatedTranslate(language: Language, slow: Translate): Translate {
  const catalog = CATALOGS[language];
  const plurals = new Intl.PluralRules(language);
  const entries = new Map<string, Entry>();
  // Intl is slow to ask (PluralRules.select took 5 µs a call): small whole numbers are asked once.
  const amounts: string[] = [];
  const categories: string[] = [];

  const entry = (key: string): Entry => {
    let found = entries.get(key);
    if (found === undefined) {
      found = { bare: form(catalog, key), plural: new Map() };
      entries.set(key, found);
    }
    return found;
  };

  /** The plural form `_<suffix>` of a key: i18next's `count` picks it. */
  const pluralForm = (key: string, known: Entry, suffix: string): Form => {
    let found = known.plural.get(suffix);
    if (found === undefined) {
      found = form(catalog, `${key}_${suffix}`);
      known.plural.set(suffix, found);
    }
    return found;
  };

  const category = (count: number): string => {
    if (Number.isInteger(count) && count >= 0 && count < CACHED_NUMBERS) return (categories[count] ??= plurals.select(count));
    return plurals.select(count);
  };

  const amount = (value: number): string => {
    if (Number.isInteger(value) && value >= 0 && value < CACHED_NUMBERS) return (amounts[value] ??= formatAmount(value, language));
    return formatAmount(value, language);
  };

  return (key, params) => {
    if (key.includes(':')) return slow(key, params);
    const known = entry(key);
    let chosen: Form = ABSENT;
    if (params !== undefined) {
      // A param i18next takes for an option (lng, context, ...) is i18next's business.
      for (const name in params) if (I18NEXT_OPTIONS.has(name)) return slow(key, params);
      const count = params.count;
      if (count !== undefined) {
        if (typeof count !== 'number') return slow(key, params);
        // i18next's order: `_zero` for 0 where a catalog has it, the language's form, the bare key.
        if (count === 0) chosen = pluralForm(key, known, 'zero');
        if (chosen === ABSENT) chosen = pluralForm(key, known, category(count));
      }
    }
    if (chosen === ABSENT) chosen = known.bare;
    // Not in this language's catalog (i18next would try English), or more than placeholders.
    if (chosen === ABSENT || chosen === null) return slow(key, params);
    const { literals, names, amounts: isAmountName } = chosen;
    let text = literals[0] as string;
    if (names.length === 0) return text;
    if (params === undefined) return slow(key, params);
    for (let i = 0; i < names.length; i++) {
      const value = params[names[i] as string];
      let shown: string;
      if (typeof value === 'string') shown = value;
      else if (typeof value === 'number') shown = isAmountName[i] ? amount(value) : String(value);
      else if (isAmount(value)) shown = value.digits === undefined ? amount(value.amount) : formatAmount(value.amount, language, value.digits);
      else return slow(key, params); // missing, or a kind of value i18next has its own ways with
      text += shown + (literals[i + 1] as string);
    }
    return text;
  };
}

function form(catalog: CatalogTree, key: string): Form {
  const text = lookUp(catalog, key);
  return text === undefined ? ABSENT : compile(text);
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
  return { literals, names, amounts: names.map((name) => AMOUNT_PLACEHOLDERS.has(name)) };
}

function isAmount(value: unknown): value is { amount: number; digits?: number } {
  return typeof value === 'object' && value !== null && typeof (value as { amount: unknown }).amount === 'number';
}
