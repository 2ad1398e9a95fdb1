// The routes responder, asked directly: lesson L3's table, matching rules, and its failures.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { L3_ROUTES } from '../../../shared/server/presets';
import type { Route } from '../../../shared/server/settings';
import { routesResponder } from './routes';
import { ask, get, statusOf } from './testing/ask';

const SAMPLE_ROOT = resolve(import.meta.dirname, '../../../app/docroot');
const JPEG = readFileSync(join(SAMPLE_ROOT, 'test.jpg'));
const bytes = (text: string): Uint8Array => Buffer.from(text, 'latin1');

describe("routes: lesson L3's table", () => {
  const l3 = () => routesResponder(L3_ROUTES, SAMPLE_ROOT);

  it('answers GET / with an HTML page that asks for test.jpg, its Content-Length exact', async () => {
    const answer = await ask(l3(), get('/'));
    expect(answer.writes).toHaveLength(1); // a bytes route goes out as is, in one write
    const [head = '', body = ''] = answer.text.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 200 OK\r\nContent-Type: text\/html\r\nContent-Length: (\d+)$/);
    expect(Number(/Content-Length: (\d+)/.exec(head)?.[1])).toBe(Buffer.byteLength(answer.text) - head.length - 4);
    expect(body).toContain('<img src="test.jpg">');
    expect(answer.notes).toEqual([{ code: 'route_matched', params: { method: 'GET', path: '/' } }]);
  });

  it('answers GET /test.jpg with the image as image/jpg: headers, then the bytes, in two writes', async () => {
    const answer = await ask(l3(), get('/test.jpg'));
    expect(answer.writes[0]?.toString()).toBe(`HTTP/1.1 200 OK\r\nContent-Type: image/jpg\r\nContent-Length: ${JPEG.length}\r\n\r\n`);
    expect(answer.writes[1]?.equals(JPEG)).toBe(true);
    expect(answer.writes).toHaveLength(2);
  });

  it('matches the path without its query, in absolute-form too', async () => {
    expect(statusOf(await ask(l3(), get('/test.jpg?v=2')))).toBe(200);
    expect(statusOf(await ask(l3(), 'GET http://127.0.0.1/test.jpg HTTP/1.0\r\n\r\n'))).toBe(200);
  });

  it('answers 404 to anything else: another path, another method, a method in other case', async () => {
    for (const request of [get('/favicon.ico'), get('/', 'POST'), get('/test.jpg', 'HEAD'), get('/', 'get')]) {
      const answer = await ask(l3(), request);
      expect(statusOf(answer), request).toBe(404);
      // HEAD gets the 404's headers alone.
      expect(answer.writes[1]?.toString()).toBe(request.startsWith('HEAD') ? undefined : '404 Not Found\n');
      expect(answer.notes[0]?.code).toBe('route_unmatched');
    }
    expect((await ask(l3(), get('/favicon.ico'))).notes).toEqual([{ code: 'route_unmatched', params: { method: 'GET', path: '/favicon.ico' } }]);
  });

  it('answers 400 to bytes that are not a request', async () => {
    const answer = await ask(l3(), 'garbage garbage garbage\n\n');
    expect(statusOf(answer)).toBe(400);
    expect(answer.notes).toEqual([{ code: 'request_invalid', params: { reason: 'no_request_head' } }]);
  });
});

describe('routes: matching and files', () => {
  const table: Route[] = [
    { method: 'POST', path: '/form', response: { kind: 'bytes', bytes: bytes('HTTP/1.1 201 Created\r\n\r\n') } },
    { method: '*', path: '/any', response: { kind: 'bytes', bytes: bytes('first') } },
    { method: 'GET', path: '/any', response: { kind: 'bytes', bytes: bytes('second') } },
    { method: '*', path: '/img', response: { kind: 'file', path: join(SAMPLE_ROOT, 'test.jpg'), contentType: 'image/jpeg' } },
    { method: 'GET', path: '/gone', response: { kind: 'file', path: 'no-such-file.png', contentType: 'image/png' } },
    { method: 'GET', path: '/relative', response: { kind: 'file', path: 'index.html', contentType: 'text/html' } },
  ];

  it('takes the first route that matches, with * matching any method', async () => {
    expect((await ask(routesResponder(table, null), get('/any', 'DELETE'))).text).toBe('first');
    expect((await ask(routesResponder(table, null), get('/any'))).text).toBe('first');
    expect((await ask(routesResponder(table, null), 'POST /form HTTP/1.1\r\nContent-Length: 3\r\n\r\na=b')).text).toBe(
      'HTTP/1.1 201 Created\r\n\r\n',
    );
  });

  it('reads absolute file paths whatever the sample root, and answers HEAD with headers only', async () => {
    const answer = await ask(routesResponder(table, null), get('/img', 'HEAD'));
    expect(answer.writes).toHaveLength(1);
    expect(answer.text).toBe(`HTTP/1.1 200 OK\r\nContent-Type: image/jpeg\r\nContent-Length: ${JPEG.length}\r\n\r\n`);
  });

  it('resolves relative file paths against the sample root, and needs one', async () => {
    const answer = await ask(routesResponder(table, SAMPLE_ROOT), get('/relative'));
    expect(answer.writes[1]?.equals(readFileSync(join(SAMPLE_ROOT, 'index.html')))).toBe(true);
    const rootless = await ask(routesResponder(table, null), get('/relative'));
    expect(statusOf(rootless)).toBe(500);
    expect(rootless.notes.map((n) => n.code)).toEqual(['route_matched', 'static_no_root']);
  });

  it("answers 500 with a note when a route's file cannot be read", async () => {
    const answer = await ask(routesResponder(table, SAMPLE_ROOT), get('/gone'));
    expect(statusOf(answer)).toBe(500);
    expect(answer.notes).toEqual([
      { code: 'route_matched', params: { method: 'GET', path: '/gone' } },
      { code: 'file_unreadable', params: { file: 'no-such-file.png', code: 'ENOENT' } },
    ]);
  });
});
