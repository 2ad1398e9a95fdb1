import { describe, expect, it } from 'vitest';
import { concatBytes, incompleteTailLength, sameBytes, utf8Encode, visibleString, visibleTokens, type ByteToken } from './bytes';

const bytes = (...values: number[]): Uint8Array => Uint8Array.from(values);
const ascii = (text: string): Uint8Array => utf8Encode(text);
const kinds = (tokens: ByteToken[]): string[] => tokens.map((t) => t.kind);

/** Every byte in exactly one token, in order: the promise the views rely on. */
function expectTiling(tokens: ByteToken[], length: number): void {
  let at = 0;
  for (const token of tokens) {
    expect(token.offset).toBe(at);
    expect(token.length).toBeGreaterThan(0);
    at += token.length;
  }
  expect(at).toBe(length);
}

describe('visibleTokens', () => {
  it('shows an HTTP request line with its CRLF, breaking after LF', () => {
    const input = ascii('GET / HTTP/1.0\r\n\r\n');
    const tokens = visibleTokens(input);
    expect(kinds(tokens)).toEqual(['text', 'cr', 'lf', 'cr', 'lf']);
    expect(tokens[0]).toEqual({ kind: 'text', offset: 0, length: 14, text: 'GET / HTTP/1.0' });
    expect(tokens[1]).toEqual({ kind: 'cr', offset: 14, length: 1, text: '␍', name: 'CR' });
    expect(tokens[2]).toEqual({ kind: 'lf', offset: 15, length: 1, text: '␊', name: 'LF' });
    expect(visibleString(input)).toBe('GET / HTTP/1.0␍␊\n␍␊\n');
  });

  it('keeps a bare LF (lesson L2) distinguishable from CRLF', () => {
    expect(visibleString(ascii('HTTP/1.1 200 OK\n\nHello'))).toBe('HTTP/1.1 200 OK␊\n␊\nHello');
  });

  it('shows TAB, NUL, ESC and DEL as control pictures', () => {
    const tokens = visibleTokens(bytes(0x09, 0x00, 0x1b, 0x7f, 0x41));
    expect(tokens.map((t) => t.text)).toEqual(['␉', '␀', '␛', '␡', 'A']);
    expect(kinds(tokens)).toEqual(['tab', 'control', 'control', 'control', 'text']);
    expect(tokens.map((t) => t.name)).toEqual(['TAB', 'NUL', 'ESC', 'DEL', undefined]);
  });

  it('shows valid UTF-8 as characters, with byte lengths that match the wire', () => {
    const input = ascii('é€😀!'); // 2 + 3 + 4 + 1 bytes
    const tokens = visibleTokens(input);
    expect(tokens).toEqual([{ kind: 'text', offset: 0, length: 10, text: 'é€😀!' }]);
  });

  it('shows invalid bytes as \\xHH, one token per byte, and never loses one', () => {
    // 0xC0 0xAF is an overlong "/" (RFC 3629 forbids it: it was a path-traversal trick).
    const input = bytes(0x41, 0xc0, 0xaf, 0xff, 0x42);
    const tokens = visibleTokens(input);
    expect(tokens.map((t) => t.text)).toEqual(['A', '\\xC0', '\\xAF', '\\xFF', 'B']);
    expectTiling(tokens, input.length);
  });

  it('rejects UTF-16 surrogates and code points past U+10FFFF', () => {
    expect(visibleString(bytes(0xed, 0xa0, 0x80))).toBe('\\xED\\xA0\\x80');
    expect(visibleString(bytes(0xf4, 0x90, 0x80, 0x80))).toBe('\\xF4\\x90\\x80\\x80');
    expect(visibleString(bytes(0xf4, 0x8f, 0xbf, 0xbf))).toBe('\u{10FFFF}');
  });

  it('marks a character cut by the end of a chunk as incomplete, not as garbage', () => {
    const euro = ascii('€'); // E2 82 AC
    const tokens = visibleTokens(concatBytes([ascii('5'), euro.subarray(0, 2)]));
    expect(tokens.at(-1)).toEqual({ kind: 'incomplete', offset: 1, length: 2, text: '\\xE2\\x82' });
    // Joined with the next chunk of the same direction, it is one character again.
    expect(visibleString(concatBytes([ascii('5'), euro.subarray(0, 2), euro.subarray(2)]))).toBe('5€');
  });

  it('escapes characters that are valid but invisible or reorder the line', () => {
    const input = concatBytes([ascii('a'), ascii('\u202e'), ascii('b'), ascii('\u0085'), ascii('\ufeff')]);
    const tokens = visibleTokens(input);
    expect(tokens.map((t) => t.text)).toEqual(['a', '\\u202E', 'b', '\\u0085', '\\uFEFF']);
    expect(kinds(tokens)).toEqual(['text', 'control', 'text', 'control', 'control']);
    expectTiling(tokens, input.length);
  });

  it('tiles any input exactly, and agrees with TextDecoder on what is valid', () => {
    // A deterministic pseudo-random generator: reproducible failures, no flaky seeds.
    let seed = 0x2545f491;
    const next = (): number => {
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      return (seed >>> 0) % 256;
    };
    const strict = new TextDecoder('utf-8', { fatal: true });
    for (let round = 0; round < 300; round++) {
      const input = Uint8Array.from({ length: 1 + (round % 40) }, next);
      const tokens = visibleTokens(input);
      expectTiling(tokens, input.length);
      for (const token of tokens) {
        const slice = input.subarray(token.offset, token.offset + token.length);
        if (token.kind === 'text') expect(strict.decode(slice)).toBe(token.text);
        if (token.kind === 'invalid') expect(() => strict.decode(slice)).toThrow();
      }
    }
  });

  it('returns no tokens for no bytes', () => {
    expect(visibleTokens(new Uint8Array(0))).toEqual([]);
  });
});

describe('utf8Encode', () => {
  it('encodes what was typed, plus the CRLF the console adds, byte for byte', () => {
    expect(Array.from(utf8Encode('GET /é\r\n'))).toEqual([0x47, 0x45, 0x54, 0x20, 0x2f, 0xc3, 0xa9, 0x0d, 0x0a]);
  });
  it('encodes a blank line as exactly CR LF', () => {
    expect(Array.from(utf8Encode('' + '\r\n'))).toEqual([0x0d, 0x0a]);
  });
});

describe('concatBytes', () => {
  it('joins chunks in order', () => {
    expect(Array.from(concatBytes([bytes(1, 2), bytes(), bytes(3)]))).toEqual([1, 2, 3]);
  });
});

describe('incompleteTailLength', () => {
  it('finds a character cut by the end, and nothing else', () => {
    const smile = ascii('😀'); // F0 9F 98 80
    expect(incompleteTailLength(ascii('ab'))).toBe(0);
    expect(incompleteTailLength(concatBytes([ascii('a'), smile]))).toBe(0);
    expect(incompleteTailLength(concatBytes([ascii('a'), smile.subarray(0, 1)]))).toBe(1);
    expect(incompleteTailLength(concatBytes([ascii('a'), smile.subarray(0, 3)]))).toBe(3);
    expect(incompleteTailLength(bytes(0x41, 0xff))).toBe(0); // invalid, not incomplete
    expect(incompleteTailLength(bytes(0x80, 0x80, 0x80))).toBe(0); // stray continuation bytes
    expect(incompleteTailLength(new Uint8Array(0))).toBe(0);
  });
});

describe('sameBytes', () => {
  it('compares content, not identity', () => {
    expect(sameBytes(bytes(1, 2), bytes(1, 2))).toBe(true);
    expect(sameBytes(bytes(1, 2), bytes(1, 3))).toBe(false);
    expect(sameBytes(bytes(1, 2), bytes(1, 2, 3).subarray(0, 2))).toBe(true);
    expect(sameBytes(bytes(1), bytes(1, 1))).toBe(false);
  });
});
