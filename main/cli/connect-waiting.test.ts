// `wirebench connect`, run from source as a child process, says why the exchange waits once its
// input and output have been still for a second: on stderr, never on stdout. The server is the
// engine's own, answering at the end of the request, over 127.0.0.1.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeWire } from '../../shared/contract/wire-codec';
import { L1_HELLO_WORLD } from '../../shared/server/presets';
import { EngineProbe } from '../host/testing/engine-probe';

const ENTRY = 'main/cli/wirebench.ts';
const HINT = 'Waiting: the request has no blank line yet';

let probe: EngineProbe | null = null;
let child: ChildProcessWithoutNullStreams | null = null;
afterEach(async () => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  child = null;
  await probe?.engine.close();
  probe = null;
});

/** Polls until `check` holds, or fails after `ms` (generous: a fresh node with tsx on a busy machine). */
async function until(what: string, check: () => boolean, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('wirebench connect: why is it waiting?', () => {
  it('says on stderr that the server waits for the blank line, after a still second, once; stdout carries only the answer', async () => {
    probe = new EngineProbe();
    const { port } = await probe.startServer({ answerWhen: 'request_end' });
    const started = spawn(process.execPath, ['--import', 'tsx', ENTRY, 'connect', '127.0.0.1', String(port)]);
    child = started;
    let out = Buffer.alloc(0);
    let err = '';
    started.stdout.on('data', (c: Buffer) => (out = Buffer.concat([out, c])));
    started.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const exited = new Promise<number | null>((done) => started.on('close', done));

    await until('connected', () => err.includes('Connected to 127.0.0.1'));
    // Before the write: the child's still second can only start after it reads these lines.
    const sentAt = Date.now();
    started.stdin.write('GET / HTTP/1.1\nHost: x\n');
    // The request's lines reach the server (they go out as soon as each line is read).
    await probe.waitFor('the request at the server', async () => {
      const conn = (await probe?.conns())?.find((c) => c.role === 'server');
      return conn !== undefined && conn.bytesIn === 'GET / HTTP/1.1\r\nHost: x\r\n'.length;
    }, 30_000);
    await until('the hint', () => err.includes(HINT));
    // Timers never fire early: the hint waited for a still second after the last bytes went out.
    expect(Date.now() - sentAt).toBeGreaterThanOrEqual(950);
    expect(out.length).toBe(0);

    // Still for longer: the hint is not said again while nothing changes.
    await new Promise((r) => setTimeout(r, 2500));
    expect(err.split(HINT).length - 1).toBe(1);

    // The blank line: the server answers, and the answer alone is on stdout.
    started.stdin.write('\n');
    await until('the answer', () => out.length >= L1_HELLO_WORLD.bytes.length);
    started.stdin.end();
    expect(await exited).toBe(0);
    expect(out.equals(Buffer.from(L1_HELLO_WORLD.bytes))).toBe(true);
    expect(out.toString('latin1')).not.toContain('Waiting');
  }, 90_000);

  it('with --json and raw input: a waiting line says the body bytes Content-Length still owes', async () => {
    probe = new EngineProbe();
    const { port } = await probe.startServer({ answerWhen: 'request_end' });
    const started = spawn(process.execPath, ['--import', 'tsx', ENTRY, 'connect', '--json', '--raw', '127.0.0.1', String(port)]);
    child = started;
    let out = '';
    let err = '';
    started.stdout.on('data', (c: Buffer) => (out += c.toString('latin1')));
    started.stderr.on('data', (c: Buffer) => (err += c.toString()));
    await until('connected', () => err.includes('"kind":"connected"'));
    started.stdin.write('POST /f HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nname=');
    await until('the waiting line', () => err.includes('"kind":"waiting"'));
    const line = err.split('\n').find((l) => l.includes('"kind":"waiting"')) as string;
    expect(decodeWire(line)).toEqual({
      kind: 'waiting',
      hint: { code: 'body_bytes_due', source: 'bytes', params: { count: 5 } },
      sentence: 'Waiting: 5 more body bytes are due by the request’s Content-Length, and an HTTP server waits for them.',
    });
    expect(out).toBe('');
  }, 90_000);
});
