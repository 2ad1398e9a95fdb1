import { describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import { createI18n } from '../../../shared/i18n/catalog';
import { rememberedT } from './remembered-t';

describe('rememberedT', () => {
  it('says what t says, and asks t once per phrase', () => {
    const t = createI18n().t as unknown as TFunction;
    let calls = 0;
    const counting = ((key: string, options?: Record<string, unknown>) => {
      calls++;
      return (t as unknown as (k: string, o?: Record<string, unknown>) => string)(key, options);
    }) as unknown as TFunction;
    const remembered = rememberedT(counting);
    const phrases: [string, Record<string, unknown>?][] = [
      ['ui.conns.role.server'],
      ['ui.conns.endpoints', { local: '127.0.0.1:9000', remote: '127.0.0.1:50000' }],
      ['ui.conns.totals', { count: 1, bytesIn: '5', bytesOut: '7' }],
      ['ui.conns.totals', { count: 2, bytesIn: '5', bytesOut: '7' }],
    ];
    const say = (f: TFunction, [key, options]: [string, Record<string, unknown>?]): string =>
      (f as unknown as (k: string, o?: Record<string, unknown>) => string)(key, options);
    const first = phrases.map((p) => say(remembered, p));
    expect(first).toEqual(phrases.map((p) => say(t, p)));
    expect(first[2]).not.toBe(first[3]); // the plural follows count
    expect(phrases.map((p) => say(remembered, p))).toEqual(first);
    expect(calls).toBe(phrases.length);
  });
});
