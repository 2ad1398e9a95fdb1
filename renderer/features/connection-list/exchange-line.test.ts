import { describe, expect, it } from 'vitest';
import type { JournalEvent } from '../../../shared/contract/contract';
import { exchangeLineOf, matchesFilter } from './exchange-line';

let seq = 0;
const data = (dir: 'in' | 'out', text: string | null): JournalEvent => ({
  connId: 'c1',
  seq: seq++,
  at: 0,
  t: seq,
  kind: 'data',
  dir,
  length: text?.length ?? 5,
  bytes: text === null ? null : new TextEncoder().encode(text),
});

describe('exchangeLineOf', () => {
  it('reads the server side: the request came in, the status went out', () => {
    const events = [data('in', 'GET /favicon.ico HTTP/1.1\r\nHost: x\r\n\r\n'), data('out', 'HTTP/1.1 404 Not Found\r\n\r\n')];
    expect(exchangeLineOf('server', events)).toEqual({ request: 'GET /favicon.ico', status: '404 Not Found' });
  });
  it('reads the client side the other way round', () => {
    const events = [data('out', 'GET / HTTP/1.0\r\n\r\n'), data('in', 'HTTP/1.0 200 OK\r\n')];
    expect(exchangeLineOf('client', events)).toEqual({ request: 'GET /', status: '200 OK' });
  });
  it('joins a line cut across chunks, and stops at its LF', () => {
    const events = [data('in', 'GE'), data('in', 'T /a b'), data('in', 'c HTTP/1.1\nHost: y\n'), data('out', 'HTTP/1.1 2'), data('out', '00 OK\n')];
    expect(exchangeLineOf('server', events)).toEqual({ request: 'GET /a bc', status: '200 OK' });
  });
  it('has nothing before bytes come, and no status for an answer that is no status line', () => {
    expect(exchangeLineOf('server', [])).toEqual({ request: null, status: null });
    expect(exchangeLineOf('server', [data('in', 'hello\n'), data('out', 'Hello World')])).toEqual({ request: 'hello', status: null });
  });
  it('shows a line still arriving, and stops where payloads were dropped', () => {
    expect(exchangeLineOf('server', [data('in', 'GET /slow')]).request).toBe('GET /slow');
    expect(exchangeLineOf('server', [data('in', null), data('in', 'GET / HTTP/1.1\n')]).request).toBeNull();
  });
  it('keeps at most 200 characters of a line', () => {
    const long = `GET /${'a'.repeat(500)} HTTP/1.1\n`;
    expect(exchangeLineOf('server', [data('in', long)]).request).toHaveLength(200);
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
