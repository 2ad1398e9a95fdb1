import { describe, expect, it } from 'vitest';
import { isLoopbackHost } from '../engine/listen-address';
import { createUpgradeGuard, parseHostHeader } from './upgrade-guard';

const TOKEN = 'c2VjcmV0LXRva2VuLWZvci10ZXN0cw';
const loopback = createUpgradeGuard({ token: TOKEN, boundHost: '127.0.0.1', port: 4321 });
const ok = (host: string, extra: { origin?: string; url?: string } = {}) =>
  loopback({ url: extra.url ?? `/ws?token=${TOKEN}`, headers: { host, origin: extra.origin } });

describe('createUpgradeGuard, bound to 127.0.0.1', () => {
  it('admits the loopback names of this port, with or without a same-origin Origin', () => {
    expect(ok('127.0.0.1:4321')).toEqual({ ok: true });
    expect(ok('localhost:4321')).toEqual({ ok: true });
    expect(ok('LocalHost:4321', { origin: 'http://localhost:4321' })).toEqual({ ok: true });
    expect(ok('127.0.0.1:4321', { origin: 'http://127.0.0.1:4321' })).toEqual({ ok: true });
  });

  it('refuses a missing or wrong token with 401', () => {
    expect(ok('127.0.0.1:4321', { url: '/ws' })).toEqual({ ok: false, status: 401 });
    expect(ok('127.0.0.1:4321', { url: '/ws?token=' })).toEqual({ ok: false, status: 401 });
    expect(ok('127.0.0.1:4321', { url: `/ws?token=${TOKEN}x` })).toEqual({ ok: false, status: 401 });
    expect(ok('127.0.0.1:4321', { url: `/ws?token=${TOKEN.slice(1)}` })).toEqual({ ok: false, status: 401 });
  });

  it('refuses DNS-rebinding Host headers and other ports with 403', () => {
    expect(ok('evil.example:4321')).toEqual({ ok: false, status: 403 });
    expect(ok('127.0.0.1:4322')).toEqual({ ok: false, status: 403 });
    expect(ok('127.0.0.1')).toEqual({ ok: false, status: 403 }); // means port 80
    expect(ok('10.0.0.1:4321')).toEqual({ ok: false, status: 403 }); // not what we are bound to
    expect(ok('')).toEqual({ ok: false, status: 403 });
    expect(ok('127.0.0.1:4321 evil')).toEqual({ ok: false, status: 403 });
  });

  it('refuses foreign and opaque origins with 403', () => {
    expect(ok('127.0.0.1:4321', { origin: 'http://evil.example' })).toEqual({ ok: false, status: 403 });
    expect(ok('127.0.0.1:4321', { origin: 'null' })).toEqual({ ok: false, status: 403 });
    expect(ok('127.0.0.1:4321', { origin: 'https://127.0.0.1:4321' })).toEqual({ ok: false, status: 403 });
    expect(ok('127.0.0.1:4321', { origin: 'http://127.0.0.1:9999' })).toEqual({ ok: false, status: 403 });
    // Same machine, but another name than the one addressed: not the page we served.
    expect(ok('127.0.0.1:4321', { origin: 'http://localhost:4321' })).toEqual({ ok: false, status: 403 });
  });

  it('answers 404 for other paths and 400 for a target that is not a path', () => {
    expect(ok('127.0.0.1:4321', { url: `/other?token=${TOKEN}` })).toEqual({ ok: false, status: 404 });
    expect(ok('127.0.0.1:4321', { url: `http://127.0.0.1:4321/ws?token=${TOKEN}` })).toEqual({ ok: false, status: 400 });
  });
});

describe('createUpgradeGuard, other bindings', () => {
  it('bound to ::1 admits [::1] and localhost', () => {
    const guard = createUpgradeGuard({ token: TOKEN, boundHost: '::1', port: 80 });
    const url = `/ws?token=${TOKEN}`;
    expect(guard({ url, headers: { host: '[::1]' } })).toEqual({ ok: true });
    expect(guard({ url, headers: { host: '[::1]:80', origin: 'http://[::1]' } })).toEqual({ ok: true });
    expect(guard({ url, headers: { host: 'localhost' } })).toEqual({ ok: true });
    expect(guard({ url, headers: { host: '127.0.0.1' } })).toEqual({ ok: false, status: 403 });
  });

  it('bound to all interfaces admits IP literals and the machine name, never other names', () => {
    const guard = createUpgradeGuard({ token: TOKEN, boundHost: '0.0.0.0', port: 5000, extraHostNames: ['lab-pc'] });
    const url = `/ws?token=${TOKEN}`;
    expect(guard({ url, headers: { host: '192.168.1.20:5000', origin: 'http://192.168.1.20:5000' } })).toEqual({ ok: true });
    expect(guard({ url, headers: { host: 'LAB-PC:5000' } })).toEqual({ ok: true });
    expect(guard({ url, headers: { host: 'evil.example:5000' } })).toEqual({ ok: false, status: 403 });
    expect(guard({ url: '/ws?token=nope', headers: { host: '192.168.1.20:5000' } })).toEqual({ ok: false, status: 401 });
  });
});

describe('parseHostHeader and isLoopbackHost', () => {
  it('parses names, IPv4 and bracketed IPv6, with the default port 80', () => {
    expect(parseHostHeader('Example.org:8080')).toEqual({ name: 'example.org', port: 8080 });
    expect(parseHostHeader('[::1]:9000')).toEqual({ name: '::1', port: 9000 });
    expect(parseHostHeader('127.0.0.1')).toEqual({ name: '127.0.0.1', port: 80 });
    expect(parseHostHeader('a:99999')).toBeNull();
    expect(parseHostHeader('user@host:1')).toBeNull();
    expect(parseHostHeader(undefined)).toBeNull();
  });

  it('knows loopback addresses', () => {
    expect(['127.0.0.1', '127.1.2.3', '::1', '[::1]', 'localhost'].map(isLoopbackHost)).toEqual([true, true, true, true, true]);
    expect(['0.0.0.0', '::', '192.168.0.1', 'example.org'].map(isLoopbackHost)).toEqual([false, false, false, false]);
  });
});
