import { describe, expect, it } from 'vitest';
import { decodeEscapedBytes, decodeEscapes, decodeHex, encodeLines, keyBytes, normalizePaste } from './typed-input';

const bytes = (...b: number[]): Uint8Array => Uint8Array.from(b);
const ascii = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('decodeEscapes', () => {
  it('turns \\r \\n \\t \\0 \\xHH and \\\\ into their bytes, and leaves the rest as typed', () => {
    expect(decodeEscapes(String.raw`HTTP/1.1 200 OK\r\n\r\nhi`)).toEqual({ ok: true, bytes: ascii('HTTP/1.1 200 OK\r\n\r\nhi') });
    expect(decodeEscapes(String.raw`\t\x00\xff\xFF\\x\0`)).toEqual({ ok: true, bytes: bytes(9, 0, 0xff, 0xff, 0x5c, 0x78, 0) });
    expect(decodeEscapes('')).toEqual({ ok: true, bytes: bytes() });
  });

  it('sends characters beyond ASCII as UTF-8', () => {
    expect(decodeEscapes('é\\n')).toEqual({ ok: true, bytes: bytes(0xc3, 0xa9, 0x0a) });
  });

  it('refuses an escape it does not know, naming where it is (from 0)', () => {
    expect(decodeEscapes(String.raw`ab\q`)).toEqual({ ok: false, mistake: { at: 2, problem: 'bad_escape' } });
    expect(decodeEscapes(String.raw`\x4`)).toEqual({ ok: false, mistake: { at: 0, problem: 'bad_escape' } });
    expect(decodeEscapes(String.raw`\xZZ`)).toEqual({ ok: false, mistake: { at: 0, problem: 'bad_escape' } });
    expect(decodeEscapes('trailing\\')).toEqual({ ok: false, mistake: { at: 8, problem: 'bad_escape' } });
  });
});

describe('decodeEscapedBytes', () => {
  it('decodes the escapes and keeps every other byte, valid UTF-8 or not', () => {
    expect(decodeEscapedBytes(bytes(0x41, 0x5c, 0x72, 0xff, 0xc3, 0x5c, 0x78, 0x30, 0x41, 0x5c, 0x5c))).toEqual({
      ok: true,
      bytes: bytes(0x41, 0x0d, 0xff, 0xc3, 0x0a, 0x5c),
    });
    expect(decodeEscapedBytes(bytes(0xff, 0x5c, 0x71))).toEqual({ ok: false, mistake: { at: 1, problem: 'bad_escape' } });
    expect(decodeEscapedBytes(bytes(0x5c))).toEqual({ ok: false, mistake: { at: 0, problem: 'bad_escape' } });
  });
});

describe('encodeLines', () => {
  it('ends every line with the chosen ending, whatever line breaks the text had', () => {
    expect(encodeLines('GET / HTTP/1.0', 'crlf')).toEqual({ ok: true, bytes: ascii('GET / HTTP/1.0\r\n') });
    expect(encodeLines('GET / HTTP/1.0\nHost: x\n', 'crlf')).toEqual({ ok: true, bytes: ascii('GET / HTTP/1.0\r\nHost: x\r\n\r\n') });
    expect(encodeLines('a\r\nb\rc', 'lf')).toEqual({ ok: true, bytes: ascii('a\nb\nc\n') });
    expect(encodeLines('a\nb', 'none')).toEqual({ ok: true, bytes: ascii('ab') });
    // An empty line is a blank line: Enter on nothing sends the ending alone.
    expect(encodeLines('', 'crlf')).toEqual({ ok: true, bytes: ascii('\r\n') });
    // Without the final ending, the last line goes out as typed.
    expect(encodeLines('POST / HTTP/1.1\n\nbody', 'crlf', false)).toEqual({ ok: true, bytes: ascii('POST / HTTP/1.1\r\n\r\nbody') });
  });

  it('decodes escapes per line and reports a mistake at its place in the whole text', () => {
    expect(encodeLines(String.raw`x\r`, 'none')).toEqual({ ok: true, bytes: ascii('x\r') });
    expect(encodeLines('ab\r\ncd\\q', 'crlf')).toEqual({ ok: false, mistake: { at: 6, problem: 'bad_escape' } });
    expect(encodeLines('ab\ncd\\q', 'crlf')).toEqual({ ok: false, mistake: { at: 5, problem: 'bad_escape' } });
  });
});

describe('decodeHex', () => {
  it('reads pairs of hex digits, with any whitespace between pairs', () => {
    expect(decodeHex('47 45 54 20')).toEqual({ ok: true, bytes: ascii('GET ') });
    expect(decodeHex('0d0a\n0D 0A')).toEqual({ ok: true, bytes: bytes(13, 10, 13, 10) });
    expect(decodeHex('')).toEqual({ ok: true, bytes: bytes() });
  });

  it('refuses a lone digit or a non-hex character, saying where', () => {
    expect(decodeHex('47 4')).toEqual({ ok: false, mistake: { at: 3, problem: 'odd_hex' } });
    expect(decodeHex('4 7')).toEqual({ ok: false, mistake: { at: 0, problem: 'odd_hex' } });
    expect(decodeHex('47 zz')).toEqual({ ok: false, mistake: { at: 3, problem: 'not_hex' } });
  });
});

describe('normalizePaste', () => {
  it('says which line breaks a paste had and gives them back as LF', () => {
    expect(normalizePaste('GET / HTTP/1.1\r\nHost: x\r\n')).toEqual({ text: 'GET / HTTP/1.1\nHost: x\n', lines: 3, found: 'crlf' });
    expect(normalizePaste('a\nb')).toEqual({ text: 'a\nb', lines: 2, found: 'lf' });
    expect(normalizePaste('a\rb\nc')).toEqual({ text: 'a\nb\nc', lines: 3, found: 'mixed' });
    expect(normalizePaste('abc')).toEqual({ text: 'abc', lines: 1, found: 'none' });
  });
});

describe('keyBytes (character mode)', () => {
  it('sends one character as its UTF-8 bytes, Enter as the ending, and named keys not at all', () => {
    expect(keyBytes('G', 'crlf')).toEqual(bytes(0x47));
    expect(keyBytes('é', 'crlf')).toEqual(bytes(0xc3, 0xa9));
    expect(keyBytes('Enter', 'crlf')).toEqual(bytes(13, 10));
    expect(keyBytes('Enter', 'lf')).toEqual(bytes(10));
    expect(keyBytes('Enter', 'none')).toEqual(bytes(13));
    expect(keyBytes('Backspace', 'crlf')).toEqual(bytes(0x7f));
    expect(keyBytes('Shift', 'crlf')).toBeNull();
    expect(keyBytes('ArrowUp', 'crlf')).toBeNull();
  });
});
