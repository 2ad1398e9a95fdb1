// The guided lessons (shared/lessons) against the real engine: each lesson's server set up as the
// Lessons panel sets it up, the lesson's own client program (the one the panel offers to copy) run
// with python3 against it, and the journal the engine recorded traced into the lines of the
// lesson's program, in order. And the lesson's server program itself, run with python3, sends the
// very bytes Wirebench sends in its place.
import { mkdtempSync, cpSync, writeFileSync, rmSync } from 'node:fs';
import { createServer, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Lesson, ProgramCall } from '../../shared/lessons/lesson-types';
import { LESSON_L1 } from '../../shared/lessons/lesson-l1';
import { LESSON_L2 } from '../../shared/lessons/lesson-l2';
import { LESSON_L3 } from '../../shared/lessons/lesson-l3';
import { LESSON_L4 } from '../../shared/lessons/lesson-l4';
import { traceLesson, type TraceMark } from '../../shared/lessons/program-trace';
import { stepMark } from '../../shared/lessons/step-progress';
import { EngineProbe } from '../host/testing/engine-probe';
import { start, type Finished } from './testing/peer-process';

const DOCROOT = resolve(import.meta.dirname, '../../app/docroot');
const work = mkdtempSync(join(tmpdir(), 'wb-lessons-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let probe: EngineProbe;
afterEach(async () => {
  await probe.engine.close();
});

/** Writes a program into the work folder and runs it with python3 there (killed after 15 s). */
function python(name: string, text: string, args: string[] = []): Promise<Finished> {
  const file = join(work, name);
  writeFileSync(file, text);
  return start('python3', ['-B', file, ...args], { timeoutMs: 15_000 }).done.then((done) => {
    if (done.code !== 0) throw new Error(`${name} exited ${done.code}: ${done.stderr}`);
    return done;
  });
}

/** The lesson's server as the panel starts it, on a free port. */
async function setUp(lesson: Lesson): Promise<{ port: number; serverId: string }> {
  probe = new EngineProbe({ sampleDocRoot: DOCROOT });
  const info = await probe.call('server.start', { host: '127.0.0.1', port: 0, backlog: lesson.server.backlog, settings: lesson.server.settings });
  return { port: info.port, serverId: info.serverId };
}

/** Waits until `count` server connections are closed, then their journals traced into the program. */
async function traced(lesson: Lesson, port: number, count: number): Promise<TraceMark[]> {
  const journals = await probe.waitFor(`${count} closed server connections`, async () => {
    const closed = (await probe.conns()).filter((c) => c.role === 'server' && c.closed);
    if (closed.length < count) return false;
    return Promise.all(closed.map((c) => probe.events(c.connId)));
  });
  return traceLesson(lesson.program(port), lesson.server.settings.after, journals);
}

/** Each mark's line holds its call's anchor: the highlighted line is the right one. */
function expectLinesMatch(lesson: Lesson, port: number, marks: readonly TraceMark[]): void {
  const program = lesson.program(port);
  const lines = program.text.split('\n');
  for (const m of marks) expect(lines[m.line - 1], m.call).toContain(program.anchors[m.call]);
}

const calls = (marks: readonly TraceMark[]): ProgramCall[] => marks.map((m) => m.call);
const text = (bytes: Uint8Array | null | undefined): string => Buffer.from(bytes ?? new Uint8Array(0)).toString('latin1');

describe('the lessons on the wire', () => {
  it('L1: accept, recv (the request), sendall, shutdown, the recv that returns b"", close; steps done in order', async () => {
    const { port } = await setUp(LESSON_L1);
    const seen = await python('l1-client.py', LESSON_L1.peer(port).text);
    expect(seen.stdout.toString()).toContain('<html><body>Hello World</body></html>');
    const marks = await traced(LESSON_L1, port, 1);
    expect(calls(marks)).toEqual(['accept', 'recv', 'send', 'shutdown', 'eof', 'close']);
    expectLinesMatch(LESSON_L1, port, marks);
    expect(text(marks[1]?.bytes)).toBe('GET http://127.0.0.1/romeo.txt HTTP/1.0\r\n\r\n');
    expect(marks[1]?.requestLine).toBe('GET http://127.0.0.1/romeo.txt HTTP/1.0');
    // The lines light up in the program's own order, top to bottom.
    const lines = marks.map((m) => m.line);
    expect([...lines].sort((a, b) => a - b)).toEqual(lines);
    // The first two steps (who hangs up first, the second hang-up) happened; the browser's has not.
    const [send, hangUp, browser] = LESSON_L1.steps;
    expect(send && stepMark(send, marks)?.call).toBe('shutdown');
    expect(hangUp && stepMark(hangUp, marks)?.call).toBe('close');
    expect(browser && stepMark(browser, marks)).toBeNull();
  });

  it('L1: a second request for /favicon.ico completes the browser step', async () => {
    const { port } = await setUp(LESSON_L1);
    await python('l1-favicon.py', LESSON_L1.peer(port).text.replace('GET http://127.0.0.1/romeo.txt', 'GET /favicon.ico'));
    const marks = await traced(LESSON_L1, port, 1);
    const browser = LESSON_L1.steps[2];
    expect(browser && stepMark(browser, marks)?.requestLine).toBe('GET /favicon.ico HTTP/1.0');
  });

  it('L2: accept, recv, sendall, close (close sends the FIN: one close line, not two); garbage is answered too', async () => {
    const { port } = await setUp(LESSON_L2);
    const first = await python('l2-telnet.py', LESSON_L2.peer(port).text);
    expect(first.stdout.toString()).toBe('HTTP/1.1 200 OK\n\nHello, World!');
    await python('l2-garbage.py', LESSON_L2.peer(port).text.replace('GET /hello HTTP/1.1', 'no request at all'));
    const marks = await traced(LESSON_L2, port, 2);
    expect(calls(marks)).toEqual(['accept', 'recv', 'send', 'close', 'accept', 'recv', 'send', 'close']);
    expectLinesMatch(LESSON_L2, port, marks);
    expect(text(marks[5]?.bytes)).toBe('no request at all\r\n');
    const [type, closes, garbage] = LESSON_L2.steps;
    expect(type && stepMark(type, marks)?.seq).toBe(marks[2]?.seq);
    expect(closes && stepMark(closes, marks)?.call).toBe('close');
    expect(garbage && stepMark(garbage, marks)).toBe(marks[6]);
  });

  it("L3: the page in one sendall, the picture as head then bytes, the form's POST answered with its page, each on its own line", async () => {
    const { port } = await setUp(LESSON_L3);
    const seen = await python('l3-client.py', LESSON_L3.peer(port).text);
    expect(seen.stdout.toString()).toContain('Content-Type: image/jpg');
    // The form as a browser may post it: the head, then the body in a write of its own.
    const form = await connect(port);
    const answer: Buffer[] = [];
    form.on('data', (c: Buffer) => answer.push(c));
    form.write('POST /submit HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 13\r\n\r\n');
    await probe.waitFor('the POST head read', async () => {
      const third = (await probe.conns()).filter((c) => c.role === 'server')[2];
      return third !== undefined && third.bytesIn > 0;
    });
    form.end('firstname=Ada');
    const marks = await traced(LESSON_L3, port, 3);
    expect(Buffer.concat(answer).toString()).toContain('firstname=Ada');
    expect(calls(marks.filter((m) => m.connId === marks[0]?.connId))).toEqual(['accept', 'recv', 'send', 'close']);
    const byConn = [...new Set(marks.map((m) => m.connId))].map((id) => calls(marks.filter((m) => m.connId === id)));
    expect(byConn).toContainEqual(['accept', 'recv', 'sendHead', 'sendBody', 'close']);
    // Answered at the end of the request: two recv()s, head then body, before the page goes out.
    expect(byConn).toContainEqual(['accept', 'recv', 'recv', 'sendEchoHead', 'sendEchoBody', 'close']);
    expectLinesMatch(LESSON_L3, port, marks);
    for (const step of LESSON_L3.steps) expect(stepMark(step, marks), step.id).not.toBeNull();
    form.destroy();
  });

  it('L4: a missing path lights the NOT_FOUND line (its head and its text), a file the head then the body', async () => {
    const { port } = await setUp(LESSON_L4);
    const missing = await python('l4-missing.py', LESSON_L4.peer(port).text, ['/nothing.html']);
    expect(missing.stdout.toString('latin1').replace(/\r\n/g, '\n')).toContain('404 Not Found');
    const found = await python('l4-index.py', LESSON_L4.peer(port).text, ['/']);
    expect(found.stdout.toString()).toContain('Hello from the document root');
    const marks = await traced(LESSON_L4, port, 2);
    expect(calls(marks)).toEqual(['accept', 'recv', 'sendOther', 'sendOther', 'close', 'accept', 'recv', 'sendHead', 'sendBody', 'close']);
    expectLinesMatch(LESSON_L4, port, marks);
    const [index, notFound] = LESSON_L4.steps;
    expect(index && stepMark(index, marks)?.call).toBe('sendBody');
    expect(notFound && stepMark(notFound, marks)?.call).toBe('sendOther');
  });

  it('L4: a second client waits in the backlog (listen), then accept() returns for it once the first is done', async () => {
    const { port } = await setUp(LESSON_L4);
    const first = await connect(port);
    await probe.serverConn(0);
    const second = await connect(port);
    const waiting = await probe.serverConn(1);
    await probe.waitForKind(waiting.connId, 'queued');
    first.end('GET / HTTP/1.1\r\nHost: x\r\n\r\n');
    second.end('GET / HTTP/1.1\r\nHost: x\r\n\r\n');
    const marks = await traced(LESSON_L4, port, 2);
    const ofSecond = marks.filter((m) => m.connId === waiting.connId);
    // The body's bytes start where the head's end, in the out stream.
    const [head, body] = ofSecond.filter((m) => m.call === 'sendHead' || m.call === 'sendBody');
    expect(head?.offset).toBe(0);
    expect(body?.offset).toBe(head?.length);
    expect(calls(ofSecond)).toEqual(['listen', 'accept', 'recv', 'sendHead', 'sendBody', 'close']);
    expectLinesMatch(LESSON_L4, port, marks);
    const queue = LESSON_L4.steps[2];
    expect(queue && stepMark(queue, marks)?.connId).toBe(waiting.connId);
    first.destroy();
    second.destroy();
  });
});

describe("the lessons' own programs", () => {
  it('are all Python that compiles, servers and clients alike', async () => {
    for (const lesson of [LESSON_L1, LESSON_L2, LESSON_L3, LESSON_L4]) {
      for (const program of [lesson.program(lesson.server.port), lesson.peer(lesson.server.port)]) {
        const file = join(work, `check-${lesson.id}-${program.file}`);
        writeFileSync(file, program.text);
        const checked = await start('python3', ['-B', '-c', 'import ast, sys; ast.parse(open(sys.argv[1]).read())', file], { timeoutMs: 15_000 }).done;
        expect(checked.stderr, `${lesson.label} ${program.file}`).toBe('');
        expect(checked.code).toBe(0);
      }
    }
  });


  it.each([
    ['L1', LESSON_L1, 'GET http://127.0.0.1/romeo.txt HTTP/1.0\r\n\r\n'],
    ['L2', LESSON_L2, 'GET /hello HTTP/1.1\r\n'],
    ['L4', LESSON_L4, 'GET / HTTP/1.1\r\nHost: x\r\n\r\n'],
    ['L4 (404)', LESSON_L4, 'GET /nothing.html HTTP/1.1\r\nHost: x\r\n\r\n'],
  ] as const)('%s: run with python3, they answer byte for byte as Wirebench does', async (_name, lesson, request) => {
    const { port } = await setUp(lesson);
    const ours = await exchange(port, request);
    // The lesson's program, on a port of its own, in a folder holding its ./html document root.
    cpSync(DOCROOT, join(work, 'html'), { recursive: true });
    const pythonPort = await freePort();
    const file = join(work, `${lesson.id}-server.py`);
    writeFileSync(file, lesson.program(pythonPort).text);
    // Run from the work folder, so that the program's ./html is the copy made above.
    const inWork = `import os, runpy; os.chdir(${JSON.stringify(work)}); runpy.run_path(${JSON.stringify(file)}, run_name='__main__')`;
    const server = start('python3', ['-B', '-u', '-c', inWork], { timeoutMs: 15_000 });
    try {
      const theirs = await retry(() => exchange(pythonPort, request));
      expect(theirs.toString('latin1')).toBe(ours.toString('latin1'));
    } finally {
      server.stop();
    }
  });
});

function connect(port: number): Promise<Socket> {
  return new Promise((ok, fail) => {
    const socket = new Socket({ allowHalfOpen: true });
    socket.once('error', fail);
    socket.connect(port, '127.0.0.1', () => ok(socket));
  });
}

/** Sends the request and reads to EOF; then closes, as the lessons' clients do. */
async function exchange(port: number, request: string): Promise<Buffer> {
  const socket = await connect(port);
  const chunks: Buffer[] = [];
  socket.on('data', (c: Buffer) => chunks.push(c));
  socket.write(request, 'latin1');
  await new Promise<void>((ok, fail) => {
    socket.once('end', ok);
    socket.once('error', fail);
  });
  socket.end();
  return Buffer.concat(chunks);
}

function freePort(): Promise<number> {
  return new Promise((ok) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      s.close(() => ok(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** The Python server needs a moment to start listening: try again while it refuses. */
async function retry<T>(attempt: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      return await attempt();
    } catch (err) {
      if (Date.now() > deadline || (err as NodeJS.ErrnoException).code !== 'ECONNREFUSED') throw err;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}
