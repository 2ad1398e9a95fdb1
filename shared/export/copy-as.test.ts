// Copy as curl, printf | nc and Python, run for real: each awkward request is sent to Wirebench's
// engine (so it is a request seen in the journal), copied from the journal, and the copy is run
// with the real tool (curl, dash's printf piped into netcat-openbsd, python3) against a Node server
// that records what it receives. nc and Python must deliver the very bytes; curl the same method,
// target, version, fields (as a set) and body content.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EngineProbe } from '../../main/host/testing/engine-probe';
import { run } from '../../main/engine/testing/peers';
import { annotate } from '../http/annotate/annotator';
import { messageContent } from '../http/body';
import { connectionMessages, serverEnd, type CopyTarget, type SeenMessage } from './journal-messages';
import { copyAsCurl } from './copy-as-curl';
import { copyAsNcPrintf } from './copy-as-nc';
import { copyAsPython } from './copy-as-python';

const bytes = (text: string): Buffer => Buffer.from(text, 'latin1');

const CASES: { name: string; request: Buffer }[] = [
  { name: 'lesson L1: HTTP/1.0, absolute-form target, no Host', request: bytes('GET http://127.0.0.1/romeo.txt HTTP/1.0\r\n\r\n') },
  {
    name: "a quote and percent signs in the target and fields",
    request: bytes("GET /a?b=%41&c='x'&d=100% HTTP/1.1\r\nHost: h.test\r\nX-Quote: it's 100%\r\nX-Format: %s %d %% \\n\r\nX-Empty:\r\n\r\n"),
  },
  {
    name: 'a binary body with NUL and 0xFF bytes, and a Latin-1 field',
    request: Buffer.concat([
      bytes('POST /upload HTTP/1.1\r\nHost: h.test\r\nContent-Type: application/octet-stream\r\nX-Latin: caf\xe9\r\nContent-Length: 8\r\n\r\n'),
      Buffer.from([0x00, 0xff, 0x27, 0x25, 0x0d, 0x0a, 0x5c, 0x40]),
    ]),
  },
  { name: 'bare LF line ends', request: bytes('GET /lf HTTP/1.1\nHost: h.test\nX-A: 1\n\n') },
  {
    name: 'a chunked body with an extension and a trailer',
    request: bytes('PUT /c HTTP/1.1\r\nHost: h.test\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6;ext=1\r\n world\r\n0\r\nX-T: 1\r\n\r\n'),
  },
  { name: 'a HEAD with dot segments in its target', request: bytes('HEAD /a/../b/./c HTTP/1.1\r\nHost: h.test\r\nAccept: */*\r\n\r\n') },
  { name: 'a target with a byte beyond ASCII', request: bytes('GET /caf\xe9?q=1 HTTP/1.1\r\nHost: h.test\r\n\r\n') },
  { name: 'a text body starting with @', request: bytes('POST /f HTTP/1.1\r\nHost: h.test\r\nContent-Type: text/plain\r\nContent-Length: 6\r\n\r\n@hello') },
];

function has(command: string, args: string[], says = ''): boolean {
  const r = spawnSync(command, args, { encoding: 'utf8' });
  return !r.error && (says === '' || `${r.stdout}${r.stderr}`.includes(says));
}
const HAVE_CURL = has('curl', ['--version']);
const HAVE_PYTHON = has('python3', ['--version']);
// -N (FIN after stdin's end) is netcat-openbsd's, the nc Debian installs; `nc -h` names it.
const HAVE_NC = has('nc', ['-h'], 'OpenBSD netcat');
const skipped = (have: boolean, why: string): string => (have ? '' : ` (skipped: ${why})`);

/** A server that answers once the annotator finds the request complete (or at the FIN) and hands over what it received. */
class RecordingServer {
  private readonly server: Server;
  private readonly received: Promise<Buffer>[] = [];
  port = 0;

  constructor() {
    this.server = createServer((socket) => {
      const parts: Buffer[] = [];
      let answered = false;
      const answer = (): void => {
        if (answered) return;
        answered = true;
        socket.end('HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok');
      };
      socket.on('data', (d) => {
        parts.push(d);
        if (annotate(Buffer.concat(parts), 'request', { ended: false }).messages[0]?.complete) answer();
      });
      socket.on('end', answer);
      this.received.push(new Promise((resolve) => socket.on('close', () => resolve(Buffer.concat(parts)))));
    });
  }

  async listen(host = '127.0.0.1'): Promise<CopyTarget> {
    await new Promise<void>((resolve) => this.server.listen(0, host, resolve));
    this.port = (this.server.address() as { port: number }).port;
    return { host, port: this.port };
  }

  /** What the n-th connection received, once it has closed. */
  async connection(n: number): Promise<Buffer> {
    for (let i = 0; i < 500 && !this.received[n]; i++) await new Promise((r) => setTimeout(r, 10));
    const got = this.received[n];
    if (!got) throw new Error(`no connection #${n}`);
    return got;
  }

  get count(): number {
    return this.received.length;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

let probe: EngineProbe;
let recorder: RecordingServer | undefined;
let target: CopyTarget;
let dir: string;
/** Each case's request as the journal holds it, in CASES' order. */
const seen: SeenMessage[] = [];

/** Sends the request to the engine in one write, then FIN; the engine answers at the FIN and closes. */
async function throughEngine(port: number, request: Buffer): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(request));
    socket.on('error', reject);
    socket.resume();
    socket.on('close', () => resolve());
  });
}

beforeAll(async () => {
  probe = new EngineProbe();
  const info = await probe.startServer({ answerWhen: 'peer_fin', after: 'close' });
  for (const [i, c] of CASES.entries()) {
    await throughEngine(info.port, c.request);
    const conn = await probe.serverConn(i);
    await probe.waitForKind(conn.connId, 'closed');
    const summary = await probe.conn(conn.connId);
    expect(serverEnd(summary)).toEqual({ host: '127.0.0.1', port: info.port });
    const request = connectionMessages(summary, await probe.events(conn.connId)).requests[0];
    if (!request) throw new Error(`no request in the journal for ${c.name}`);
    seen.push(request);
  }
  recorder = new RecordingServer();
  target = await recorder.listen();
  dir = mkdtempSync(join(tmpdir(), 'wb-copy-as-'));
});

afterAll(async () => {
  await probe.engine.close();
  await recorder?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Runs a copy and returns what the recording server received on that connection. */
async function received(command: string, args: string[]): Promise<Buffer> {
  if (!recorder) throw new Error('no recording server');
  const n = recorder.count;
  const done = await run(command, args);
  expect(done.code, done.stderr).toBe(0);
  return recorder.connection(n);
}

describe('each journaled request is the request sent', () => {
  it.each(CASES.map((c, i) => [c.name, i] as const))('%s', (_name, i) => {
    expect(Buffer.from((seen[i] as SeenMessage).bytes).equals((CASES[i] as { request: Buffer }).request)).toBe(true);
  });
});

describe(`copy as printf | nc sends exactly these bytes${skipped(HAVE_NC, 'no netcat-openbsd (nc -h) on this machine')}`, () => {
  it.skipIf(!HAVE_NC).each(CASES.map((c, i) => [c.name, i] as const))('%s, in sh and in bash', async (_name, i) => {
    const request = seen[i] as SeenMessage;
    const command = copyAsNcPrintf(request, target);
    for (const shell of ['sh', 'bash']) {
      const got = await received(shell, ['-c', command]);
      expect(got.toString('latin1')).toBe(Buffer.from(request.bytes).toString('latin1'));
    }
  });
});

describe(`copy as Python sends exactly these bytes${skipped(HAVE_PYTHON, 'no python3 on this machine')}`, () => {
  it.skipIf(!HAVE_PYTHON).each(CASES.map((c, i) => [c.name, i] as const))('%s', async (_name, i) => {
    const request = seen[i] as SeenMessage;
    const file = join(dir, `client-${i}.py`);
    writeFileSync(file, copyAsPython(request, target));
    const got = await received('python3', ['-B', file]);
    expect(got.toString('latin1')).toBe(Buffer.from(request.bytes).toString('latin1'));
  });
});

/** What curl must reproduce: method, target, version, the fields as a set, and the body's content. */
function meaning(request: Uint8Array): { method?: string; target?: string; version: string; fields: string[]; content: string } {
  const a = annotate(request, 'request');
  const m = a.messages[0];
  if (!m) throw new Error('no request');
  const content = Buffer.from(messageContent(a, m, (offset, length) => request.subarray(offset, offset + length)).bytes).toString('latin1');
  const fields = m.fields.map((f) => `${f.name.toLowerCase()}: ${f.value}`).sort();
  return { method: m.method, target: m.target, version: m.version, fields, content };
}

describe(`copy as curl sends the same request${skipped(HAVE_CURL, 'no curl on this machine')}`, () => {
  it.skipIf(!HAVE_CURL).each(CASES.map((c, i) => [c.name, i] as const))('%s', async (_name, i) => {
    const request = seen[i] as SeenMessage;
    const command = copyAsCurl(request, target);
    const got = await received('sh', ['-c', command]);
    const want = meaning(request.bytes);
    const sent = meaning(got);
    // curl's Host names where it connects unless the original had one; the original had none or its own.
    expect(sent).toEqual(want);
  });
});

describe('what the copies say', () => {
  it('names the server it connects to, and says what curl cannot reproduce', () => {
    const lf = seen[3] as SeenMessage;
    expect(copyAsCurl(lf, { host: '::1', port: 8080 })).toContain("'http://[::1]:8080/lf'");
    expect(copyAsCurl(lf, target)).toContain('bare LF');
    expect(copyAsCurl(seen[4] as SeenMessage, target)).toContain('chunks it anew');
    expect(copyAsNcPrintf(lf, { host: 'example.test', port: 81 })).toMatch(/\| nc -N 'example\.test' 81$/);
    expect(copyAsPython(lf, { host: 'example.test', port: 81 })).toContain("socket.create_connection(('example.test', 81))");
  });

  it('says a NUL in a field cannot reach curl', () => {
    const raw = bytes('GET / HTTP/1.1\r\nHost: h\r\nX-Nul: a\x00b\r\n\r\n');
    const a = annotate(raw, 'request');
    const message = a.messages[0];
    if (!message) throw new Error('no request');
    expect(message.fields.map((f) => f.name)).toContain('X-Nul');
    expect(copyAsCurl({ message, bytes: raw, content: new Uint8Array() }, target)).toContain('A NUL byte');
  });

  it('escapes for POSIX printf: octal, %%, no \\x', () => {
    const nc = copyAsNcPrintf(seen[2] as SeenMessage, target);
    expect(nc).toContain("caf\\351");
    expect(nc).toContain("'\\000\\377\\047%%\\r\\n'\\\n'\\\\@'");
    expect(nc.split('\n').filter((line) => !line.startsWith('#')).join('\n')).not.toContain('\\x');
  });
});

describe('every byte value survives the escaping', () => {
  const all = new Uint8Array(Array.from({ length: 512 }, (_, i) => (i * 7) % 256));

  it.each(['sh', 'bash'])('printf in %s writes all 256 byte values back', async (shell) => {
    // The pipeline's printf part alone: its output is the bytes nc would send.
    const printf = copyAsNcPrintf({ bytes: all }, target).split('\n').filter((l) => !l.startsWith('#')).join('\n').replace(/ \| nc .*$/, '');
    const done = await run(shell, ['-c', printf]);
    expect(done.code, done.stderr).toBe(0);
    expect(done.stdout.equals(Buffer.from(all))).toBe(true);
  });

  it.skipIf(!HAVE_PYTHON)('the Python bytes literal holds all 256 byte values', async () => {
    const script = copyAsPython({ bytes: all }, target);
    const literal = script.slice(script.indexOf('request = ('), script.indexOf(')\n') + 1);
    const done = await run('python3', ['-c', `${literal}\nimport sys\nsys.stdout.buffer.write(request)`]);
    expect(done.code, done.stderr).toBe(0);
    expect(done.stdout.equals(Buffer.from(all))).toBe(true);
  });
});

describe('over IPv6', () => {
  it.skipIf(!HAVE_CURL || !HAVE_NC || !HAVE_PYTHON)('curl, nc and Python reach a server on ::1', async (context) => {
    const v6 = createServer();
    const ok = await new Promise<boolean>((resolve) => {
      v6.once('error', () => resolve(false));
      v6.listen(0, '::1', () => resolve(true));
    });
    if (!ok) context.skip('no IPv6 loopback (::1) on this machine');
    await new Promise<void>((resolve) => v6.close(() => resolve()));
    const server = new RecordingServer();
    const at = await server.listen('::1');
    try {
      const request = seen[1] as SeenMessage;
      await run('sh', ['-c', copyAsNcPrintf(request, at)]);
      expect((await server.connection(0)).equals(Buffer.from(request.bytes))).toBe(true);
      const file = join(dir, 'client-v6.py');
      writeFileSync(file, copyAsPython(request, at));
      await run('python3', ['-B', file]);
      expect((await server.connection(1)).equals(Buffer.from(request.bytes))).toBe(true);
      const curl = copyAsCurl(request, at);
      expect(curl).toContain("'http://[::1]:");
      const done = await run('sh', ['-c', curl]);
      expect(done.code, done.stderr).toBe(0);
      expect(meaning(await server.connection(2))).toEqual(meaning(request.bytes));
    } finally {
      await server.close();
    }
  });
});
