// How `wirebench connect` words a target it cannot use (issue 15, item 7), in the catalog's words.
import { describe, expect, it } from 'vitest';
import { createI18n } from '../../shared/i18n/catalog';
import { connectPlanFrom } from './connect-options';

const { t } = createI18n();
const sentence = (...args: string[]): string => {
  const result = connectPlanFrom({}, args);
  if (result.ok) throw new Error('expected a mistake');
  return t(result.mistake.key, result.mistake.params);
};

describe('connect target mistakes', () => {
  it('an IPv6 literal with no port suggests brackets, never another address', () => {
    const said = sentence('::1:80');
    expect(said).toContain('"[::1]:80"');
    expect(said).not.toContain('::1:80:80');
    expect(sentence('fe80::1:8080')).toContain('"[fe80::1]:8080"');
    expect(sentence('2001:db8::')).toContain('"[2001:db8::]:80"');
    // A name with no port keeps the plain advice.
    expect(sentence('localhost')).toBe('"localhost" has no port: write it as "localhost 80" or "localhost:80".');
  });

  it('quotes a long target by its start and its length, not whole', () => {
    const said = sentence('a'.repeat(100_000));
    expect(said.length).toBeLessThan(400);
    expect(said).toContain('(100000 characters)');
  });
});
