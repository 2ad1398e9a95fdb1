import { describe, expect, it } from 'vitest';
import { formatTarget, parseTarget, requestForUrl } from './target';

describe('parseTarget', () => {
  it("reads telnet's `host port`, `host:port` and bracketed IPv6", () => {
    expect(parseTarget('localhost 8888')).toEqual({ ok: true, target: { host: 'localhost', port: 8888, url: null } });
    expect(parseTarget(' 127.0.0.1:9000 ')).toEqual({ ok: true, target: { host: '127.0.0.1', port: 9000, url: null } });
    expect(parseTarget('[::1]:9000')).toEqual({ ok: true, target: { host: '::1', port: 9000, url: null } });
    expect(parseTarget('::1 9000')).toEqual({ ok: true, target: { host: '::1', port: 9000, url: null } });
    expect(parseTarget('[::1] 9000')).toEqual({ ok: true, target: { host: '::1', port: 9000, url: null } });
  });

  it('splits a URL into scheme, host, port and path (lesson L2)', () => {
    expect(parseTarget('http://localhost:8888/hello')).toEqual({
      ok: true,
      target: { host: 'localhost', port: 8888, url: { scheme: 'http', host: 'localhost', explicitPort: 8888, path: '/hello' } },
    });
    expect(parseTarget('http://example.test')).toEqual({
      ok: true,
      target: { host: 'example.test', port: 80, url: { scheme: 'http', host: 'example.test', explicitPort: null, path: '/' } },
    });
    expect(parseTarget('HTTP://[::1]:9000/a/b?c=d#frag')).toMatchObject({
      ok: true,
      target: { host: '::1', port: 9000, url: { scheme: 'http', path: '/a/b?c=d' } },
    });
    expect(parseTarget('http://h?q')).toMatchObject({ ok: true, target: { url: { path: '/?q' } } });
  });

  it('says what is wrong with a target it cannot use', () => {
    expect(parseTarget('  ')).toEqual({ ok: false, problem: 'empty' });
    expect(parseTarget('localhost')).toEqual({ ok: false, problem: 'no_port' });
    expect(parseTarget('::1')).toEqual({ ok: false, problem: 'no_port' });
    expect(parseTarget('localhost:')).toEqual({ ok: false, problem: 'no_port' });
    expect(parseTarget('localhost 0')).toEqual({ ok: false, problem: 'bad_port' });
    expect(parseTarget('localhost:70000')).toEqual({ ok: false, problem: 'bad_port' });
    expect(parseTarget('localhost 90x')).toEqual({ ok: false, problem: 'bad_port' });
    expect(parseTarget('a b c')).toEqual({ ok: false, problem: 'bad_host' });
    expect(parseTarget('ho/st 80')).toEqual({ ok: false, problem: 'bad_host' });
    expect(parseTarget('https://localhost/')).toEqual({ ok: false, problem: 'tls_not_supported' });
    expect(parseTarget('ftp://localhost/')).toEqual({ ok: false, problem: 'scheme_not_http' });
    expect(parseTarget('http://user@localhost/')).toEqual({ ok: false, problem: 'bad_url' });
    expect(parseTarget('http://localhost:x/')).toEqual({ ok: false, problem: 'bad_port' });
  });
});

describe('requestForUrl', () => {
  it('fills in the request line with the path and a Host header with the port when one was written', () => {
    expect(requestForUrl({ scheme: 'http', host: 'localhost', explicitPort: 8888, path: '/hello' })).toEqual({
      requestLine: 'GET /hello HTTP/1.1',
      hostHeader: 'localhost:8888',
    });
    expect(requestForUrl({ scheme: 'http', host: '::1', explicitPort: null, path: '/' })).toEqual({
      requestLine: 'GET / HTTP/1.1',
      hostHeader: '[::1]',
    });
  });
});

describe('formatTarget', () => {
  it('brackets an IPv6 literal', () => {
    expect(formatTarget({ host: '::1', port: 80 })).toBe('[::1]:80');
    expect(formatTarget({ host: 'localhost', port: 80 })).toBe('localhost:80');
  });
});
