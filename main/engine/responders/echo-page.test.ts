// The echo_page route answer, asked directly: a well-formed HTML answer whose page shows every byte
// of the request with CR and LF visible, and never lets the request's own text become markup
// (the only <b> elements are the page's own badges).
import { describe, expect, it } from 'vitest';
import type { Route } from '../../../shared/server/settings';
import { routesResponder } from './routes';
import { ask, get, statusOf } from './testing/ask';

const ECHO: Route[] = [{ method: 'POST', path: '/submit', response: { kind: 'echo_page' } }];
const POST = 'POST /submit HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 21\r\n\r\nfirstname=Ada&x=<b>&y';

describe('echo_page: the request shown as a page', () => {
  it('answers 200 text/html with an exact Content-Length, head and page in two writes', async () => {
    const answer = await ask(routesResponder(ECHO, null), POST);
    expect(statusOf(answer)).toBe(200);
    expect(answer.writes).toHaveLength(2);
    const head = answer.writes[0]?.toString('latin1') ?? '';
    expect(head).toBe(`HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: ${answer.writes[1]?.length}\r\n\r\n`);
    expect(answer.notes).toEqual([{ code: 'route_matched', params: { method: 'POST', path: '/submit' } }]);
  });

  it('shows every byte, CR and LF drawn, the body escaped, and says what arrived', async () => {
    const page = (await ask(routesResponder(ECHO, null), POST)).writes[1]?.toString('utf8') ?? '';
    expect(page).toContain(`<p id="summary">The server received ${POST.length} bytes: POST /submit, then a body of 21 bytes after the blank line.</p>`);
    expect(page).toContain('<pre id="request">POST /submit HTTP/1.1<b>CR</b><b>LF</b>\nHost: 127.0.0.1<b>CR</b><b>LF</b>\n');
    expect(page).toContain('Content-Length: 21<b>CR</b><b>LF</b>\n<b>CR</b><b>LF</b>\nfirstname=Ada&amp;x=&lt;b&gt;&amp;y</pre>');
  });

  it('says "no body" for a request without one, and answers HEAD with the head alone', async () => {
    const table: Route[] = [{ method: '*', path: '/echo', response: { kind: 'echo_page' } }];
    const page = (await ask(routesResponder(table, null), get('/echo'))).writes[1]?.toString('utf8') ?? '';
    expect(page).toContain(`The server received ${get('/echo').length} bytes: GET /echo, with no body.`);
    const head = await ask(routesResponder(table, null), get('/echo', 'HEAD'));
    expect(head.writes).toHaveLength(1);
    expect(head.text).toMatch(/^HTTP\/1\.1 200 OK\r\nContent-Type: text\/html; charset=utf-8\r\nContent-Length: [1-9]\d*\r\n\r\n$/);
  });

  it('draws bytes that are not text as escapes, never as raw control characters', async () => {
    const request = Buffer.concat([Buffer.from('POST /submit HTTP/1.1\r\nContent-Length: 3\r\n\r\n', 'latin1'), Buffer.from([0x00, 0xff, 0x1b])]);
    const page = (await ask(routesResponder(ECHO, null), request)).writes[1]?.toString('utf8') ?? '';
    expect(page).toContain('<b>CR</b><b>LF</b>\n<b>NUL</b><b>\\xFF</b><b>ESC</b></pre>');
    expect([...page].filter((c) => c.charCodeAt(0) < 0x20 && c !== '\n')).toEqual([]);
  });
});
