// `wirebench serve`, run from source as a child process, against real peers: python3 in the
// style of the lessons, urllib, nc and curl. What a learner's own programs see, and what the
// printed journal says about it.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect, createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import type { JournalEvent, JournalTotals } from '../../shared/contract/contract';
import { L1_HELLO_WORLD } from '../../shared/server/presets';
import { decodeWire } from '../../shared/contract/wire-codec';
import { ABORT_MID_REQUEST, L1_CLIENT, nc, run, runPython, runScript, URLLIB_CLIENT } from '../engine/testing/peers';
import { tableTooBig } from '../engine/kernel-tcp/table-size';
import { SERVE_OPTIONS } from './serve-options';

const ENTRY = 'main/cli/wirebench.ts';
const DOCROOT = resolve(import.meta.dirname, '..', '..', 'app', 'docroot');
const L1 = Buffer.from(L1_HELLO_WORLD.bytes);

interface Served {
  child: ChildProcessWithoutNullStreams;
  lines: string[];
  stderr: () => string;
  port: number;
  /** Sends the signal and resolves with the exit code (or the signal that killed it). */
  stop(signal?: NodeJS.Signals): Promise<number | string | null>;
}

const running: ChildProcessWithoutNullStreams[] = [];
const holders: Server[] = [];
afterEach(() => {
  for (const child of running.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  for (const server of holders.splice(0)) server.close();
});

/** `wirebench serve` with these flags; `cwd` runs it from another folder (tsx and the entry then named in full). */
function spawnServe(args: string[], cwd?: string): ChildProcessWithoutNullStreams {
  const child = cwd
    ? spawn(process.execPath, ['--import', import.meta.resolve('tsx'), resolve(ENTRY), 'serve', ...args], { cwd })
    : spawn(process.execPath, ['--import', 'tsx', ENTRY, 'serve', ...args]);
  running.push(child);
  return child;
}

/** Runs to completion (killed after 15 s): exit code and both streams. */
function runServe(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  const child = spawnServe(args);
  let out = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (err += c.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  return new Promise((done) =>
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, out, err });
    }),
  );
}

/** Starts `serve`, reads the port from its first line, and keeps every later line. */
async function serve(args: string[], portFrom: (first: string) => number = portInSentence, cwd?: string): Promise<Served> {
  const child = spawnServe(args, cwd);
  let err = '';
  child.stderr.on('data', (c: Buffer) => (err += c.toString()));
  const lines: string[] = [];
  createInterface({ input: child.stdout }).on('line', (line) => lines.push(line));
  const exited = new Promise<number | string | null>((done) => child.on('close', (code, signal) => done(code ?? signal)));
  await until(() => lines.length > 0 || child.exitCode !== null, 'the first line');
  const first = lines[0];
  if (first === undefined) throw new Error(`serve exited early: ${err}`);
  return {
    child,
    lines,
    stderr: () => err,
    port: portFrom(first),
    stop: (signal = 'SIGINT') => {
      child.kill(signal);
      return exited;
    },
  };
}

function portInSentence(line: string): number {
  const match = / port (\d+) /.exec(line);
  if (!match) throw new Error(`no port in: ${line}`);
  return Number(match[1]);
}

/** Waits on a condition, never on a clock alone; gives up after 10 s. */
async function until(check: () => boolean, what: string): Promise<void> {
  for (let waited = 0; !check(); waited += 20) {
    if (waited > 10_000) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A port some other program holds. */
async function heldPort(): Promise<number> {
  const server = createServer();
  holders.push(server);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return (server.address() as { port: number }).port;
}

describe('wirebench serve', () => {
  it('answers lesson L1 client with L1 bytes exactly, and prints the exchange as readable lines', async () => {
    const server = await serve(['--port', '0']);
    expect(server.lines[0]).toMatch(/^Listening on 127\.0\.0\.1 port \d+ \(http:\/\/127\.0\.0\.1:\d+\/\): .*Ctrl\+C/);
    const client = await runPython(L1_CLIENT, [server.port]);
    expect(client.code).toBe(0);
    expect(client.stdout.equals(L1)).toBe(true);
    await until(() => server.lines.some((l) => /closed$/.test(l)), 'the closed line');
    const text = server.lines.join('\n');
    expect(text).toMatch(/ c\d+ \+\d+\.\dms {2}connected: 127\.0\.0\.1:\d+ → 127\.0\.0\.1:\d+/);
    expect(text).toContain(`← 43 B "GET http://127.0.0.1/romeo.txt HTTP/1.0␍␊␍␊"`);
    expect(text).toContain(`→ ${L1.length} B "HTTP/1.1 200 OK␍␊Content-Type`);
    expect(text).toContain('the server sent FIN');
    expect(text).toContain('the client sent FIN');
    expect(text).not.toMatch(/cli\.serve|notes\./); // no catalog key printed raw
    expect(await server.stop('SIGINT')).toBe(0);
    expect(server.lines.at(-1)).toBe(`Stopped after 1 connection: 43 bytes in, ${L1.length} bytes out.`);
  });

  it("says when a client's RST came, and why: one that aborts in the middle of its request", async () => {
    const server = await serve(['--port', '0', '--answer', 'request-end']);
    const client = await runScript(server.port, ABORT_MID_REQUEST);
    expect(client.code).toBe(0);
    await until(() => server.lines.some((l) => / closed after an error$/.test(l)), 'the closed line');
    const text = server.lines.join('\n');
    expect(text).toContain(
      'an RST came from the client: the connection is gone (the client reset the connection in the middle of the exchange, without a FIN: ' +
        "it aborted its socket on purpose (SO_LINGER 0), or closed it with the server's bytes still unread)",
    );
    expect(text).toContain('the system reported ECONNRESET');
    expect(await server.stop('SIGINT')).toBe(0);
  });

  it('gives urllib.request the body, and nc sending garbage the canned answer byte for byte', async () => {
    const server = await serve(['--port', '0']);
    const urllib = await runPython(URLLIB_CLIENT, [server.port]);
    expect(urllib.stdout.toString('latin1')).toBe('<html><body>Hello World</body></html>\r\n\r\n');
    expect(await server.stop('SIGTERM')).toBe(0);

    // L2's server: bare LFs and no headers, whatever the request.
    const l2 = await serve(['--port', '0', '--response', String.raw`HTTP/1.1 200 OK\n\nHello, World!`, '--after', 'close']);
    const answer = await nc(l2.port, Uint8Array.of(0x00, 0xff, 0x47, 0x0d, 0x0a, 0x80));
    expect(answer.toString('latin1')).toBe('HTTP/1.1 200 OK\n\nHello, World!');
    await until(() => l2.lines.some((l) => l.includes('← 6 B "␀\\xFFG␍␊\\x80"')), 'the garbage line');
    expect(await l2.stop()).toBe(0);
  });

  it('--static serves the sample site, test.jpg byte for byte', async () => {
    const server = await serve(['--port', '0', '--static', '--answer', 'request-end', '--after', 'close']);
    expect(server.lines[0]).toContain('sample site');
    const jpg = await run('curl', ['-sS', '--max-time', '10', `http://127.0.0.1:${server.port}/test.jpg`]);
    expect(jpg.code).toBe(0);
    expect(jpg.stdout.equals(readFileSync(join(DOCROOT, 'test.jpg')))).toBe(true);
    expect(await server.stop()).toBe(0);
  });

  it('--static ./html serves ./html of the folder it runs in, names the whole path, and answers a missing file with --not-found-text', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wirebench-l4-'));
    try {
      await mkdir(join(dir, 'html'));
      await writeFile(join(dir, 'html', 'index.html'), '<p>L4</p>');
      const server = await serve(['--port', '0', '--static', './html', '--not-found-text', '404: no such file.'], portInSentence, dir);
      expect(server.lines[0]).toContain(`serves the files in ${join(dir, 'html')}`);
      const url = `http://127.0.0.1:${server.port}`;
      const index = await run('curl', ['-sS', '--max-time', '10', `${url}/`]);
      expect(index.stdout.toString()).toBe('<p>L4</p>');
      const missing = await run('curl', ['-sS', '-w', ' %{http_code}', '--max-time', '10', `${url}/nothing.html`]);
      expect(missing.stdout.toString()).toBe('404: no such file. 404');
      expect(await server.stop()).toBe(0);

      // A folder that is not there is said at once, before anything listens.
      const none = await runServe(['--port', '0', '--static', join(dir, 'no-such-folder')]);
      expect([none.code, none.out]).toEqual([2, '']);
      expect(none.err).toContain(`${join(dir, 'no-such-folder')} is not a folder that can be served.`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('--routes answers by method and path from a JSON file, and --l3 is lesson L3', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wirebench-routes-'));
    try {
      await writeFile(join(dir, 'page.html'), '<p>routed</p>');
      await writeFile(join(dir, 'raw.txt'), 'HTTP/1.1 200 OK\n\nraw, bare LFs');
      await writeFile(
        join(dir, 'routes.json'),
        JSON.stringify([
          { method: 'GET', path: '/', file: 'page.html', contentType: 'text/html' },
          { method: '*', path: '/raw', responseFile: 'raw.txt' },
        ]),
      );
      const server = await serve(['--port', '0', '--routes', join(dir, 'routes.json'), '--answer', 'request-end', '--after', 'close']);
      const url = `http://127.0.0.1:${server.port}`;
      const page = await run('curl', ['-sS', '-i', '--max-time', '10', `${url}/`]);
      expect(page.stdout.toString()).toMatch(/^HTTP\/1\.1 200 [^]*content-type: text\/html\r\n[^]*\r\n\r\n<p>routed<\/p>$/i);
      const raw = await nc(server.port, new TextEncoder().encode('POST /raw HTTP/1.1\r\nContent-Length: 0\r\n\r\n'));
      expect(raw.toString('latin1')).toBe('HTTP/1.1 200 OK\n\nraw, bare LFs');
      const missing = await run('curl', ['-sS', '-o', '/dev/null', '-w', '%{http_code}', '--max-time', '10', `${url}/favicon.ico`]);
      expect(missing.stdout.toString()).toBe('404');
      expect(await server.stop()).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }

    const l3 = await serve(['--port', '0', '--l3', '--answer', 'request-end', '--after', 'close']);
    const jpg = await run('curl', ['-sS', '-i', '--max-time', '10', `http://127.0.0.1:${l3.port}/test.jpg`]);
    const headEnd = jpg.stdout.indexOf('\r\n\r\n');
    expect(jpg.stdout.subarray(0, headEnd).toString('latin1')).toMatch(/\r\ncontent-type: image\/jpg(\r\n|$)/i);
    expect(jpg.stdout.subarray(headEnd + 4).equals(readFileSync(join(DOCROOT, 'test.jpg')))).toBe(true);
    expect(await l3.stop()).toBe(0);
  });

  it('--l3 serves the form page and answers its POST with a page that shows the request, body included', async () => {
    const l3 = await serve(['--port', '0', '--l3']);
    const url = `http://127.0.0.1:${l3.port}`;
    const page = await run('curl', ['-sS', '--max-time', '10', `${url}/`]);
    expect(page.stdout.toString()).toMatch(/<img src="test\.jpg">[^]*<form method="post" action="\/submit">/);
    const jpg = await run('curl', ['-sS', '--max-time', '10', `${url}/test.jpg`]);
    expect(jpg.stdout.equals(readFileSync(join(DOCROOT, 'test.jpg')))).toBe(true);
    const posted = await run('curl', ['-sS', '-i', '--max-time', '10', '--data', 'firstname=Ada', `${url}/submit`]);
    const answer = posted.stdout.toString('utf8');
    expect(answer).toMatch(/^HTTP\/1\.1 200 OK\r\nContent-Type: text\/html; charset=utf-8\r\n/);
    expect(answer).toContain('<pre id="request">POST /submit HTTP/1.1<b>CR</b><b>LF</b>\n');
    expect(answer).toContain('<b>CR</b><b>LF</b>\nfirstname=Ada</pre>');
    expect(await l3.stop()).toBe(0);
  });

  it('--json prints one JSON object per line that accounts for every byte curl sent and received', async () => {
    const server = await serve(['--port', '0', '--json'], (first) => {
      const listening = decodeWire(first) as { kind: string; server: { port: number } };
      expect(listening.kind).toBe('listening');
      return listening.server.port;
    });
    const curl = await run('curl', [
      ...['-sS', '--max-time', '10', '-o', '/dev/null', '-H', 'X-Note: caf\u00e9'],
      ...['-w', '%{size_request} %{size_header} %{size_download}', `http://127.0.0.1:${server.port}/a%20b?x=1`],
    ]);
    const [sent, header, body] = curl.stdout.toString().split(' ').map(Number) as [number, number, number];
    expect(sent).toBeGreaterThan(50);
    await until(() => server.lines.some((l) => l.includes('"kind":"closed"')), 'the closed event');
    expect(await server.stop()).toBe(0);

    const parsed = server.lines.map((line) => decodeWire(line) as Record<string, unknown>);
    const events = parsed.slice(1, -1) as JournalEvent[];
    const data = events.filter((e) => e.kind === 'data');
    const total = (dir: 'in' | 'out'): number => data.filter((e) => e.dir === dir).reduce((n, e) => n + e.length, 0);
    expect(total('in')).toBe(sent);
    expect(total('out')).toBe(header + body);
    // Bytes are exact (base64 inside {"$b64"}), not a lossy rendering of text.
    const out = Buffer.concat(data.filter((e) => e.dir === 'out').map((e) => e.bytes ?? new Uint8Array()));
    expect(out.equals(L1)).toBe(true);
    const inBytes = Buffer.concat(data.filter((e) => e.dir === 'in').map((e) => e.bytes ?? new Uint8Array()));
    expect(inBytes.toString('utf8')).toContain('X-Note: café\r\n');
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i)); // one connection, nothing missing
    expect(parsed.at(-1)).toMatchObject({ kind: 'stopped', totals: { connections: 1, bytesIn: sent, bytesOut: header + body } });
    expect((parsed.at(-1)?.totals as JournalTotals).bytesIn).toBe(sent);
  });

  it.skipIf(process.platform !== 'linux')('--kernel-states adds what the kernel says of each closing socket (off by default)', async (ctx) => {
    const why = await tableTooBig();
    if (why) ctx.skip(why);
    const quiet = await serve(['--port', '0']);
    expect((await runPython(L1_CLIENT, [quiet.port])).code).toBe(0);
    await until(() => quiet.lines.some((l) => /closed$/.test(l)), 'the closed line');
    await new Promise((r) => setTimeout(r, 200));
    expect(quiet.lines.join('\n')).not.toContain('the kernel says');
    expect(await quiet.stop()).toBe(0);

    const server = await serve(['--port', '0', '--kernel-states']);
    expect((await runPython(L1_CLIENT, [server.port])).code).toBe(0);
    // L1's server half-closes first, so its socket is left in TIME_WAIT after we let go of it.
    await until(() => server.lines.some((l) => l.includes('the kernel says this socket is now TIME_WAIT')), 'TIME_WAIT');
    expect(server.lines.join('\n')).toMatch(/TIME_WAIT \((59|60)\.\d s left on its timer\)/);
    expect(await server.stop()).toBe(0);
  });

  it('--sequential shows the second client waiting for accept(), and its turn coming', async () => {
    const server = await serve(['--port', '0', '--sequential']);
    const first = connect(server.port, '127.0.0.1').on('error', () => {});
    await until(() => server.lines.some((l) => l.includes('connected: ')), 'the first connection');
    const second = connect(server.port, '127.0.0.1').on('error', () => {});
    await until(() => server.lines.some((l) => l.includes('connected, waiting for accept(): number 1 in the queue')), 'the queue line');
    expect(server.lines.some((l) => l.includes('its turn has come'))).toBe(false);
    first.destroy();
    await until(() => server.lines.some((l) => l.includes('accepted: its turn has come')), 'the dequeue line');
    second.destroy();
    expect(await server.stop()).toBe(0);
  });

  it('on a port in use, exits 1 naming the port and a free one', async () => {
    const port = await heldPort();
    const result = await runServe(['--port', String(port)]);
    expect(result.code).toBe(1);
    expect(result.out).toBe('');
    expect(result.err).toContain(`Port ${port} on 127.0.0.1 is already in use`);
    const suggestion = /such as (\d+)/.exec(result.err)?.[1];
    expect(Number(suggestion)).toBeGreaterThan(0);
    expect(Number(suggestion)).not.toBe(port);
  });

  it('explains a wrong command line in one sentence and exits 2', async () => {
    const choice = await runServe(['--after', 'linger']);
    expect(choice).toMatchObject({ code: 2, out: '' });
    expect(choice.err).toBe('"linger" is not a choice for --after: use one of close, half-close, keep-alive, reset, hang, drip.\n');
    // Ranges are the contract's: the door refuses them, and the CLI still says so in a sentence.
    const backlog = await runServe(['--port', '0', '--backlog', '0']);
    expect(backlog.code).toBe(2);
    expect(backlog.err).toMatch(/^The command "server\.start" was refused because its input is not valid: backlog: /);
    const exposed = await runServe(['--port', '0', '--host', '0.0.0.0']);
    expect(exposed.code).toBe(2);
    expect(exposed.err).toContain('Add --expose');
  });

  it('--expose listens beyond loopback with a warning', async () => {
    const server = await serve(['--port', '0', '--host', '0.0.0.0', '--expose']);
    await until(() => server.stderr().includes('\n'), 'the warning');
    expect(server.stderr()).toMatch(/^Warning: listening on 0\.0\.0\.0 lets other machines/);
    expect(server.lines[0]).toContain(`(http://127.0.0.1:${server.port}/)`);
    expect(await server.stop()).toBe(0);
  });

  it('--help documents every flag in words', async () => {
    const help = await runServe(['--help']);
    expect(help.code).toBe(0);
    // Each flag, then its sentence: on the same line, or on the next when the flag is long.
    for (const flag of Object.keys(SERVE_OPTIONS)) {
      expect(help.out).toMatch(new RegExp(`\\n {2}(-\\w, )?--${flag}\\b[^\\n]*?( {2,}|\\n {20,})[A-Za-z]`));
    }
    expect(help.out).toContain('--static [<DIR>]');
    expect(help.out).toContain('"responseFile"');
    expect(help.out).toContain('l1-hello-world');
    expect(help.out).not.toMatch(/cli\.help/);
  });
});
