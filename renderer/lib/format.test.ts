import { describe, expect, it } from 'vitest';
import { createI18n } from '../../shared/i18n/catalog';
import { durationText, elapsedText, formatAddress, formatCount, formatDuration, formatElapsed } from './format';

const en = createI18n('en').t;
const ru = createI18n('ru').t;

describe('formatAddress', () => {
  it('writes host:port, bracketing IPv6', () => {
    expect(formatAddress({ address: '127.0.0.1', port: 9000 })).toBe('127.0.0.1:9000');
    expect(formatAddress({ address: '::1', port: 9000 })).toBe('[::1]:9000');
  });
});

describe('formatElapsed', () => {
  it('keeps loopback-sized times precise and long ones short', () => {
    expect(formatElapsed(0.4213)).toEqual({ unit: 'ms', value: { amount: 0.42, digits: 2 } });
    expect(formatElapsed(349.84)).toEqual({ unit: 'ms', value: { amount: 349.8, digits: 1 } });
    expect(formatElapsed(1234.5)).toEqual({ unit: 's', value: { amount: 1.234, digits: 3 } });
    expect(formatElapsed(65_000)).toEqual({ unit: 's', value: { amount: 65, digits: 1 } });
  });

  it('is written as before in English, trailing zeros kept, and the Russian way in Russian', () => {
    expect(elapsedText(0.4, en)).toBe('+0.40 ms');
    expect(elapsedText(349.84, en)).toBe('+349.8 ms');
    expect(elapsedText(1234.5, en)).toBe('+1.234 s');
    expect(elapsedText(65_000, en)).toBe('+65.0 s');
    expect(elapsedText(0.4, ru)).toBe(ru('ui.time.ms', { value: '0,40' }));
    expect(elapsedText(65_000, ru)).toBe(ru('ui.time.s', { value: '65,0' }));
  });
});

describe('formatCount', () => {
  it('groups digits by three, exactly', () => {
    expect(formatCount(92)).toBe('92');
    expect(formatCount(1234567)).toBe('1\u202f234\u202f567');
  });
});

describe('formatDuration', () => {
  it('says a timeout as it was set', () => {
    expect(durationText(250, en)).toBe('250 ms');
    expect(durationText(10_000, en)).toBe('10 s');
    expect(durationText(1500, en)).toBe('1.5 s');
    expect(durationText(120_000, en)).toBe('120 s');
    expect(formatDuration(1500)).toEqual({ unit: 's', value: { amount: 1.5 } });
  });

  it('writes the decimal sign the language uses', () => {
    expect(durationText(1500, ru)).toBe(ru('ui.time.durationS', { value: '1,5' }));
    expect(durationText(120_000, ru)).toBe(ru('ui.time.durationS', { value: '120' }));
    expect(durationText(2_500_000, ru)).toBe(ru('ui.time.durationS', { value: '2\u00a0500' }));
  });
});
