// Lesson L3's presets served by a real Wirebench server, read by curl: the routes tables
// (l3-page-and-image, l3-form) answer each path its own way, the image as the lesson's
// `Content-Type: image/jpg` with the sample file's bytes exactly, and the form's POST with a page
// that shows the request, body and all. (The lesson's own broken image answer, l3-image, is served
// byte for byte to curl and python in presets.test.ts.)
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { L3_FORM, L3_PAGE_AND_IMAGE, presetResponder, type RoutesPreset } from '../../../shared/server/presets';
import { EngineProbe } from '../../host/testing/engine-probe';
import { run } from '../testing/peers';

const SAMPLE_ROOT = resolve(import.meta.dirname, '../../../app/docroot');
const JPEG = readFileSync(join(SAMPLE_ROOT, 'test.jpg'));
const dir = mkdtempSync(join(tmpdir(), 'wirebench-l3-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let probe: EngineProbe | undefined;
afterEach(async () => {
  await probe?.engine.close();
  probe = undefined;
});

/** A server set up as applying the preset sets it up: its routes, its after policy, its timing. */
async function serve(preset: RoutesPreset): Promise<string> {
  probe = new EngineProbe({ sampleDocRoot: SAMPLE_ROOT });
  const responder = presetResponder(preset);
  const server = await probe.startServer({ ...(responder ? { responder } : {}), after: preset.after, ...(preset.answerWhen ? { answerWhen: preset.answerWhen } : {}) });
  return `http://127.0.0.1:${server.port}`;
}

/** curl -i to a file, untouched: the head as it came, then the body's exact bytes. */
async function curl(name: string, url: string, ...extra: string[]): Promise<{ head: string; body: Buffer }> {
  const out = join(dir, `${name}.out`);
  const done = await run('curl', ['-sS', '-i', '-o', out, '--max-time', '10', ...extra, url]);
  expect([name, done.code, done.stderr]).toEqual([name, 0, '']);
  const bytes = readFileSync(out);
  const end = bytes.indexOf('\r\n\r\n');
  return { head: bytes.subarray(0, end + 4).toString('latin1'), body: bytes.subarray(end + 4) };
}

describe.each([L3_PAGE_AND_IMAGE, L3_FORM])('$name to curl', (preset) => {
  it('GET / is the page that asks for test.jpg; GET /test.jpg is image/jpg and the file’s bytes exactly', async () => {
    const base = await serve(preset);
    const page = await curl(`${preset.name}-page`, `${base}/`);
    expect(page.head).toMatch(/^HTTP\/1\.1 200 OK\r\nContent-Type: text\/html\r\nContent-Length: (\d+)\r\n\r\n$/);
    expect(Number(/Content-Length: (\d+)/.exec(page.head)?.[1])).toBe(page.body.length);
    expect(page.body.toString()).toContain('<img src="test.jpg">');

    const image = await curl(`${preset.name}-image`, `${base}/test.jpg`);
    expect(image.head).toBe(`HTTP/1.1 200 OK\r\nContent-Type: image/jpg\r\nContent-Length: ${JPEG.length}\r\n\r\n`);
    expect(image.body.equals(JPEG)).toBe(true);
  });
});

describe('l3-form: the form and its POST', () => {
  it('the page holds a form that posts to /submit', async () => {
    const base = await serve(L3_FORM);
    const page = await curl('form-page', `${base}/`);
    expect(page.body.toString()).toMatch(/<form method="post" action="\/submit">[^]*<input type="text" name="firstname">[^]*<\/form>/);
  });

  it('POST /submit with a form body answers a page that shows the request, body included, CR and LF visible', async () => {
    const base = await serve(L3_FORM);
    const answer = await curl('form-post', `${base}/submit`, '--data', 'firstname=Ada&lesson=L3', '-H', 'User-Agent: wirebench-test');
    expect(answer.head).toMatch(/^HTTP\/1\.1 200 OK\r\nContent-Type: text\/html; charset=utf-8\r\nContent-Length: (\d+)\r\n\r\n$/);
    expect(Number(/Content-Length: (\d+)/.exec(answer.head)?.[1])).toBe(answer.body.length);
    const page = answer.body.toString('utf8');
    expect(page).toContain('<pre id="request">POST /submit HTTP/1.1<b>CR</b><b>LF</b>\n');
    expect(page).toContain('Content-Type: application/x-www-form-urlencoded<b>CR</b><b>LF</b>\n');
    expect(page).toContain('User-Agent: wirebench-test<b>CR</b><b>LF</b>\n');
    expect(page).toContain('<b>CR</b><b>LF</b>\nfirstname=Ada&amp;lesson=L3</pre>');
    expect(page).toContain('POST /submit, then a body of 23 bytes after the blank line.');
  });

  it('anything else is 404: GET /submit, the favicon', async () => {
    const base = await serve(L3_FORM);
    for (const path of ['/submit', '/favicon.ico']) {
      const done = await run('curl', ['-sS', '-o', '/dev/null', '-w', '%{http_code}', '--max-time', '10', `${base}${path}`]);
      expect([path, done.stdout.toString()]).toEqual([path, '404']);
    }
  });
});
