import { describe, expect, it } from 'vitest';
import { decodeEscapes } from './decode-escapes';

const bytes = (...b: number[]): Uint8Array => Uint8Array.from(b);

describe('decodeEscapes', () => {
  it('turns \\r \\n \\t \\xHH and \\\\ into their bytes, and leaves the rest as typed', () => {
    expect(decodeEscapes(String.raw`HTTP/1.1 200 OK\r\n\r\nhi`)).toEqual({
      ok: true,
      bytes: new TextEncoder().encode('HTTP/1.1 200 OK\r\n\r\nhi'),
    });
    expect(decodeEscapes(String.raw`\t\x00\xff\xFF\\x`)).toEqual({ ok: true, bytes: bytes(9, 0, 0xff, 0xff, 0x5c, 0x78) });
    expect(decodeEscapes('')).toEqual({ ok: true, bytes: bytes() });
  });

  it('sends characters beyond ASCII as UTF-8', () => {
    expect(decodeEscapes('é\\n')).toEqual({ ok: true, bytes: bytes(0xc3, 0xa9, 0x0a) });
  });

  it('refuses an escape it does not know, naming where it is (from 1)', () => {
    expect(decodeEscapes(String.raw`ab\q`)).toEqual({ ok: false, at: 3 });
    expect(decodeEscapes(String.raw`\x4`)).toEqual({ ok: false, at: 1 });
    expect(decodeEscapes(String.raw`\xZZ`)).toEqual({ ok: false, at: 1 });
    expect(decodeEscapes('trailing\\')).toEqual({ ok: false, at: 9 });
  });
});
