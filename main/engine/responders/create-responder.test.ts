// Which responder answers for each configuration, and the two that never look at the request:
// canned (lessons L1 and L2) and echo.
import { describe, expect, it } from 'vitest';
import { L1_HELLO_WORLD, L3_ROUTES } from '../../../shared/server/presets';
import { createResponder } from './create-responder';
import { ask, get, statusOf } from './testing/ask';

const L2 = Buffer.from('HTTP/1.1 200 OK\n\nHello, World!');
const ENV = { sampleRoot: null };

describe('canned', () => {
  it('sends the exact bytes in one write, whatever was asked, even garbage or nothing useful', async () => {
    const canned = createResponder({ kind: 'canned', bytes: L2 }, ENV);
    for (const request of [get('/hello'), 'hello?\n', '\x00\xff\x16\x03', '']) {
      const answer = await ask(canned, request);
      expect(answer.writes).toHaveLength(1);
      expect(answer.writes[0]?.equals(L2)).toBe(true);
    }
  });

  it("sends lesson L1's response unchanged", async () => {
    const answer = await ask(createResponder({ kind: 'canned', bytes: L1_HELLO_WORLD.bytes }, ENV), get('/romeo.txt'));
    expect(answer.writes[0]?.equals(Buffer.from(L1_HELLO_WORLD.bytes))).toBe(true);
  });
});

describe('echo', () => {
  it('answers 200 with the request, byte for byte, as an octet-stream body', async () => {
    const request = Buffer.concat([Buffer.from('POST /x HTTP/1.1\r\nContent-Length: 4\r\n\r\n'), Buffer.from([0, 0xff, 0x0d, 0x0a])]);
    const answer = await ask(createResponder({ kind: 'echo' }, ENV), request);
    expect(answer.writes[0]?.toString()).toBe(`HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: ${request.length}\r\n\r\n`);
    expect(answer.writes[1]?.equals(request)).toBe(true);
  });

  it('echoes garbage too: it never needed a request head', async () => {
    const answer = await ask(createResponder({ kind: 'echo' }, ENV), 'not http');
    expect(answer.text).toMatch(/Content-Length: 8\r\n\r\nnot http$/);
  });
});

describe('createResponder', () => {
  it('serves the sample root for static with no root of its own, and nothing without either', async () => {
    const sampleRoot = new URL('../../../app/docroot', import.meta.url).pathname;
    expect(statusOf(await ask(createResponder({ kind: 'static', root: null }, { sampleRoot }), get('/test.jpg')))).toBe(200);
    expect(statusOf(await ask(createResponder({ kind: 'static', root: null }, ENV), get('/test.jpg')))).toBe(500);
    expect(statusOf(await ask(createResponder({ kind: 'static', root: '/no/such/root' }, { sampleRoot }), get('/test.jpg')))).toBe(500);
  });

  it('hands routes the sample root for relative files', async () => {
    const sampleRoot = new URL('../../../app/docroot', import.meta.url).pathname;
    const answer = await ask(createResponder({ kind: 'routes', routes: L3_ROUTES }, { sampleRoot }), get('/test.jpg'));
    expect(answer.text).toContain('Content-Type: image/jpg\r\n');
  });
});
