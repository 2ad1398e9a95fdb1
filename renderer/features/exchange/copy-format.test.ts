import { describe, expect, it } from 'vitest';
import { copyAsEscaped, copyAsHex, copyAsText } from './copy-format';
import { ascii } from './test-exchange';

describe('copy formats', () => {
  const request = ascii('GET / HTTP/1.1\r\n');

  it('copies as text, CR and LF as they are', () => {
    expect(copyAsText(request)).toBe('GET / HTTP/1.1\r\n');
    expect(copyAsText(ascii('caf\u00e9'))).toBe('café');
  });

  it('copies as an escaped string literal, JSON-style', () => {
    expect(copyAsEscaped(request)).toBe('"GET / HTTP/1.1\\r\\n"');
    expect(copyAsEscaped(ascii('a\tb "q" \\ \b\f'))).toBe('"a\\tb \\"q\\" \\\\ \\b\\f"');
    expect(copyAsEscaped(new Uint8Array([0x00, 0x1b, 0x7f]))).toBe('"\\u0000\\u001B\\u007F"');
    // Valid UTF-8 stays itself; a zero-width space is escaped so it can be seen.
    expect(copyAsEscaped(ascii('é\u200b'))).toBe('"é\\u200B"');
    // The result is a JSON string whenever the bytes are UTF-8.
    const sample = ascii('Host: x\r\n\t"\\\u0001é');
    expect(JSON.parse(copyAsEscaped(sample))).toBe(new TextDecoder().decode(sample));
  });

  it('writes \\xHH for bytes that are not UTF-8, one per byte', () => {
    expect(copyAsEscaped(new Uint8Array([0x41, 0xff, 0xc3]))).toBe('"A\\xFF\\xC3"');
  });

  it('copies as hex, 16 bytes to a line', () => {
    expect(copyAsHex(ascii('GET'))).toBe('47 45 54');
    expect(copyAsHex(new Uint8Array(17).fill(0x0a))).toBe(`${Array(16).fill('0A').join(' ')}\n0A`);
    expect(copyAsHex(new Uint8Array(0))).toBe('');
  });
});
