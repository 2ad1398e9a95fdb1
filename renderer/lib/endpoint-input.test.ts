import { describe, expect, it } from 'vitest';
import { parseHost, parsePort } from './endpoint-input';

describe('parsePort', () => {
  it('accepts whole numbers in range', () => {
    expect(parsePort('9000', 1)).toBe(9000);
    expect(parsePort(' 8888 ', 1)).toBe(8888);
    expect(parsePort('0', 0)).toBe(0);
  });
  it('refuses what is not a port', () => {
    for (const bad of ['', '0', '65536', '90.0', '9e3', '-1', 'http']) expect(parsePort(bad, 1)).toBeNull();
  });
});

describe('parseHost', () => {
  it('accepts names and literals, and unbrackets IPv6', () => {
    expect(parseHost(' localhost ')).toBe('localhost');
    expect(parseHost('[::1]')).toBe('::1');
  });
  it('refuses empty input, spaces and URLs', () => {
    for (const bad of ['', '  ', 'a b', 'http://x']) expect(parseHost(bad)).toBeNull();
  });
});
