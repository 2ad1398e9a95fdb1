// The responders behind a real socket, against real peers: curl probing the static root with
// traversal attempts (sent exactly as typed, --path-as-is), curl downloading the image, and
// Chromium loading the sample page. The server is a tiny one in testing/, not the engine's
// exchange, so these tests pin the responders alone.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, chromiumPath } from '../../../e2e/browser';
import { L3_ROUTES } from '../../../shared/server/presets';
import { run } from '../testing/peers';
import { createResponder } from './create-responder';
import { startMiniServer, type MiniServer } from './testing/mini-server';

const SAMPLE_ROOT = resolve(import.meta.dirname, '../../../app/docroot');
const JPEG = readFileSync(join(SAMPLE_ROOT, 'test.jpg'));
const SECRET = 'TOP-SECRET-OUTSIDE-THE-ROOT';

let server: MiniServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

let base: string;
let root: string;
beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'wirebench-peers-'));
  root = join(base, 'site');
  mkdirSync(join(root, 'a'), { recursive: true });
  writeFileSync(join(base, 'package.json'), SECRET);
  writeFileSync(join(base, 'x'), SECRET);
  writeFileSync(join(root, 'index.html'), '<p>home</p>');
  symlinkSync(join(base, 'package.json'), join(root, 'link.json'));
  symlinkSync(base, join(root, 'up'));
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

/** curl's status code and body for one request; extra args go before the URL. */
async function curl(url: string, ...extra: string[]): Promise<{ status: number; body: string }> {
  const done = await run('curl', ['-sS', '--path-as-is', '-w', '\n%{http_code}', ...extra, url]);
  expect(done.stderr).toBe('');
  const text = done.stdout.toString('latin1');
  const cut = text.lastIndexOf('\n');
  return { status: Number(text.slice(cut + 1)), body: text.slice(0, cut) };
}

describe('static files against curl', () => {
  it.each([
    ['/../package.json', 'dot_dot'],
    ['/%2e%2e/package.json', 'dot_dot'],
    ['/..%2fpackage.json', 'encoded_slash'],
    ['/a/..%5c..%5cx', 'encoded_slash'],
    ['/link.json', 'symlink_outside'],
    ['/up/package.json', 'symlink_outside'],
  ])('refuses %s (%s) with 403 and never sends the file', async (path, reason) => {
    server = await startMiniServer(createResponder({ kind: 'static', root }, { sampleRoot: null }));
    const base = `http://127.0.0.1:${server.port}`;
    expect(await curl(`${base}/index.html`)).toEqual({ status: 200, body: '<p>home</p>' }); // the root does serve
    const answer = await curl(`${base}${path}`);
    expect(answer).toEqual({ status: 403, body: '403 Forbidden\n' });
    expect(server.served[1]).toMatchObject({ target: path, status: 403, notes: [{ code: 'path_refused', params: { reason } }] });
  });

  it('refuses an absolute-form target that climbs out', async () => {
    server = await startMiniServer(createResponder({ kind: 'static', root }, { sampleRoot: null }));
    const target = 'http://127.0.0.1/../package.json';
    const answer = await curl(`http://127.0.0.1:${server.port}/`, '--request-target', target);
    expect(answer.status).toBe(403);
    expect(answer.body).not.toContain(SECRET);
    expect(server.served[0]?.target).toBe(target);
  });

  it('downloads test.jpg from the sample root byte for byte (curl -o)', async () => {
    server = await startMiniServer(createResponder({ kind: 'static', root: null }, { sampleRoot: SAMPLE_ROOT }));
    const out = join(base, 'downloaded.jpg');
    const done = await run('curl', ['-sS', '-o', out, '-w', '%{http_code} %{content_type}', `http://127.0.0.1:${server.port}/test.jpg`]);
    expect(done.stdout.toString()).toBe('200 image/jpeg');
    expect(readFileSync(out).equals(JPEG)).toBe(true);
    // Headers and body went out as two writes, in one reply.
    expect(server.served[0]?.bytesOut).toBeGreaterThan(JPEG.length);
  });

  it("serves lesson L3's routes to curl: the image as image/jpg", async () => {
    server = await startMiniServer(createResponder({ kind: 'routes', routes: L3_ROUTES }, { sampleRoot: SAMPLE_ROOT }));
    const out = join(base, 'l3.jpg');
    const done = await run('curl', ['-sS', '-o', out, '-w', '%{http_code} %{content_type}', `http://127.0.0.1:${server.port}/test.jpg`]);
    expect(done.stdout.toString()).toBe('200 image/jpg');
    expect(readFileSync(out).equals(JPEG)).toBe(true);
  });
});

const browserPath = chromiumPath();

describe.skipIf(browserPath === undefined)('the sample root in Chromium', () => {
  it('renders the page, fetches test.jpg, and gets 404 for /favicon.ico', { timeout: 40_000 }, async () => {
    server = await startMiniServer(createResponder({ kind: 'static', root: null }, { sampleRoot: SAMPLE_ROOT }));
    const browser = await chromium.launch({ executablePath: browserPath, args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage();
      const imageBytes = page.waitForResponse((r) => r.url().endsWith('/test.jpg')).then((r) => r.body());
      await page.goto(`http://127.0.0.1:${server.port}/`);
      await expect(page.locator('h1').textContent()).resolves.toBe('Hello from the document root');
      // The image decoded: the browser made the second request and got real JPEG bytes.
      // (Expressions as strings: this project's main layer compiles without DOM types.)
      await page.waitForFunction("(document.querySelector('img')?.naturalWidth ?? 0) > 0", undefined, { timeout: 15_000 });
      expect(await page.evaluate<number>("document.querySelector('img').naturalWidth")).toBe(320);
      expect((await imageBytes).equals(JPEG)).toBe(true);
      await server.waitForServed(3, 15_000);
      const served = server.served.map((s) => `${s.target ?? '?'} ${s.status}`).sort();
      expect(served).toEqual(['/ 200', '/favicon.ico 404', '/test.jpg 200']);
    } finally {
      await browser.close();
    }
  });
});
