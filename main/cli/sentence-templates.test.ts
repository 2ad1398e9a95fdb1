import { describe, expect, it } from 'vitest';
import { CATALOGS, createI18n, type CatalogTree } from '../../shared/i18n/catalog';
import { LANGUAGES } from '../../shared/i18n/languages';
import { asAmount } from '../../shared/i18n/number-format';
import { templatedTranslate } from './sentence-templates';

/** Every key of a catalog, plural forms folded into their base key (`dataIn_other` -> `dataIn`). */
function keysOf(tree: CatalogTree, prefix = ''): string[] {
  const keys = new Set<string>();
  for (const [name, value] of Object.entries(tree)) {
    const key = `${prefix}${name}`;
    if (typeof value === 'string') keys.add(key.replace(/_(zero|one|two|few|many|other)$/, ''));
    else for (const inner of keysOf(value, `${key}.`)) keys.add(inner);
  }
  return [...keys];
}

/** The placeholders a key's sentences name, in any of its plural forms. */
function placeholders(tree: CatalogTree, key: string): string[] {
  const parts = key.split('.');
  const last = parts.pop() as string;
  let node: string | CatalogTree | undefined = tree;
  for (const part of parts) node = typeof node === 'object' ? node[part] : undefined;
  if (typeof node !== 'object') return [];
  const names = new Set<string>();
  for (const [name, value] of Object.entries(node)) {
    if (typeof value !== 'string' || (name !== last && !name.startsWith(`${last}_`))) continue;
    for (const match of value.matchAll(/\{\{(.+?)\}\}/g)) names.add((match[1] as string).trim());
  }
  return [...names];
}

describe('templatedTranslate', () => {
  for (const language of LANGUAGES) {
    it(`says every sentence of the ${language} catalog as i18next does, with amounts, plurals and plain values`, () => {
      const i18n = createI18n(language);
      const slow = (key: string, params?: Record<string, unknown>): string => i18n.t(key, params ?? {});
      const fast = templatedTranslate(language, slow);
      let compared = 0;
      for (const key of keysOf(CATALOGS[language])) {
        const names = placeholders(CATALOGS[language], key);
        // Counts that reach every plural form of en, zh-CN and ru, and amounts past a thousand.
        for (const n of [0, 1, 2, 3, 5, 11, 21, 22, 101, 1234, 4095, 4096, 1_048_576, 1.5]) {
          const params: Record<string, unknown> = {};
          names.forEach((name, i) => {
            // Strings, numbers and amounts in turn, so that each kind goes in each placeholder.
            params[name] = (n + i) % 3 === 0 ? `text ${name} $& {{x}} $t(cli.serve.stopped)` : (n + i) % 3 === 1 ? n * (i + 1) : asAmount(n, 1);
          });
          params.count = n;
          expect(fast(key, params), `${language} ${key} ${n}`).toBe(slow(key, params));
          compared++;
        }
        expect(fast(key), `${language} ${key}`).toBe(slow(key));
      }
      expect(compared).toBeGreaterThan(1000);
    });
  }

  it('leaves to i18next what is not a plain fill-in: a missing value, an option, a key it does not have', () => {
    const i18n = createI18n('ru');
    const slow = (key: string, params?: Record<string, unknown>): string => i18n.t(key, params ?? {});
    const fast = templatedTranslate('ru', slow);
    expect(fast('cli.serve.event.dataIn', { length: 5 })).toBe(slow('cli.serve.event.dataIn', { length: 5 }));
    expect(fast('cli.serve.event.error', { code: 'EPIPE', lng: 'en' })).toBe('the system reported EPIPE');
    expect(fast('cli.serve.event.nothing.here')).toBe('cli.serve.event.nothing.here');
    expect(fast('cli.serve.event.dataIn', { length: 2, payload: '"ok"', count: '2' })).toBe(slow('cli.serve.event.dataIn', { length: 2, payload: '"ok"', count: '2' }));
  });
});
