import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CommandError } from '../engine/command-error';
import { startWebHost, type WebHost } from './web-host';

const INDEX = '<!doctype html><html><head><title>Wirebench</title></head><body><div id="root"></div></body></html>';
let base: string;
let rendererDir: string;
let host: WebHost;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'wirebench-web-'));
  rendererDir = join(base, 'renderer');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), INDEX);
  await writeFile(join(rendererDir, 'assets', 'main.js'), 'export {};\n');
  await writeFile(join(base, 'package.json'), '{"name":"outside"}');
  host = await startWebHost({ rendererDir, version: '9.9.9-test' });
});

afterAll(async () => {
  await host?.close();
  await rm(base, { recursive: true, force: true });
});

/** Sends exact request bytes (fetch would normalise `/../` away) and returns the status code. */
function rawStatus(port: number, request: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(request));
    let text = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => (text += chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const m = /^HTTP\/1\.1 (\d{3}) /.exec(text);
      if (m) resolve(Number(m[1]));
      else reject(new Error(`no status line in ${JSON.stringify(text.slice(0, 80))}`));
    });
  });
}

describe('startWebHost', () => {
  it('listens on loopback on a port of its own and prints a URL with a random token', () => {
    expect(host.host).toBe('127.0.0.1');
    expect(host.port).toBeGreaterThan(0);
    expect(host.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${host.token}`);
  });

  it('serves index.html for / with the strict CSP and the other security headers', async () => {
    const res = await fetch(host.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const csp = res.headers.get('content-security-policy') ?? '';
    for (const directive of [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self'",
      "img-src 'self' data: blob:",
      "connect-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      "frame-ancestors 'none'",
    ]) {
      expect(csp).toContain(directive);
    }
    expect(csp).not.toContain('unsafe');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(await res.text()).toBe(INDEX);
  });

  it('serves assets with their type, HEAD without a body, and 404 with the headers too', async () => {
    const js = await fetch(`http://127.0.0.1:${host.port}/assets/main.js`);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await js.text()).toBe('export {};\n');

    const head = await fetch(`http://127.0.0.1:${host.port}/`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String(INDEX.length));

    const missing = await fetch(`http://127.0.0.1:${host.port}/nope.js`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it('refuses to serve anything outside the renderer directory', async () => {
    for (const target of ['/../package.json', '/assets/../../package.json', '/%2e%2e/package.json', '/..%2f..%2fpackage.json']) {
      const status = await rawStatus(host.port, `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nConnection: close\r\n\r\n`);
      expect([400, 404], target).toContain(status);
    }
  });

  it('answers only GET and HEAD', async () => {
    const res = await fetch(`http://127.0.0.1:${host.port}/`, { method: 'POST', body: 'x' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD');
  });

  it('gives each run its own token', async () => {
    const other = await startWebHost({ rendererDir, version: '9.9.9-test' });
    try {
      expect(other.token).not.toBe(host.token);
      expect(other.port).not.toBe(host.port);
    } finally {
      await other.close();
    }
  });

  it('explains a taken port with port_in_use instead of throwing the OS error', async () => {
    const squatter = createServer();
    await new Promise<void>((done) => squatter.listen(0, '127.0.0.1', done));
    const port = (squatter.address() as { port: number }).port;
    try {
      const failure = await startWebHost({ rendererDir, version: 'x', port }).then(
        () => null,
        (err: unknown) => err,
      );
      expect(failure).toBeInstanceOf(CommandError);
      expect(failure).toMatchObject({ code: 'port_in_use', params: { host: '127.0.0.1', port } });
    } finally {
      squatter.close();
    }
  });
});
