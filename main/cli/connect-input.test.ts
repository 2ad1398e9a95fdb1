import { describe, expect, it } from 'vitest';
import { InputEncoder, type Encoded } from './connect-input';
import type { InputMode } from './connect-options';

const latin1 = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0));
const shown = (encoded: Encoded): string => String.fromCharCode(...encoded.bytes);

/** Feeds the chunks one by one, then the end: what each step sends, as latin-1 text. */
function feed(mode: InputMode, ...chunks: string[]): string[] {
  const encoder = new InputEncoder(mode);
  return [...chunks.map((c) => shown(encoder.push(latin1(c)))), shown(encoder.end())];
}

const CRLF: InputMode = { kind: 'lines', ending: 'crlf', escapes: false };

describe('InputEncoder', () => {
  it('sends each line once its break arrives, with the chosen ending in place of its own', () => {
    expect(feed(CRLF, 'GET / HTTP/1.0\n\n')).toEqual(['GET / HTTP/1.0\r\n\r\n', '']);
    expect(feed({ kind: 'lines', ending: 'lf', escapes: false }, 'a\r\nb\rc\n')).toEqual(['a\nb\nc\n', '']);
    expect(feed(CRLF, 'par', 'tial\nrest')).toEqual(['', 'partial\r\n', 'rest\r\n']);
  });

  it('waits for the next chunk to tell a CR from the first half of a CRLF', () => {
    expect(feed(CRLF, 'a\r', '\nb\r', 'c')).toEqual(['', 'a\r\n', 'b\r\n', 'c\r\n']);
    expect(feed(CRLF, 'a\r')).toEqual(['', 'a\r\n']);
  });

  it('keeps bytes that are not UTF-8 as they are, with escapes or without', () => {
    expect(feed(CRLF, '\xff\x00\\x41\n')).toEqual(['\xff\x00\\x41\r\n', '']);
    expect(feed({ kind: 'lines', ending: 'crlf', escapes: true }, '\\x41\\0\n')).toEqual(['A\x00\r\n', '']);
    expect(feed({ kind: 'lines', ending: 'crlf', escapes: true }, '\xff\xc3\\r\n')).toEqual(['\xff\xc3\r\r\n', '']);
  });

  it('sends raw input as read, and hex as the bytes it spells', () => {
    expect(feed({ kind: 'raw' }, 'a\r', '\n')).toEqual(['a\r', '\n', '']);
    expect(feed({ kind: 'hex' }, '47 45\r\n\n54')).toEqual(['GE', 'T']);
  });

  it('names the line and column of a mistake, and sends only the lines before it', () => {
    const encoder = new InputEncoder({ kind: 'hex' });
    const result = encoder.push(latin1('47\n4 5\n48\n'));
    expect(shown(result)).toBe('G');
    expect(result.mistake).toEqual({ line: 2, column: 1, problem: 'odd_hex', char: '4' });
    const escapes = new InputEncoder({ kind: 'lines', ending: 'lf', escapes: true });
    expect(escapes.push(new TextEncoder().encode('ok\né\\q\n')).mistake).toEqual({ line: 2, column: 2, problem: 'bad_escape', char: '\\' });
  });
});
