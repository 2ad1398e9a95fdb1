// `wirebench connect`, run from source as a child process, against real peers: python3 servers in
// the style of the lessons, each telling the test exactly which bytes it received.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { JournalEvent } from '../../shared/contract/contract';
import { decodeWire } from '../../shared/contract/wire-codec';
import {
  FULL_BACKLOG_SERVER,
  HOLDER,
  L1_CLIENT,
  L1_SERVER,
  L2_SERVER,
  READ_TO_EOF_SERVER,
  reported,
  RESETTER,
  runPython,
  startPythonServer,
  type PeerFile,
  type PythonServer,
} from '../engine/testing/peers';
import { CONNECT_OPTIONS } from './connect-options';

const ENTRY = 'main/cli/wirebench.ts';
const L1_ANSWER = 'HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<html><body>Hello World</body></html>\r\n\r\n';
const L1_REQUEST = 'GET http://127.0.0.1/romeo.txt HTTP/1.0\r\n\r\n';


interface Ran {
  code: number | null;
  out: Buffer;
  err: string;
}

const running: ChildProcessWithoutNullStreams[] = [];
const peers: PythonServer[] = [];
afterEach(() => {
  for (const child of running.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  for (const peer of peers.splice(0)) peer.stop();
});

function spawnConnect(args: string[]): ChildProcessWithoutNullStreams {
  const child = spawn(process.execPath, ['--import', 'tsx', ENTRY, 'connect', ...args]);
  running.push(child);
  return child;
}

/** Runs `connect` with `input` as its whole stdin (then EOF), to completion (killed after 10 s). */
function runConnect(args: string[], input: string | Uint8Array = ''): Promise<Ran> {
  const child = spawnConnect(args);
  const out: Buffer[] = [];
  let err = '';
  child.stdout.on('data', (c: Buffer) => out.push(c));
  child.stderr.on('data', (c: Buffer) => (err += c.toString()));
  child.stdin.end(input);
  // Generous: five of these start at once, each a fresh node with tsx, on a busy 2-core machine.
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  return new Promise((done) =>
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, out: Buffer.concat(out), err });
    }),
  );
}

async function peer(file: PeerFile, args: string[] = []): Promise<PythonServer> {
  const server = await startPythonServer(file, args);
  peers.push(server);
  return server;
}

/** Reads everything until the client's FIN and closes without a word, reporting what it got. */
function recorder(): Promise<PythonServer> {
  return peer(READ_TO_EOF_SERVER, ['none']);
}

/** What a recording peer (recorder(), L1_SERVER) reported it received. */
async function receivedBy(server: PythonServer): Promise<Buffer> {
  return reported((await server.done).stderr, 'received');
}

/** A port nothing listens on: one the system just gave out and took back. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

function expectNoStackTrace(err: string): void {
  expect(err).not.toMatch(/^\s+at /m);
  expect(err).not.toContain('Error:');
  expect(err).not.toMatch(/cli\.connect|cli\.serve|notes\.|errors\./); // no catalog key printed raw
}

describe('wirebench connect', () => {
  it("gets from lesson L1's server exactly what L1's own client gets, sending the request with CRLFs", async () => {
    const reference = await peer(L1_SERVER);
    const l1 = await runPython(L1_CLIENT, [reference.port]);
    expect(l1.stdout.toString('latin1')).toBe(L1_ANSWER);

    const server = await peer(L1_SERVER);
    const ran = await runConnect(['127.0.0.1', String(server.port)], 'GET http://127.0.0.1/romeo.txt HTTP/1.0\n\n');
    expect(ran.code).toBe(0);
    expect(ran.out.equals(l1.stdout)).toBe(true);
    expect((await receivedBy(server)).toString('latin1')).toBe(L1_REQUEST);
    expect(ran.err).toContain(`Trying 127.0.0.1...\nConnected to 127.0.0.1 port ${server.port}.\n`);
    expect(ran.err).toContain('127.0.0.1 resolved to 127.0.0.1; connected to 127.0.0.1.');
    expect(ran.err).toContain(`→ 43 B "GET http://127.0.0.1/romeo.txt HTTP/1.0␍␊␍␊"`);
    expect(ran.err).toContain('the server sent FIN: it will send nothing more');
    expect(ran.err).toContain('we sent FIN: we will send nothing more');
    expect(ran.err).toMatch(/ closed\n$/);
    expectNoStackTrace(ran.err);
  });

  it('--lf ends each line with LF alone, whatever line breaks the input had; the last line gets one too', async () => {
    const server = await recorder();
    const ran = await runConnect(['--lf', `127.0.0.1:${server.port}`], 'GET / HTTP/1.0\r\nHost: x\n\nlast');
    expect(ran.code).toBe(0);
    expect((await receivedBy(server)).toString('latin1')).toBe('GET / HTTP/1.0\nHost: x\n\nlast\n');
  });

  it('--raw sends every byte exactly as read', async () => {
    const server = await recorder();
    const bytes = Uint8Array.of(0x00, 0xff, 0x0d, 0x47, 0x0a, 0x0a, 0x80, 0x5c, 0x72);
    const ran = await runConnect(['--raw', '127.0.0.1', String(server.port)], bytes);
    expect(ran.code).toBe(0);
    expect((await receivedBy(server)).equals(bytes)).toBe(true);
  });

  it('--hex sends the bytes each line spells, and stops at a line that is not hex, naming it', async () => {
    const server = await recorder();
    const ran = await runConnect(['--hex', `127.0.0.1:${server.port}`], '47 45 54\n\n0d0a 00ff\n');
    expect(ran.code).toBe(0);
    expect((await receivedBy(server)).equals(Buffer.from('GET\r\n\x00\xff', 'latin1'))).toBe(true);

    const second = await recorder();
    const bad = await runConnect(['--hex', `127.0.0.1:${second.port}`], '47 45\n54 4g 0a\n20\n');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('Line 2, column 5 of the input: "g" is not a hex digit. Nothing of that line was sent.');
    expect((await receivedBy(second)).toString('latin1')).toBe('GE');
    expectNoStackTrace(bad.err);
  });

  it('--escapes decodes \\r \\n \\t \\0 \\xHH \\\\ per line; without it a backslash is just a backslash', async () => {
    const typed = String.raw`a\r\n\t\0\x41\\b` + '\n';
    const server = await recorder();
    const ran = await runConnect(['--escapes', `127.0.0.1:${server.port}`], typed);
    expect(ran.code).toBe(0);
    expect((await receivedBy(server)).toString('latin1')).toBe('a\r\n\t\0A\\b\r\n');

    const literal = await recorder();
    expect((await runConnect([`127.0.0.1:${literal.port}`], typed)).code).toBe(0);
    expect((await receivedBy(literal)).toString('latin1')).toBe(String.raw`a\r\n\t\0\x41\\b` + '\r\n');
  });

  it('--request sends the request line and Host header a URL stands for, then the blank line', async () => {
    const server = await recorder();
    const ran = await runConnect(['--request', '--quiet', `http://127.0.0.1:${server.port}/hello?x=1`]);
    expect(ran).toMatchObject({ code: 0, err: '' });
    expect((await receivedBy(server)).toString('latin1')).toBe(`GET /hello?x=1 HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\n\r\n`);
  });

  it('--visible shows CR and LF as ␍ and ␊, breaking the line after each ␊', async () => {
    const server = await peer(L1_SERVER);
    const ran = await runConnect(['--visible', '127.0.0.1', String(server.port)], 'GET / HTTP/1.0\n\n');
    expect(ran.code).toBe(0);
    expect(ran.out.toString('utf8')).toBe(
      'HTTP/1.1 200 OK␍␊\nContent-Type: text/html; charset=utf-8␍␊\n␍␊\n<html><body>Hello World</body></html>␍␊\n␍␊\n',
    );
  });

  it('--json prints the connection and every journal event as JSON lines on stderr', async () => {
    const server = await peer(L1_SERVER);
    const ran = await runConnect(['--json', '127.0.0.1', String(server.port)], 'GET / HTTP/1.0\n\n');
    expect(ran.code).toBe(0);
    const [first, ...events] = ran.err.trimEnd().split('\n').map((line) => decodeWire(line) as Record<string, unknown>);
    expect(first).toMatchObject({ kind: 'connected', conn: { role: 'client', resolution: { host: '127.0.0.1' } } });
    const journal = events as JournalEvent[];
    const received = journal.flatMap((e) => (e.kind === 'data' && e.dir === 'in' && e.bytes ? [Buffer.from(e.bytes)] : []));
    expect(Buffer.concat(received).equals(ran.out)).toBe(true);
    expect(journal.map((e) => e.kind)).toEqual(expect.arrayContaining(['opened', 'note', 'peer_fin', 'fin_sent', 'closed']));
  });

  it('a refused connection and a name that does not resolve exit 1 with a sentence, never a stack trace', async () => {
    const port = await closedPort();
    const refused = await runConnect(['127.0.0.1', String(port)]);
    expect(refused.code).toBe(1);
    expect(refused.out.length).toBe(0);
    expect(refused.err).toBe(`Connection refused: nothing is listening on 127.0.0.1 port ${port}. Is the server running, and is the port right?\n`);
    expectNoStackTrace(refused.err);

    const unknown = await runConnect(['no-such-host.invalid', '80']);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toBe('The name "no-such-host.invalid" could not be resolved to an address. Check its spelling.\n');
  });

  it('gives up after --timeout on a listener that never completes the handshake, and exits 1', async () => {
    const silent = await peer(FULL_BACKLOG_SERVER);
    const started = Date.now();
    const ran = await runConnect(['--timeout', '300', '127.0.0.1', String(silent.port)]);
    expect(ran.code).toBe(1);
    expect(ran.err).toBe(`No answer from 127.0.0.1 port ${silent.port} in time. The host may be down, or a firewall drops the packets.\n`);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('a peer that resets the connection exits 1 saying an RST came, and why', async () => {
    const server = await peer(RESETTER);
    const ran = await runConnect(['127.0.0.1', String(server.port)], 'hello\n');
    expect(ran.code).toBe(1);
    expect(ran.err).toContain('an RST came from the server: the connection is gone');
    expect(ran.err).toContain('the system reported ECONNRESET');
    expect(ran.err.trimEnd().split('\n').at(-1)).toBe(
      'An RST came from the server, and the connection is gone. Why: the server reset the connection before sending anything: it aborted its socket on purpose (SO_LINGER 0), or closed it with bytes of yours still unread.',
    );
    expectNoStackTrace(ran.err);
  });

  it("lesson L2: two more lines after the server's answer and FIN meet its kernel's RST; exits 1 saying why", async () => {
    const server = await peer(L2_SERVER);
    const child = spawnConnect(['127.0.0.1', String(server.port)]);
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.stdin.on('error', () => {}); // the session may be over before the last line is written
    const exited = new Promise<number | null>((done) => child.on('close', (code) => done(code)));
    const until = async (what: string, check: () => boolean): Promise<void> => {
      for (let waited = 0; !check(); waited += 20) {
        if (waited > 15_000) throw new Error(`no ${what}: ${err}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    await until('connection', () => err.includes('resolved to'));
    child.stdin.write('GET /hello HTTP/1.1\n');
    await until('answer and FIN', () => out.includes('Hello, World!') && err.includes('the server sent FIN'));
    expect((await server.done).code).toBe(0); // its socket is closed: our next bytes meet an RST
    child.stdin.write('one more line\n');
    // Its kernel's RST answers that line at once; with the kernel's states read, the session hears
    // of it before any write fails. Should it not (a slow sampler), the next line fails (EPIPE).
    await new Promise((r) => setTimeout(r, 300));
    if (child.exitCode === null) child.stdin.write('and another\n');
    expect(await exited).toBe(1);
    expect(out).toBe('HTTP/1.1 200 OK\n\nHello, World!');
    expect(err.match(/an RST came from the server: the connection is gone/g)).toHaveLength(1);
    expect(err.trimEnd().split('\n').at(-1)).toBe(
      'An RST came from the server, and the connection is gone. Why: the server had closed its socket, so its kernel answered your bytes with RST.',
    );
    expectNoStackTrace(err);
  }, 30_000);

  it('Ctrl+C closes the connection and exits 130', async () => {
    const server = await peer(HOLDER);
    const child = spawnConnect(['127.0.0.1', String(server.port)]);
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const exited = new Promise<number | null>((done) => child.on('close', (code) => done(code)));
    for (let waited = 0; !err.includes('resolved to'); waited += 20) {
      if (waited > 5_000) throw new Error(`no connection: ${err}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(err).toContain('we sent FIN');
    expect(err).toMatch(/ closed\n$/);
  });

  it('explains a wrong command line in one sentence and exits 2', async () => {
    const [noPort, none, together, timeout, extra] = await Promise.all([
      runConnect(['localhost']),
      runConnect([]),
      runConnect(['--raw', '--escapes', 'localhost:80']),
      runConnect(['--timeout', '50', 'localhost:80']),
      runConnect(['localhost', '80', 'extra']),
    ]);
    expect(noPort).toMatchObject({ code: 2, err: '"localhost" has no port: write it as "localhost 80" or "localhost:80".\n' });
    expect(none).toMatchObject({ code: 2, err: expect.stringMatching(/^Say where to connect: "host port"/) as unknown });
    expect(together).toMatchObject({ code: 2, err: '--raw, --escapes cannot be used together: choose one.\n' });
    expect(timeout).toMatchObject({ code: 2, err: expect.stringContaining('from 100 to 120000') as unknown });
    expect(extra).toMatchObject({ code: 2, err: expect.stringContaining('does not take "extra"') as unknown });
  }, 40_000);

  it('--help documents every flag in words, the target and the exit codes', async () => {
    const help = await runConnect(['--help']);
    expect(help.code).toBe(0);
    const text = help.out.toString();
    expect(text).toMatch(/^Usage: wirebench connect <target> \[options\]/);
    for (const flag of Object.keys(CONNECT_OPTIONS)) {
      expect(text).toMatch(new RegExp(`\\n {2}(-\\w, )?--${flag}\\b[^\\n]*?( {2,}|\\n {20,})[A-Za-z]`));
    }
    expect(text).toContain('Exit codes: 0');
    expect(text).toContain('130 stopped with Ctrl+C');
    expect(text).not.toMatch(/cli\.help/);
  });
});
