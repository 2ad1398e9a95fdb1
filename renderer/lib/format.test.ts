import { describe, expect, it } from 'vitest';
import { formatAddress, formatCount, formatDuration, formatElapsed } from './format';

describe('formatAddress', () => {
  it('writes host:port, bracketing IPv6', () => {
    expect(formatAddress({ address: '127.0.0.1', port: 9000 })).toBe('127.0.0.1:9000');
    expect(formatAddress({ address: '::1', port: 9000 })).toBe('[::1]:9000');
  });
});

describe('formatElapsed', () => {
  it('keeps loopback-sized times precise and long ones short', () => {
    expect(formatElapsed(0.4213)).toEqual({ unit: 'ms', value: '0.42' });
    expect(formatElapsed(349.84)).toEqual({ unit: 'ms', value: '349.8' });
    expect(formatElapsed(1234.5)).toEqual({ unit: 's', value: '1.234' });
    expect(formatElapsed(65_000)).toEqual({ unit: 's', value: '65.0' });
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
    expect(formatDuration(250)).toEqual({ unit: 'ms', value: '250' });
    expect(formatDuration(10_000)).toEqual({ unit: 's', value: '10' });
    expect(formatDuration(1500)).toEqual({ unit: 's', value: '1.5' });
  });
});
