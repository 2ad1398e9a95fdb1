// Lesson L4's document root and its 404, through the host's door to real sockets: a root that is
// relative, missing or a file is refused at server.start with its own error code before anything
// listens (it used to be accepted and then answer 500 to every request, with only ENOENT in the
// journal), and at server.update, where the running server keeps what it had; the 404's body is
// the text set for it, as curl reads it.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createHostDispatch } from '../host/host-handlers';
import { FileGrants } from '../host/file-grants';
import { EngineProbe } from '../host/testing/engine-probe';
import { MemorySettingsStore } from '../settings/settings-store';
import { Engine } from './engine';
import { run } from './testing/peers';

const base = mkdtempSync(join(tmpdir(), 'wirebench-root-'));
const site = join(base, 'html');
mkdirSync(site);
writeFileSync(join(site, 'index.html'), '<p>home</p>');
writeFileSync(join(base, 'a-file.txt'), 'not a folder');
afterAll(() => rmSync(base, { recursive: true, force: true }));

let probe: EngineProbe | undefined;
afterEach(async () => {
  await probe?.engine.close();
  probe = undefined;
});

/** Whether anything accepts a connection on the port. */
function listens(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
  });
}

/** A port nothing listens on right now: the system's pick, released. */
async function freePort(): Promise<number> {
  const p = new EngineProbe();
  const { port } = await p.startServer();
  await p.engine.close();
  return port;
}

describe('the document root, checked when it is set', () => {
  it.each([
    ['relative', './html', { code: 'static_root_relative', params: { root: './html' } }],
    ['missing', join(base, 'no-such-folder'), { code: 'static_root_missing', params: { root: join(base, 'no-such-folder'), errno: 'ENOENT' } }],
    ['a file', join(base, 'a-file.txt'), { code: 'static_root_missing', params: { root: join(base, 'a-file.txt'), errno: 'ENOTDIR' } }],
  ])('a %s root is refused at server.start, and nothing listens', async (_what, root, error) => {
    probe = new EngineProbe();
    const port = await freePort();
    const started = await probe.dispatch('server.start', { host: '127.0.0.1', port, settings: { responder: { kind: 'static', root } } });
    expect(started).toEqual({ ok: false, error });
    expect(await listens(port)).toBe(false);
    expect((await probe.call('journal.snapshot', {})).servers).toEqual([]);
  });

  it('refuses the same roots at server.update, and the server keeps serving the root it had', async () => {
    probe = new EngineProbe();
    const server = await probe.startServer({ responder: { kind: 'static', root: site }, after: 'close' });
    for (const root of ['html', join(base, 'gone')]) {
      const updated = await probe.dispatch('server.update', { serverId: server.serverId, settings: { responder: { kind: 'static', root } } });
      expect(updated.ok).toBe(false);
    }
    const page = await run('curl', ['-sS', '--max-time', '10', `http://127.0.0.1:${server.port}/`]);
    expect(page.stdout.toString()).toBe('<p>home</p>');
  });

  it('a relative root reaches the engine’s own refusal through a host that restricts paths, not a path_not_allowed', async () => {
    const engine = new Engine({ host: 'web', version: 'test', kernelStates: false });
    try {
      const dispatch = createHostDispatch(engine, { settings: new MemorySettingsStore(), files: new FileGrants({ sampleRoot: null }) }, () => {});
      const started = await dispatch('server.start', { host: '127.0.0.1', port: 0, settings: { responder: { kind: 'static', root: '../html' } } });
      expect(started).toEqual({ ok: false, error: { code: 'static_root_relative', params: { root: '../html' } } });
    } finally {
      await engine.close();
    }
  });
});

describe('the 404 text', () => {
  it('is the body of the 404, exactly, as curl reads it; the default is 404 Not Found', async () => {
    probe = new EngineProbe();
    const text = 'No such file here. Try /index.html — or not.';
    const server = await probe.startServer({ responder: { kind: 'static', root: site, notFoundText: text }, after: 'close' });
    const missing = await run('curl', ['-sS', '-i', '--max-time', '10', `http://127.0.0.1:${server.port}/nothing.html`]);
    const [head = '', body] = missing.stdout.toString('utf8').split('\r\n\r\n');
    expect(head).toBe(`HTTP/1.1 404 Not Found\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(text)}`);
    expect(body).toBe(text);

    await probe.call('server.update', { serverId: server.serverId, settings: { responder: { kind: 'static', root: site } } });
    const plain = await run('curl', ['-sS', '--max-time', '10', `http://127.0.0.1:${server.port}/nothing.html`]);
    expect(plain.stdout.toString()).toBe('404 Not Found\n');
  });
});
