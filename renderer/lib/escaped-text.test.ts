import { describe, expect, it } from 'vitest';
import { L1_HELLO_WORLD } from '../../shared/server/presets';
import { bytesToEscapedText, escapedSegments, escapedTextToBytes } from './escaped-text';

const ascii = (s: string): Uint8Array => new TextEncoder().encode(s);
const list = (b: Uint8Array): number[] => Array.from(b);

describe('bytesToEscapedText', () => {
  it('writes CR as \\r and LF as a line break, so a response reads line by line', () => {
    expect(bytesToEscapedText(ascii('HTTP/1.1 200 OK\r\nA: b\r\n\r\n'))).toBe('HTTP/1.1 200 OK\\r\nA: b\\r\n\\r\n');
  });
  it('keeps L2-style bare LF apart from CRLF', () => {
    expect(bytesToEscapedText(ascii('HTTP/1.1 200 OK\n\nHello, World!'))).toBe('HTTP/1.1 200 OK\n\nHello, World!');
  });
  it('escapes what a textarea cannot show, byte by byte', () => {
    expect(bytesToEscapedText(Uint8Array.of(0x00, 0x09, 0x5c, 0xff, 0x7f))).toBe('\\x00\\t\\\\\\xFF\\x7F');
    expect(bytesToEscapedText(ascii('é'))).toBe('é');
  });
});

describe('escapedTextToBytes', () => {
  it('reads the escapes, upper or lower case hex, and line breaks as LF', () => {
    expect(list(escapedTextToBytes('a\\r\nb\\n\\t\\x0d\\xfF\\\\'))).toEqual([
      0x61, 0x0d, 0x0a, 0x62, 0x0a, 0x09, 0x0d, 0xff, 0x5c,
    ]);
  });
  it('takes a backslash that starts no escape literally', () => {
    expect(list(escapedTextToBytes('\\q\\x4\\'))).toEqual(list(ascii('\\q\\x4\\')));
  });
  it('counts UTF-8 bytes, not characters', () => {
    expect(escapedTextToBytes('é€').length).toBe(5);
  });
});

describe('the round trip', () => {
  it('gives back exactly the bytes it was given, for the L1 preset and for random bytes', () => {
    expect(list(escapedTextToBytes(bytesToEscapedText(L1_HELLO_WORLD.bytes)))).toEqual(list(L1_HELLO_WORLD.bytes));
    let seed = 7;
    const random = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % 256;
    for (let n = 0; n < 200; n++) {
      const bytes = Uint8Array.from({ length: 1 + (n % 40) }, random);
      expect(list(escapedTextToBytes(bytesToEscapedText(bytes)))).toEqual(list(bytes));
    }
  });
});

describe('escapedSegments', () => {
  it('covers every character once, in order, with CR and LF marked', () => {
    const text = 'GET / HTTP/1.0\\r\n\\\\x\\x41\\z';
    const segments = escapedSegments(text);
    expect(segments.map((s) => s.text).join('')).toBe(text);
    expect(segments.map((s) => s.kind)).toEqual(['text', 'cr', 'lf', 'escape', 'text', 'escape', 'text']);
  });
});
