// --record FILE on `wirebench serve` and `wirebench connect`, run from source as child processes
// against real peers (nc, python3 in the lessons' style): the file they write is a session that
// decodes against its schema, and its chunks hold exactly the bytes that crossed the wire.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { JournalEvent } from '../../shared/contract/contract';
import { L1_HELLO_WORLD } from '../../shared/server/presets';
import { decodeSession, type SessionFile } from '../../shared/session/session-file';
import { L1_SERVER, nc, reported, startPythonServer, type PythonServer } from '../engine/testing/peers';
import { CHECKSUMS, noTshark, parseFollowRaw, tshark } from '../engine/testing/tshark';

const ENTRY = 'main/cli/wirebench.ts';
const running: ChildProcessWithoutNullStreams[] = [];
const peers: PythonServer[] = [];
let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wirebench-record-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});
afterEach(() => {
  for (const child of running.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  for (const peer of peers.splice(0)) peer.stop();
});

function cli(args: string[]): { child: ChildProcessWithoutNullStreams; exited: Promise<number | null>; err: () => string } {
  const child = spawn(process.execPath, ['--import', 'tsx', ENTRY, ...args]);
  running.push(child);
  let err = '';
  child.stderr.on('data', (c: Buffer) => (err += c.toString()));
  const exited = new Promise<number | null>((done) => child.on('close', (code) => done(code)));
  return { child, exited, err: () => err };
}

/** Every chunk of a direction of a connection, joined: what crossed the wire that way. */
function stream(events: readonly JournalEvent[], dir: 'in' | 'out'): Buffer {
  return Buffer.concat(events.flatMap((e) => (e.kind === 'data' && e.dir === dir && e.bytes ? [e.bytes] : [])));
}

async function session(file: string): Promise<SessionFile> {
  const decoded = decodeSession(await readFile(file, 'utf8'), file);
  if (!decoded.ok) throw new Error(`not a session: ${JSON.stringify(decoded.error)}`);
  return decoded.session;
}

describe('--record', () => {
  it('serve: every connection, its exact bytes both ways, its FINs, and the settings that answered', async () => {
    const file = join(dir, 'served.wbsession');
    const serve = cli(['serve', '--port', '0', '--after', 'keep-alive', '--answer', 'request-end', '--record', file]);
    const lines: string[] = [];
    createInterface({ input: serve.child.stdout }).on('line', (line) => lines.push(line));
    for (let waited = 0; lines.length === 0; waited += 20) {
      if (waited > 15_000 || serve.child.exitCode !== null) throw new Error(`serve did not start: ${serve.err()}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    const port = Number(/ port (\d+) /.exec(lines[0] ?? '')?.[1]);
    // Two requests on one connection, the second with a body holding every byte value.
    const body = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
    const sent = Buffer.concat([
      Buffer.from('GET /a HTTP/1.1\r\nHost: x\r\n\r\n'),
      Buffer.from(`POST /b HTTP/1.1\r\nHost: x\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n`),
      body,
    ]);
    const received = await nc(port, sent);
    expect(received.length).toBeGreaterThan(0);
    // A second client, so the file holds more than one connection.
    await nc(port, Buffer.from('GET /c HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'));
    for (let waited = 0; lines.filter((l) => / closed$/.test(l)).length < 2; waited += 20) {
      if (waited > 10_000) throw new Error(`no closed lines: ${lines.join('\n')}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    serve.child.kill('SIGINT');
    expect(await serve.exited).toBe(0);

    const recorded = await session(file);
    expect(recorded.writer.host).toBe('cli');
    expect(recorded.servers).toHaveLength(1);
    expect(recorded.servers[0]?.settings.after).toBe('keep_alive');
    expect(recorded.connections).toHaveLength(2);
    expect(recorded.totals.connections).toBe(2);
    const [first, second] = recorded.connections;
    expect(stream(first?.events ?? [], 'in').equals(sent)).toBe(true);
    expect(stream(first?.events ?? [], 'out').equals(received)).toBe(true);
    expect(first?.summary.bytesIn).toBe(sent.length);
    const kinds = (first?.events ?? []).map((e) => e.kind);
    expect(kinds[0]).toBe('opened');
    expect(kinds).toContain('peer_fin');
    expect(kinds).toContain('fin_sent');
    expect(kinds.at(-1)).toBe('closed');
    expect(stream(second?.events ?? [], 'in').toString('latin1')).toContain('GET /c ');
  });

  it("connect: lesson L1's exchange as the client saw it", async () => {
    const server = await startPythonServer(L1_SERVER);
    peers.push(server);
    const file = join(dir, 'connected.wbsession');
    const connect = cli(['connect', '--quiet', '--record', file, '127.0.0.1', String(server.port)]);
    connect.child.stdin.end('GET http://127.0.0.1/romeo.txt HTTP/1.0\n\n');
    expect(await connect.exited).toBe(0);
    const recorded = await session(file);
    expect(recorded.servers).toEqual([]);
    expect(recorded.connections).toHaveLength(1);
    const events = recorded.connections[0]?.events ?? [];
    expect(events[0]).toMatchObject({ kind: 'opened', role: 'client', remote: { port: server.port } });
    expect(stream(events, 'out').toString('latin1')).toBe('GET http://127.0.0.1/romeo.txt HTTP/1.0\r\n\r\n');
    expect(stream(events, 'in').equals(Buffer.from(L1_HELLO_WORLD.bytes))).toBe(true);
    expect(reported((await server.done).stderr, 'received').toString('latin1')).toBe('GET http://127.0.0.1/romeo.txt HTTP/1.0\r\n\r\n');
  });

  it.skipIf(noTshark !== undefined)(`connect --pcapng: tshark follows the stream to the very bytes${noTshark ? ` (skipped: ${noTshark})` : ''}`, async () => {
    const server = await startPythonServer(L1_SERVER);
    peers.push(server);
    const file = join(dir, 'connected.pcapng');
    const connect = cli(['connect', '--quiet', '--pcapng', file, '127.0.0.1', String(server.port)]);
    connect.child.stdin.end('GET http://127.0.0.1/romeo.txt HTTP/1.0\n\n');
    expect(await connect.exited).toBe(0);
    const read = await tshark(['-r', file, ...CHECKSUMS]);
    expect(read.stderr).toBe('');
    expect(read.code).toBe(0);
    const followed = parseFollowRaw((await tshark(['-r', file, '-q', '-z', 'follow,tcp,raw,0'])).stdout);
    expect(followed.fromNode0.toString('latin1')).toBe('GET http://127.0.0.1/romeo.txt HTTP/1.0\r\n\r\n');
    expect(followed.fromNode1.equals(Buffer.from(L1_HELLO_WORLD.bytes))).toBe(true);
  });

  it('a file that cannot be written is said in a sentence, with exit code 1', async () => {
    const file = join(dir, 'no-such-folder', 'x.wbsession');
    const serve = cli(['serve', '--port', '0', '--quiet', '--record', file]);
    let out = '';
    serve.child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    for (let waited = 0; !out.includes('\n'); waited += 20) {
      if (waited > 15_000) throw new Error(`serve did not start: ${serve.err()}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    serve.child.kill('SIGINT');
    expect(await serve.exited).toBe(1);
    expect(serve.err()).toContain(`Wirebench could not write ${file} (the system said ENOENT).`);
    expect(serve.err()).not.toMatch(/errors\.|^\s+at /m);
  });
});
