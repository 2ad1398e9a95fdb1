import { describe, expect, it } from 'vitest';
import { ServerSettings } from '../../shared/server/settings';
import { L1_HELLO_WORLD } from '../../shared/server/presets';
import { L3_ROUTES } from '../../shared/server/presets';
import { DEFAULT_SERVER_SETTINGS } from '../../shared/server/defaults';
import { checkListen, checkSettings, DEFAULT_DRAFT, draftFromServer, isLoopbackHost, routeDraft, sameSettings } from './server-draft';
import { fileBody } from '../lib/response-doc';
import { server } from './test-data';

describe('the default form', () => {
  it('is lesson L1’s server on 127.0.0.1:9000, and gives the engine’s defaults back', () => {
    expect(checkListen(DEFAULT_DRAFT)).toEqual({ ok: true, value: { host: '127.0.0.1', port: 9000, backlog: 5, exposeToNetwork: false } });
    const settings = checkSettings(DEFAULT_DRAFT);
    expect(settings.ok && sameSettings(settings.value, DEFAULT_SERVER_SETTINGS)).toBe(true);
    expect(settings.ok && Array.from(settings.value.responder.kind === 'canned' ? settings.value.responder.bytes : [])).toEqual(
      Array.from(L1_HELLO_WORLD.bytes),
    );
  });
});

describe('checkSettings', () => {
  it('names the first field in trouble, with its sentence', () => {
    const bad = checkSettings({ ...DEFAULT_DRAFT, dripBytes: '0' });
    expect(bad).toEqual({ ok: false, problem: { field: 'dripBytes', message: { key: 'ui.server.invalid.dripBytes', params: {} } } });
    expect(checkSettings({ ...DEFAULT_DRAFT, idleTimeoutS: '3601' }).ok).toBe(false);
    expect(checkSettings({ ...DEFAULT_DRAFT, headerTimeoutS: '-1' }).ok).toBe(false);
    expect(checkSettings({ ...DEFAULT_DRAFT, halfCloseWaitMs: '1.5' }).ok).toBe(false);
  });

  it('takes timeouts in seconds and gives milliseconds', () => {
    const s = checkSettings({ ...DEFAULT_DRAFT, idleTimeoutS: '0.25', headerTimeoutS: '0' });
    expect(s.ok && [s.value.idleTimeoutMs, s.value.headerTimeoutMs]).toEqual([250, 0]);
  });

  it('gives what the contract accepts, for every responder', () => {
    const drafts = [
      { ...DEFAULT_DRAFT, responder: 'static' as const, staticRoot: '  ' },
      { ...DEFAULT_DRAFT, responder: 'static' as const, staticRoot: '/srv/www' },
      { ...DEFAULT_DRAFT, responder: 'echo' as const },
      { ...DEFAULT_DRAFT, responder: 'routes' as const, routes: L3_ROUTES.map(routeDraft) },
      { ...DEFAULT_DRAFT, after: 'drip' as const, dripBytes: '1', dripEveryMs: '60000' },
    ];
    for (const draft of drafts) {
      const s = checkSettings(draft);
      expect(s.ok).toBe(true);
      if (s.ok) expect(ServerSettings.safeParse(s.value).success).toBe(true);
    }
    const sample = checkSettings(drafts[0] ?? DEFAULT_DRAFT);
    expect(sample.ok && sample.value.responder).toEqual({ kind: 'static', root: null });
  });

  it('refuses a route the contract would refuse, naming it', () => {
    const route = { method: 'get', path: '/', kind: 'file' as const, text: '', file: 'a.html', contentType: 'text/html' };
    const bad = checkSettings({ ...DEFAULT_DRAFT, responder: 'routes', routes: [routeDraft(L3_ROUTES[0]!), route] });
    expect(bad.ok ? null : bad.problem).toEqual({ field: 'route1', message: { key: 'ui.server.invalid.routeMethod', params: { n: 2 } } });
    expect(checkSettings({ ...DEFAULT_DRAFT, responder: 'routes', routes: [{ ...route, method: 'GET', path: 'x' }] }).ok).toBe(false);
    expect(checkSettings({ ...DEFAULT_DRAFT, responder: 'routes', routes: [{ ...route, method: 'GET', file: ' ' }] }).ok).toBe(false);
  });
});

describe('checkSettings, with the contract’s schemas behind it', () => {
  it('names the static root when its path is longer than the contract takes', () => {
    const bad = checkSettings({ ...DEFAULT_DRAFT, responder: 'static', staticRoot: `/${'a'.repeat(4096)}` });
    expect(bad.ok ? null : bad.problem).toEqual({ field: 'staticRoot', message: { key: 'ui.server.invalid.staticRoot', params: {} } });
  });

  it('names a route’s Content-Type, and too many routes before any one route', () => {
    const route = { method: 'GET', path: '/', kind: 'file' as const, text: '', file: 'a.html', contentType: ' ' };
    const bad = checkSettings({ ...DEFAULT_DRAFT, responder: 'routes', routes: [route] });
    expect(bad.ok ? null : bad.problem).toEqual({ field: 'route0', message: { key: 'ui.server.invalid.routeContentType', params: { n: 1 } } });
    const many = checkSettings({ ...DEFAULT_DRAFT, responder: 'routes', routes: Array.from({ length: 201 }, () => route) });
    expect(many.ok ? null : many.problem).toEqual({ field: 'route0', message: { key: 'ui.server.invalid.tooManyRoutes', params: {} } });
  });
});

describe('checkListen', () => {
  it('allows port 0 (any free port) and refuses a bad backlog', () => {
    expect(checkListen({ ...DEFAULT_DRAFT, port: '0' }).ok).toBe(true);
    expect(checkListen({ ...DEFAULT_DRAFT, backlog: '0' })).toMatchObject({ ok: false, problem: { field: 'backlog' } });
    expect(checkListen({ ...DEFAULT_DRAFT, port: '70000' })).toMatchObject({ ok: false, problem: { field: 'port' } });
  });

  it('asks to expose only beyond loopback', () => {
    const on = (host: string) => checkListen({ ...DEFAULT_DRAFT, host, expose: true });
    expect(on('127.0.0.1')).toMatchObject({ value: { exposeToNetwork: false } });
    expect(on('0.0.0.0')).toMatchObject({ value: { exposeToNetwork: true } });
    expect(checkListen({ ...DEFAULT_DRAFT, host: '0.0.0.0' })).toMatchObject({ value: { exposeToNetwork: false } });
  });
});

describe('isLoopbackHost', () => {
  it('knows loopback from the rest', () => {
    for (const h of ['127.0.0.1', '127.1.2.3', '::1', '[::1]', '0:0:0:0:0:0:0:1', 'localhost', 'LOCALHOST', '::ffff:127.0.0.1'])
      expect(isLoopbackHost(h)).toBe(true);
    for (const h of ['0.0.0.0', '::', '192.168.1.10', 'example.com', '128.0.0.1', '::2'])
      expect(isLoopbackHost(h)).toBe(false);
  });
});

describe('draftFromServer', () => {
  it('reads back what checkSettings made', () => {
    const settings = { ...DEFAULT_SERVER_SETTINGS, after: 'drip' as const, idleTimeoutMs: 1500, responder: { kind: 'routes' as const, routes: [...L3_ROUTES] } };
    const draft = draftFromServer(server('s1', 9000, true, { settings }), DEFAULT_DRAFT);
    const again = checkSettings(draft);
    expect(draft.idleTimeoutS).toBe('1.5');
    expect(again.ok && sameSettings(again.value, settings)).toBe(true);
  });
});

describe('the canned response with a body from a file', () => {
  const head = 'HTTP/1.1 200 OK\r\nContent-Type: image/jpeg\r\nContent-Length: 3\r\n\r\n';
  const withFile = { ...DEFAULT_DRAFT, cannedText: head, cannedBody: fileBody('x.jpg', 'image/jpeg', Uint8Array.of(0xff, 0xd8, 0x00)) };

  it('sends the text’s bytes, then the file’s', () => {
    const s = checkSettings(withFile);
    const bytes = s.ok && s.value.responder.kind === 'canned' ? Array.from(s.value.responder.bytes) : [];
    expect(bytes).toEqual([...new TextEncoder().encode(head), 0xff, 0xd8, 0x00]);
  });

  it('keeps the form’s document (file name, escapes) when the running server sends the same bytes', () => {
    const s = checkSettings(withFile);
    if (!s.ok) throw new Error('unexpected');
    const running = server('s1', 9000, true, { settings: s.value });
    expect(draftFromServer(running, withFile)).toMatchObject({ cannedText: head, cannedBody: { name: 'x.jpg' } });
    // Other bytes: the server's own, opened as text (short, printable) or as a file body.
    const other = draftFromServer(running, { ...DEFAULT_DRAFT, cannedText: 'different', cannedBody: null });
    expect(other.cannedBody).toMatchObject({ name: 'body', type: 'image/jpeg' });
    expect(other.cannedText).toBe(head);
  });
});

describe('the static root and its 404 text', () => {
  const responderOf = (draft: Partial<typeof DEFAULT_DRAFT>) => {
    const checked = checkSettings({ ...DEFAULT_DRAFT, responder: 'static', ...draft });
    return checked.ok ? checked.value.responder : checked.problem;
  };

  it('sends a relative root as the whole path from the folder it is relative to; an absolute or empty one as it is', () => {
    expect(responderOf({ staticRoot: ' ./html ', staticBase: '/srv/lesson' })).toEqual({ kind: 'static', root: '/srv/lesson/html' });
    expect(responderOf({ staticRoot: '../site', staticBase: 'C:\\lessons\\l4' })).toEqual({ kind: 'static', root: 'C:\\lessons\\site' });
    expect(responderOf({ staticRoot: '/var/www', staticBase: '/srv/lesson' })).toEqual({ kind: 'static', root: '/var/www' });
    expect(responderOf({ staticRoot: '', staticBase: '' })).toEqual({ kind: 'static', root: null });
  });

  it('names the root when it is relative and there is no folder to take it from', () => {
    expect(responderOf({ staticRoot: 'html', staticBase: '' })).toEqual({ field: 'staticRoot', message: { key: 'ui.server.invalid.staticRootBase', params: {} } });
  });

  it('sends the 404 text only when there is one, and names it when too long', () => {
    expect(responderOf({ staticNotFoundText: 'No such file.' })).toEqual({ kind: 'static', root: null, notFoundText: 'No such file.' });
    expect(responderOf({ staticNotFoundText: 'x'.repeat(4097) })).toEqual({ field: 'staticNotFoundText', message: { key: 'ui.server.invalid.notFoundText', params: {} } });
  });

  it('reads a running static server back into the form, its 404 text included', () => {
    const running = server('s1', 7788, true, { settings: { ...DEFAULT_SERVER_SETTINGS, responder: { kind: 'static', root: '/srv/html', notFoundText: 'gone' } } });
    const draft = draftFromServer(running, DEFAULT_DRAFT);
    expect([draft.staticRoot, draft.staticNotFoundText]).toEqual(['/srv/html', 'gone']);
    const back = checkSettings(draft);
    expect(back.ok && sameSettings(back.value, running.settings)).toBe(true);
  });
});
