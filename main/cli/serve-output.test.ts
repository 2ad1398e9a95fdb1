// `wirebench serve`'s output under load, run from source as a child process: a pipe nobody reads,
// a reader that leaves (`| head -n 3`), a stdout that cannot be written, and --quiet's counters.
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { connect, createServer, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { L1_HELLO_WORLD } from '../../shared/server/presets';
import { decodeWire } from '../../shared/contract/wire-codec';
import { openFifo, type Fifo } from './testing/fifo';

const ENTRY = 'main/cli/wirebench.ts';
const SERVE = [process.execPath, '--import', 'tsx', ENTRY, 'serve', '--port', '0'] as const;
const REQUEST = Buffer.from('GET / HTTP/1.0\r\n\r\n');
// Amounts are written as English writes them: 1,234.
const NOT_PRINTED = /^([\d,]+) lines? of the journal (was|were) not printed: /;

const running: ChildProcess[] = [];
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const child of running.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function exitOf(child: ChildProcess): Promise<number | string | null> {
  return new Promise((done) => {
    if (child.exitCode !== null || child.signalCode !== null) done(child.exitCode ?? child.signalCode);
    else child.on('exit', (code, signal) => done(code ?? signal));
  });
}

/** Waits on a condition (or an attempt that succeeds), never on a clock alone; gives up after `ms`. */
async function until(check: () => boolean, what: string, ms = 10_000, attempt?: () => Promise<boolean>): Promise<void> {
  for (let waited = 0; !check(); waited += 20) {
    if (attempt && (await attempt())) return;
    if (waited > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A port nothing listens on now (the system's pick, released at once). */
function freePort(): Promise<number> {
  const server = createServer();
  return new Promise((done) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => done(port));
    }),
  );
}

function portIn(line: string): number {
  const match = / port (\d+) /.exec(line);
  if (!match) throw new Error(`no port in: ${line}`);
  return Number(match[1]);
}

/** One request on its own connection, read to the server's FIN: what came back. */
function request(port: number): Promise<Buffer> {
  return new Promise((done, fail) => {
    const chunks: Buffer[] = [];
    const socket: Socket = connect(port, '127.0.0.1', () => socket.write(REQUEST));
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('end', () => {
      socket.end();
      done(Buffer.concat(chunks));
    });
    socket.on('error', fail);
  });
}

/** `total` requests, `parallel` at a time, each answered in full (L1's answer, then FIN). */
async function requests(port: number, total: number, parallel = 16): Promise<number> {
  let started = 0;
  let received = 0;
  const worker = async (): Promise<void> => {
    while (started < total) {
      started++;
      const answer = await request(port);
      expect(answer.equals(Buffer.from(L1_HELLO_WORLD.bytes))).toBe(true);
      received += answer.length;
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  return received;
}

function rssMb(pid: number): number {
  const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kb) / 1024;
}

describe('wirebench serve output', () => {
  it.skipIf(process.platform !== 'linux')(
    'keeps answering while nobody reads its output, stays small, and later says how many lines it left out',
    async () => {
      const fifo: Fifo = openFifo();
      cleanups.push(() => fifo.dispose());
      // A small bound (256 KiB instead of 8 MiB), so that 2000 requests' journal overflows it.
      const env = { ...process.env, WIREBENCH_OUTPUT_CAP: String(256 * 1024) };
      const child = spawn(SERVE[0], [...SERVE.slice(1), '--after', 'close'], { stdio: ['ignore', fifo.writeFd, 'pipe'], env });
      running.push(child);
      closeSync(fifo.writeFd); // the child holds the only writing end
      let stderr = '';
      child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));

      // Read the first line for the port, then stop reading, as a pager that shows one screen does.
      let text = '';
      const reader = fifo.startReading((c) => (text += c.toString('utf8')));
      await until(() => text.includes('\n'), 'the first line', 15_000);
      reader.pause();
      const port = portIn(text);

      let mostRss = 0;
      const sampler = setInterval(() => (mostRss = Math.max(mostRss, rssMb(child.pid ?? 0))), 100);
      try {
        await requests(port, 2000);
        const started = Date.now();
        await request(port);
        expect(Date.now() - started).toBeLessThan(2000);
        mostRss = Math.max(mostRss, rssMb(child.pid ?? 0));
      } finally {
        clearInterval(sampler);
      }
      expect(mostRss).toBeLessThan(300);
      expect(child.exitCode).toBeNull();

      reader.resume();
      await until(() => text.split('\n').some((l) => NOT_PRINTED.test(l)), 'the "not printed" line');
      const count = Number(text.split('\n').find((l) => NOT_PRINTED.test(l))?.match(NOT_PRINTED)?.[1]?.replaceAll(',', ''));
      expect(count).toBeGreaterThan(1000);
      child.kill('SIGINT');
      expect(await exitOf(child)).toBe(0);
      expect(text).toMatch(/\nStopped after 2,001 connections: /);
      expect(stderr).toBe('');
    },
  );

  it('serve | head -n 3: once head has its lines and leaves, serve ends quietly, exit 0', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wirebench-head-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const errFile = join(dir, 'stderr');
    const codeFile = join(dir, 'code');
    // head writes to a pipe only when it exits (its output is buffered): the port is chosen here.
    const port = await freePort();
    const script = `"$@" 2>"${errFile}" | head -n 3; echo "\${PIPESTATUS[0]}" > "${codeFile}"`;
    const args = [...SERVE.slice(0, -1), String(port)];
    // A process group of its own, so that a failed run can end bash, serve and head together.
    const shell = spawn('bash', ['-c', script, 'bash', ...args], { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    cleanups.push(() => {
      if (shell.exitCode === null) process.kill(-(shell.pid ?? 0), 'SIGKILL');
    });
    const lines: string[] = [];
    createInterface({ input: shell.stdout }).on('line', (line) => lines.push(line));
    // The listening line, then the first request's two (connected, its bytes): head has its three.
    await until(() => false, 'a first answer', 15_000, () => request(port).then(() => true, () => false));
    // Each request makes lines that now meet a pipe with no reader: EPIPE ends serve.
    for (let i = 0; i < 100 && !existsSync(codeFile); i++) {
      await request(port).catch(() => null);
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(await exitOf(shell)).toBe(0);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain(` port ${port} `);
    expect(readFileSync(codeFile, 'utf8')).toBe('0\n');
    expect(readFileSync(errFile, 'utf8')).toBe(''); // no stack trace, no sentence
    await expect(request(port)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });

  it.skipIf(!existsSync('/dev/full'))('a stdout that cannot be written (/dev/full): one sentence naming ENOSPC, exit 1, no stack trace', async () => {
    const full = openSync('/dev/full', 'w');
    cleanups.push(() => closeSync(full));
    const child = spawn(SERVE[0], SERVE.slice(1), { stdio: ['ignore', full, 'pipe'] });
    running.push(child);
    let stderr = '';
    child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
    expect(await exitOf(child)).toBe(1);
    expect(stderr).toBe('Could not write to stdout (ENOSPC), so the server is stopped.\n');

    // Any other command that does not watch its output: the same, in general words.
    const help = spawn(process.execPath, ['--import', 'tsx', ENTRY, '--help'], { stdio: ['ignore', full, 'pipe'] });
    running.push(help);
    let helpErr = '';
    help.stderr?.on('data', (c: Buffer) => (helpErr += c.toString()));
    expect(await exitOf(help)).toBe(1);
    expect(helpErr).toBe('Could not write to stdout (ENOSPC), so Wirebench stops.\n');
  });

  it('--quiet prints a line of counters instead of each event, adding up to the requests made', async () => {
    const child = spawn(SERVE[0], [...SERVE.slice(1), '--quiet', '--after', 'close']);
    running.push(child);
    const lines: string[] = [];
    createInterface({ input: child.stdout }).on('line', (line) => lines.push(line));
    await until(() => lines.length > 0, 'the first line', 15_000);
    const port = portIn(lines[0] ?? '');
    expect(lines[1]).toMatch(/^Quiet: one line of counters every 1 s instead of each event/);
    const received = await requests(port, 300);
    child.kill('SIGINT');
    expect(await exitOf(child)).toBe(0);

    const pattern =
      /^\d\d:\d\d:\d\d\.\d{3} {2}in (\d+\.\d) s: connections ([\d,]+), requests answered ([\d,]+), bytes in ([\d,]+), bytes out ([\d,]+), resets \(RST\) ([\d,]+)$/;
    const counters = lines.slice(2, -1);
    expect(counters.length).toBeGreaterThan(0);
    const sum = [0, 0, 0, 0, 0];
    for (const line of counters) {
      const match = pattern.exec(line);
      expect(match, line).not.toBeNull();
      for (let i = 0; i < 5; i++) sum[i] = (sum[i] ?? 0) + Number(match?.[i + 2]?.replaceAll(',', ''));
    }
    expect(sum).toEqual([300, 300, 300 * REQUEST.length, received, 0]);
    expect(lines.at(-1)).toBe(`Stopped after 300 connections: ${(300 * REQUEST.length).toLocaleString('en')} bytes in, ${received.toLocaleString('en')} bytes out.`);
  });

  it('--json --summary 0.5: the counters as JSON objects, resets counted', async () => {
    const child = spawn(SERVE[0], [...SERVE.slice(1), '--json', '--summary', '0.5', '--after', 'reset']);
    running.push(child);
    const lines: string[] = [];
    createInterface({ input: child.stdout }).on('line', (line) => lines.push(line));
    await until(() => lines.length > 0, 'the first line', 15_000);
    const port = (decodeWire(lines[0] ?? '') as { server: { port: number } }).server.port;
    // The answer, then RST: a client may see the answer or ECONNRESET; the server answered each.
    for (let i = 0; i < 40; i++) await request(port).catch(() => null);
    child.kill('SIGTERM');
    expect(await exitOf(child)).toBe(0);
    const objects = lines.map((l) => decodeWire(l) as Record<string, number | string>);
    const counters = objects.filter((o) => o.kind === 'counters');
    expect(objects.filter((o) => o.kind !== 'counters').map((o) => o.kind)).toEqual(['listening', 'stopped']);
    const total = (key: string): number => counters.reduce((n, o) => n + Number(o[key]), 0);
    expect([total('connections'), total('requests'), total('resets')]).toEqual([40, 40, 40]);
    for (const o of counters) expect(o.seconds).toBeGreaterThan(0);
  });
});
