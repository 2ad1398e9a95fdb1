// A client that never reads its answer (issue 15, item 5): with `after: close` the server's FIN
// waited behind the unsent bytes with no deadline (destroySoon), so 50 such clients of a 4 MB file
// held 44 sockets and ~170 MB for over 150 s. Every connection state now has a deadline: once
// nothing moves for idleTimeoutMs, the server journals a timeout and lets the socket go. The same
// for `after: reset`, whose RST waited for the answer to be flushed.
import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { AfterAnswer } from '../../shared/server/settings';
import { EngineProbe } from '../host/testing/engine-probe';

const BIG = 8 * 1024 * 1024; // well past what the kernel's buffers on both ends take in
const IDLE_MS = 600;

let probe: EngineProbe;
const clients: Socket[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await probe.engine.close();
});

/** Connects, asks, and never reads a byte of the answer. */
function nonReader(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port }, () => {
      socket.pause();
      socket.write('GET / HTTP/1.1\r\nHost: x\r\n\r\n', () => resolve());
    });
    socket.on('error', reject);
    clients.push(socket);
  });
}

describe('a client that never reads', () => {
  it.each<AfterAnswer>(['close', 'reset'])('after %s: the server lets go once nothing moves for idleTimeoutMs, saying so', async (after) => {
    probe = new EngineProbe();
    const answer = new Uint8Array(BIG + 38);
    answer.set(new TextEncoder().encode(`HTTP/1.1 200 OK\r\nContent-Length: ${BIG}\r\n\r\n`.padEnd(38, ' ')));
    const { port } = await probe.startServer({ responder: { kind: 'canned', bytes: answer }, answerWhen: 'request_end', after, idleTimeoutMs: IDLE_MS });
    await Promise.all([nonReader(port), nonReader(port), nonReader(port)]);
    for (let i = 0; i < 3; i++) {
      const conn = await probe.serverConn(i);
      const events = await probe.waitFor(`${conn.connId} closed`, async () => {
        const all = await probe.events(conn.connId);
        return all.some((e) => e.kind === 'closed') && all;
      }, 30_000);
      const timeout = events.find((e) => e.kind === 'timeout');
      expect(timeout, `connection ${i}`).toMatchObject({ kind: 'timeout', which: 'unread', ms: IDLE_MS });
      // Some of the answer went out, not all of it: the client read nothing.
      const sent = events.reduce((n, e) => (e.kind === 'data' && e.dir === 'out' ? n + e.length : n), 0);
      expect(sent).toBe(answer.length);
    }
  }, 60_000);

  it('a slow reader that keeps reading gets the whole answer: any progress restarts the wait', async () => {
    probe = new EngineProbe();
    const answer = new Uint8Array(BIG + 38).fill(0x61);
    answer.set(new TextEncoder().encode(`HTTP/1.1 200 OK\r\nContent-Length: ${BIG}\r\n\r\n`.padEnd(38, ' ')));
    // A wait far longer than the reader's pauses, so a busy machine's late timers cannot fake a stall.
    const { port } = await probe.startServer({ responder: { kind: 'canned', bytes: answer }, answerWhen: 'request_end', after: 'close', idleTimeoutMs: 5000 });
    const received = await new Promise<number>((resolve, reject) => {
      let total = 0;
      const socket = connect({ host: '127.0.0.1', port }, () => socket.write('GET / HTTP/1.1\r\nHost: x\r\n\r\n'));
      clients.push(socket);
      socket.pause();
      // Reads for a moment every 200 ms: far slower than the server could send, never idle for long.
      const sip = setInterval(() => {
        socket.resume();
        setTimeout(() => socket.pause(), 5);
      }, 200);
      socket.on('data', (c: Buffer) => (total += c.length));
      socket.on('end', () => {
        clearInterval(sip);
        resolve(total);
      });
      socket.on('error', reject);
    });
    expect(received).toBe(answer.length);
    const conn = await probe.serverConn();
    expect((await probe.events(conn.connId)).some((e) => e.kind === 'timeout')).toBe(false);
  }, 60_000);
});
