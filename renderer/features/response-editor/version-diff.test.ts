import { describe, expect, it } from 'vitest';
import { diffVersions } from './version-diff';

const ascii = (s: string): Uint8Array => new TextEncoder().encode(s);
const text = (b: Uint8Array): string => new TextDecoder('latin1').decode(b);

describe('diffVersions', () => {
  it('finds the one line whose ending changed from CRLF to a bare LF', () => {
    const parts = diffVersions(ascii('HTTP/1.1 200 OK\r\nA: 1\r\n\r\nhi'), ascii('HTTP/1.1 200 OK\r\nA: 1\n\r\nhi'));
    expect(parts.map((p) => [p.kind, text(p.bytes)])).toEqual([
      ['same', 'HTTP/1.1 200 OK\r\n'],
      ['removed', 'A: 1\r\n'],
      ['added', 'A: 1\n'],
      ['same', '\r\nhi'],
    ]);
  });
  it('keeps every byte, binary included, on both sides', () => {
    const a = Uint8Array.of(0, 255, 10, 128);
    const b = Uint8Array.of(0, 255, 10, 129);
    const parts = diffVersions(a, b);
    const joined = (kind: 'removed' | 'added') => parts.filter((p) => p.kind !== (kind === 'added' ? 'removed' : 'added')).flatMap((p) => [...p.bytes]);
    expect(joined('removed')).toEqual([...a]);
    expect(joined('added')).toEqual([...b]);
  });
});
