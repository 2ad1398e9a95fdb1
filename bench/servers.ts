// The servers the benchmark compares, each behind the same small interface: our Engine (driven
// through the same door as every host), the bare node:net baseline, and lesson L1's Python server.
// Before any load, `probe` checks that each one sends exactly the bytes it is meant to (or, for
// servers that add header fields of their own, the same status line and body).
import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import { join } from 'node:path';
import type { Policy } from './bare-server';
import type { RunningServer } from './engine-server';

export { startEngineServer, type EngineServer, type RunningServer } from './engine-server';

/** Lesson L1's server in python3 (bench/l1-server.py): listen(5), recv, sendall, shutdown, close. */
export async function startPythonServer(): Promise<RunningServer> {
  const child = spawn('python3', [join(import.meta.dirname, 'l1-server.py'), '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<void>((done) => child.once('close', () => done()));
  const port = await new Promise<number>((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new Error('python3 did not print its port in 10 s')), 10_000);
    child.stdout.on('data', (c: Buffer) => {
      text += c.toString();
      const line = /^(\d+)\n/.exec(text);
      if (!line) return;
      clearTimeout(timer);
      resolve(Number(line[1]));
    });
    child.once('error', reject);
  });
  return {
    port,
    close: async () => {
      child.kill('SIGKILL');
      await exited;
    },
  };
}

/** What a probe saw: the answer's length, and whether it was the very bytes expected. */
export interface Probed {
  bytes: number;
  identical: boolean;
}

/**
 * One request, as the load generators send it, and the whole answer: up to the server's FIN
 * (close) or the end its Content-Length gives (keep-alive). 'exact' throws unless the bytes are
 * exactly `expected`; 'loose' (for servers that add fields of their own: node:http, nginx) throws
 * unless the status line and the body are the expected ones, and says how many bytes came.
 */
export async function probe(port: number, policy: Policy, expected: Uint8Array, mode: 'exact' | 'loose' = 'exact'): Promise<Probed> {
  const request = `GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n${policy === 'close' ? 'Connection: close\r\n' : ''}\r\n`;
  const answer = await new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = connect({ host: '127.0.0.1', port }, () => socket.write(request));
    const timer = setTimeout(() => socket.destroy(new Error('no complete answer within 5 s')), 5_000);
    const done = (): void => {
      clearTimeout(timer);
      socket.destroy();
      resolve(Buffer.concat(chunks));
    };
    socket.on('data', (c: Buffer) => {
      chunks.push(c);
      if (policy !== 'keep_alive') return;
      const sofar = Buffer.concat(chunks);
      const whole = framedLength(sofar);
      if (whole !== null && sofar.length >= whole) done();
    });
    socket.on('end', done);
    socket.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
  });
  const identical = answer.equals(expected);
  const sameParts = statusLine(answer) === statusLine(expected) && body(answer).equals(body(expected));
  if (mode === 'exact' ? !identical : !sameParts) {
    const what = mode === 'exact' ? 'the expected bytes' : 'the expected status line and body';
    throw new Error(`port ${port} answered ${JSON.stringify(answer.toString('latin1'))}, not ${what}`);
  }
  return { bytes: answer.length, identical };
}

const headEnd = (bytes: Uint8Array): number => Buffer.from(bytes).indexOf('\r\n\r\n');
const statusLine = (bytes: Uint8Array): string => Buffer.from(bytes).toString('latin1').split('\r\n')[0] ?? '';
const body = (bytes: Uint8Array): Buffer => Buffer.from(bytes).subarray(headEnd(bytes) + 4);

/** Head plus Content-Length (RFC 9112 section 6.3, rule 6), once the head is in; null before, or without one. */
function framedLength(bytes: Buffer): number | null {
  const end = headEnd(bytes);
  if (end === -1) return null;
  const length = /\r\ncontent-length:[ \t]*(\d+)/i.exec(bytes.subarray(0, end + 2).toString('latin1'));
  return length ? end + 4 + Number(length[1]) : null;
}
