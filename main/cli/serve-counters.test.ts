import { describe, expect, it } from 'vitest';
import { createI18n } from '../../shared/i18n/catalog';
import { countsLine } from './serve-counters';

const sayer = (language: 'en' | 'ru') => {
  const i18n = createI18n(language);
  return (key: string, params?: Record<string, unknown>): string => i18n.t(key, params ?? {});
};
const counts = { connections: 1_200, requests: 3, bytesIn: 1_048_576, bytesOut: 0, resets: 0 };
const at = new Date(2026, 10, 23, 12, 0, 1, 123).getTime();

describe('countsLine', () => {
  it('keeps the interval to a tenth of a second and groups every count', () => {
    expect(countsLine(sayer('en'), counts, 1, at)).toBe(
      '12:00:01.123  in 1.0 s: connections 1,200, requests answered 3, bytes in 1,048,576, bytes out 0, resets (RST) 0',
    );
  });

  it('writes them the Russian way', () => {
    const ru = sayer('ru');
    const grouped = { ...counts, connections: '1\u00a0200', bytesIn: '1\u00a0048\u00a0576' };
    expect(countsLine(ru, counts, 1, at)).toBe(ru('cli.serve.counters', { ...grouped, time: '12:00:01.123', seconds: '1,0' }));
  });
});
