import { describe, expect, it } from 'vitest';
import { growFirstLine, type FirstLineState } from '../../../shared/contract/first-line';
import { exchangeLineOf, matchesFilter } from './exchange-line';

/** The summary's first lines after these chunks, as the engine's journal grows them. */
function firstLines(chunks: ['in' | 'out', string][]): { in: string | null; out: string | null } {
  const lines: Record<'in' | 'out', FirstLineState> = { in: { text: null, done: false }, out: { text: null, done: false } };
  for (const [dir, text] of chunks) lines[dir] = growFirstLine(lines[dir], new TextEncoder().encode(text));
  return { in: lines.in.text, out: lines.out.text };
}

describe('exchangeLineOf', () => {
  it('reads the server side: the request came in, the status went out', () => {
    const lines = firstLines([['in', 'GET /favicon.ico HTTP/1.1\r\nHost: x\r\n\r\n'], ['out', 'HTTP/1.1 404 Not Found\r\n\r\n']]);
    expect(exchangeLineOf('server', lines)).toEqual({ request: 'GET /favicon.ico', status: '404 Not Found' });
  });
  it('reads the client side the other way round', () => {
    const lines = firstLines([['out', 'GET / HTTP/1.0\r\n\r\n'], ['in', 'HTTP/1.0 200 OK\r\n']]);
    expect(exchangeLineOf('client', lines)).toEqual({ request: 'GET /', status: '200 OK' });
  });
  it('joins a line cut across chunks, and stops at its LF', () => {
    const lines = firstLines([['in', 'GE'], ['in', 'T /a b'], ['in', 'c HTTP/1.1\nHost: y\n'], ['out', 'HTTP/1.1 2'], ['out', '00 OK\n'], ['in', 'more']]);
    expect(exchangeLineOf('server', lines)).toEqual({ request: 'GET /a bc', status: '200 OK' });
  });
  it('has nothing before bytes come, and no status for an answer that is no status line', () => {
    expect(exchangeLineOf('server', { in: null, out: null })).toEqual({ request: null, status: null });
    expect(exchangeLineOf('server', firstLines([['in', 'hello\n'], ['out', 'Hello World']]))).toEqual({ request: 'hello', status: null });
  });
  it('shows a line still arriving', () => {
    expect(exchangeLineOf('server', firstLines([['in', 'GET /slow']])).request).toBe('GET /slow');
  });
  it('keeps at most 200 characters of a line', () => {
    const long = `GET /${'a'.repeat(500)} HTTP/1.1\n`;
    expect(exchangeLineOf('server', firstLines([['in', long]])).request).toHaveLength(200);
  });
});

describe('matchesFilter', () => {
  const words = ['127.0.0.1:9000', 'GET /favicon.ico', '404 Not Found', null];
  it('matches any word, ignoring case and surrounding spaces', () => {
    expect(matchesFilter('FAVICON', words)).toBe(true);
    expect(matchesFilter(' 404 ', words)).toBe(true);
    expect(matchesFilter(':9000', words)).toBe(true);
  });
  it('matches everything when empty, and nothing that is not there', () => {
    expect(matchesFilter('', words)).toBe(true);
    expect(matchesFilter('POST', words)).toBe(false);
  });
});
