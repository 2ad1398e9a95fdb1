// Every waiting code has its sentence, said each of the three ways (shared/i18n/en/ui-waiting.ts),
// and in the CLI's catalog; counted ones pick their plural form by count (never built by hand).
import { describe, expect, it } from 'vitest';
import { createI18n } from '../i18n/catalog';
import { WAITING_CODES } from './waiting-codes';

const i18n = createI18n('en');
const params = { count: 2, position: 1, seconds: 5 };

describe('waiting words', () => {
  it.each(['server', 'client', 'bytes'])('every code has a sentence as the %s says it', (viewer) => {
    for (const code of WAITING_CODES) {
      const key = `ui.waiting.${viewer}.${code}`;
      expect(i18n.exists(key, params), key).toBe(true);
      expect(i18n.t(key, params)).not.toMatch(/{{|}}/);
    }
  });

  it('every code has its sentence for `wirebench connect`', () => {
    for (const code of WAITING_CODES) {
      const key = `cli.connect.waiting.${code}`;
      expect(i18n.exists(key, params), key).toBe(true);
      expect(i18n.t(key, params)).toMatch(/^Waiting: [^{}]+$/);
    }
  });

  it('a count of one and of several read differently', () => {
    expect(i18n.t('ui.waiting.client.body_bytes_due', { count: 1 })).toContain('1 more body byte:');
    expect(i18n.t('ui.waiting.client.body_bytes_due', { count: 5 })).toContain('5 more body bytes:');
  });

  it('every timer counts down in words', () => {
    for (const timer of ['idle', 'header', 'fin_wait']) expect(i18n.t(`ui.waiting.timer.${timer}`, { count: 7 })).toContain('7 s');
  });
});
