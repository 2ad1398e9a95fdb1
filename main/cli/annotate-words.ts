// The catalog's sentences for annotate's dump, made quickly. A dump of 100 MB of small requests
// has millions of headings, each five sentences (message 1, request, 1 field, body: none,
// complete), and i18next's t() took two thirds of the time making them (looking the key up,
// choosing the plural, interpolating). The same key with the same param names (and the same
// count, which chooses the plural) always gives the same sentence around the values; so t() is
// asked once per such shape, with markers for the values, and the values are put in their place,
// amounts written as i18next would have written them (shared/i18n/number-format.ts).

import { formatAmount, AMOUNT_PLACEHOLDERS } from '../../shared/i18n/number-format';
import { FALLBACK_LANGUAGE, type Language } from '../../shared/i18n/languages';
import type { Translate } from './cli-context';

/** Marks where a value goes; never in a catalog sentence. */
const MARK = '\u0000';
/** Shapes kept; past it the cache starts again (a count that keeps changing makes a shape each). */
const MAX_SHAPES = 4096;

/** `t` with what it makes of each shape of call remembered: the same sentences, made once. */
export function rememberingShapes(t: Translate, language: Language = FALLBACK_LANGUAGE): Translate {
  const shapes = new Map<string, string[]>();
  return (key, params) => {
    if (params === undefined) return shape(shapes, key, () => [t(key)]).join('');
    const names = Object.keys(params).filter((n) => n !== 'count');
    let id = key;
    if ('count' in params) id += `${MARK}#${String(params.count)}`;
    for (const n of names) id += `${MARK}${n}`;
    const parts = shape(shapes, id, () => {
      const marked: Record<string, unknown> = { ...params };
      names.forEach((n, i) => (marked[n] = `${MARK}${i}${MARK}`));
      // Text, value number, text, value number, ..., text.
      return t(key, marked).split(MARK);
    });
    let out = parts[0] as string;
    for (let j = 1; j < parts.length; j += 2) {
      const name = names[Number(parts[j])] as string;
      const value = params[name];
      out += (typeof value === 'number' && AMOUNT_PLACEHOLDERS.has(name) ? formatAmount(value, language) : String(value)) + (parts[j + 1] as string);
    }
    return out;
  };
}

function shape(shapes: Map<string, string[]>, id: string, make: () => string[]): string[] {
  let parts = shapes.get(id);
  if (parts === undefined) {
    if (shapes.size >= MAX_SHAPES) shapes.clear();
    parts = make();
    shapes.set(id, parts);
  }
  return parts;
}
