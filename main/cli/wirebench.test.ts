// The real command, run from source as a child process: what a person or a script sees.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { version } from '../../package.json';
import { decodeWire, encodeWire, WS_PATH } from '../../shared/contract/wire-codec';

const ENTRY = 'main/cli/wirebench.ts';
const running: ChildProcessWithoutNullStreams[] = [];

afterEach(() => {
  for (const child of running.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

function wirebench(args: string[], env: NodeJS.ProcessEnv = process.env): ChildProcessWithoutNullStreams {
  const child = spawn(process.execPath, ['--import', 'tsx', ENTRY, ...args], { env });
  running.push(child);
  return child;
}

/** Runs to completion: exit code and both streams. */
function run(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  const child = wirebench(args);
  let out = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (err += c.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, out, err })));
}

function firstLine(stream: NodeJS.ReadableStream): Promise<string> {
  const lines = createInterface({ input: stream });
  return new Promise((resolve) => lines.once('line', (line) => resolve(line)));
}

/** stderr and stdout are separate pipes: a line written first to one may arrive second. */
async function until(check: () => boolean): Promise<void> {
  for (let waited = 0; !check(); waited += 20) {
    if (waited > 10_000) throw new Error('timed out waiting for output');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function exitOf(child: ChildProcessWithoutNullStreams): Promise<number | string | null> {
  return new Promise((resolve) => child.on('close', (code, signal) => resolve(code ?? signal)));
}

/** Opens the door the printed URL leads to and asks app.info. */
async function appInfoVia(url: string): Promise<unknown> {
  return invokeVia(url, 'app.info', {});
}

/** Opens the door the printed URL leads to and runs one command. */
async function invokeVia(url: string, name: string, input: unknown): Promise<unknown> {
  const page = new URL(url);
  const ws = new WebSocket(`ws://${page.host}${WS_PATH}?token=${page.searchParams.get('token') ?? ''}`);
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  // Events (server.changed, journal.delta) may come first: wait for this command's result.
  const answer = new Promise((resolve) =>
    ws.on('message', (data) => {
      const message = decodeWire((data as Buffer).toString('utf8')) as { type?: string };
      if (message.type === 'result') resolve(message);
    }),
  );
  ws.send(encodeWire({ type: 'invoke', id: 1, name, input }));
  const result = await answer;
  ws.close();
  return result;
}

describe('wirebench', () => {
  it('--version prints the package version', async () => {
    expect(await run(['--version'])).toEqual({ code: 0, out: `${version}\n`, err: '' });
  });

  it('--help lists serve, connect, web and start; a command --help lists its options', async () => {
    const main = await run(['--help']);
    expect(main.code).toBe(0);
    expect(main.out).toMatch(/^Usage: wirebench/);
    expect(main.out).toMatch(/\n {2}serve {2,}\S/);
    expect(main.out).toMatch(/\n {2}connect {2,}\S/);
    expect(main.out).toMatch(/\n {2}web {2,}\S/);
    expect(main.out).toMatch(/\n {2}start {2,}\S/);
    const web = await run(['web', '--help']);
    expect(web.code).toBe(0);
    expect(web.out).toContain('--port <8080>');
    expect(web.out).toContain('--json');
  });

  it('explains mistakes in one sentence and exits 2', async () => {
    const unknown = await run(['serve-coffee']);
    expect(unknown).toMatchObject({ code: 2, out: '' });
    expect(unknown.err).toBe('There is no command "serve-coffee". Run "wirebench --help" to see the commands.\n');
    const port = await run(['web', '--port', '70000']);
    expect(port.code).toBe(2);
    expect(port.err).toContain('"70000" is not a port');
    const option = await run(['web', '--colour']);
    expect(option.err).toContain('has no option --colour');
  });

  it('web --json prints {"url"} on one line, serves the door, and exits 0 on SIGTERM', async () => {
    const child = wirebench(['web', '--port', '0', '--json']);
    const line = await firstLine(child.stdout);
    const { url } = JSON.parse(line) as { url: string };
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{32}$/);
    expect(await appInfoVia(url)).toEqual({ type: 'result', id: 1, result: { ok: true, value: { version, host: 'web' } } });
    const res = await fetch(url);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    const exited = exitOf(child);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('web beyond loopback needs --expose, like serve: the token would travel over plain HTTP', async () => {
    const refused = await run(['web', '--host', '0.0.0.0', '--port', '0']);
    expect(refused).toMatchObject({ code: 2, out: '' });
    expect(refused.err).toContain('--expose');
    expect(refused.err).toContain('plain HTTP');
  });

  it('web prints the URL as a sentence, warns when bound beyond loopback, and stops on SIGINT', async () => {
    const child = wirebench(['web', '--host', '0.0.0.0', '--expose', '--port', '0']);
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const line = await firstLine(child.stdout);
    expect(line).toMatch(/^Wirebench is running in your browser at http:\/\/127\.0\.0\.1:\d+\/\?token=/);
    await until(() => /Warning: listening on 0\.0\.0\.0.*\n/.test(err));
    const exited = exitOf(child);
    child.kill('SIGINT');
    expect(await exited).toBe(0);
  });

  it("web's engine serves the sample site shipped in app/docroot when static mode names no folder", async () => {
    const child = wirebench(['web', '--port', '0', '--json']);
    const { url } = JSON.parse(await firstLine(child.stdout)) as { url: string };
    const started = (await invokeVia(url, 'server.start', {
      port: 0,
      settings: { responder: { kind: 'static', root: null }, answerWhen: 'request_end', after: 'close' },
    })) as { result: { ok: boolean; value: { port: number } } };
    expect(started.result.ok).toBe(true);
    const page = await fetch(`http://127.0.0.1:${started.result.value.port}/`);
    expect(await page.text()).toBe(readFileSync(join(import.meta.dirname, '..', '..', 'app', 'docroot', 'index.html'), 'utf8'));
    const exited = exitOf(child);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('web on a taken port says so in words and exits 1', async () => {
    const first = wirebench(['web', '--port', '0', '--json']);
    const { url } = JSON.parse(await firstLine(first.stdout)) as { url: string };
    const second = await run(['web', '--port', new URL(url).port]);
    expect(second.code).toBe(1);
    expect(second.err).toContain(`Port ${new URL(url).port} on 127.0.0.1 is already in use`);
    first.kill('SIGTERM');
    await exitOf(first);
  });

  it('start, where no window can open, says why in one sentence and serves the browser instead', async () => {
    // No display and no download: the fallback path on any machine, with or without the binary.
    const env = { ...process.env, DISPLAY: '', WAYLAND_DISPLAY: '', ELECTRON_SKIP_BINARY_DOWNLOAD: '1' };
    const child = wirebench(['start', '--port', '0', '--json'], env);
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const { url } = JSON.parse(await firstLine(child.stdout)) as { url: string };
    await until(() => /The desktop window is unavailable.*\n/.test(err));
    const sentences = err.split('\n').filter((l) => l.startsWith('The desktop window is unavailable'));
    expect(sentences).toHaveLength(1);
    expect(sentences[0]).toMatch(/ELECTRON_SKIP_BINARY_DOWNLOAD|no display/);
    expect(await appInfoVia(url)).toMatchObject({ result: { ok: true } });
    const exited = exitOf(child);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
