// The app:// scheme's answers, asked directly: the handler is plain Node (fetch's Response), so the
// same function Electron calls is tested here without an Electron binary.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../web/security-headers';
import { answerAppRequest, APP_RENDERER_URL } from './app-protocol';

let base: string;
let rendererDir: string;
beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'wirebench-app-protocol-'));
  rendererDir = join(base, 'renderer');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><p>app</p>');
  await writeFile(join(rendererDir, 'assets', 'main.js'), 'console.log(1)');
  await writeFile(join(base, 'secret.txt'), 'outside');
});
afterAll(async () => rm(base, { recursive: true, force: true }));

const get = (url: string, method = 'GET') => answerAppRequest({ url, method }, rendererDir);

describe('app:// answers', () => {
  it('serves the renderer with the one CSP (frame-ancestors and form-action included) and its type', async () => {
    const index = await get(APP_RENDERER_URL);
    expect(index.status).toBe(200);
    expect(await index.text()).toBe('<!doctype html><p>app</p>');
    expect(index.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("form-action 'none'");
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const script = await get('app://wirebench/assets/main.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await get('app://wirebench/')).status).toBe(200);
  });

  it('never leaves the renderer folder, and answers nothing for another host or method', async () => {
    for (const url of ['app://wirebench/../secret.txt', 'app://wirebench/%2e%2e/secret.txt', 'app://wirebench/assets/..%2f..%2fsecret.txt', 'app://wirebench/missing.js']) {
      const answer = await get(url);
      expect([400, 404], url).toContain(answer.status);
      expect(await answer.text()).not.toContain('outside');
    }
    expect((await get('app://evil/index.html')).status).toBe(404);
    expect((await get(APP_RENDERER_URL, 'POST')).status).toBe(405);
    expect(await (await get(APP_RENDERER_URL, 'HEAD')).text()).toBe('');
  });
});
