// A tiny real server for testing responders against real peers (curl, Chromium) without the
// engine's exchange: it frames each request on a connection, asks the responder, writes the
// reply's writes in order, and keeps the connection for the next request when the client wants it
// (RFC 9112 section 9.3), else ends it. It logs what it served, for the tests to check.
import { createServer, type Socket } from 'node:net';
import { frameRequest, parseRequestHead, wantsKeepAlive, type FramingProgress, type RequestHead } from '../../../../shared/http/request';
import type { ReplyNote, Responder } from '../../responder';

export interface Served {
  target: string | null;
  status: number;
  notes: readonly ReplyNote[];
  bytesOut: number;
}

export interface MiniServer {
  port: number;
  served: Served[];
  /** Resolves once `count` requests have been answered, or rejects after `timeoutMs`. */
  waitForServed(count: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export async function startMiniServer(responder: Responder): Promise<MiniServer> {
  const served: Served[] = [];
  const waiters = new Set<() => void>();
  const sockets = new Set<Socket>();
  const record = (entry: Served): void => {
    served.push(entry);
    for (const wake of waiters) wake();
  };
  const server = createServer({ allowHalfOpen: true }, (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined); // a client that resets is not a test failure here
    serve(socket, responder, record);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return {
    port: address.port,
    served,
    waitForServed(count, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = (): void => {
          if (served.length < count) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve();
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`served ${served.length} of ${count}: ${JSON.stringify(served.map((s) => s.target))}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

function serve(socket: Socket, responder: Responder, record: (entry: Served) => void): void {
  let buffer = Buffer.alloc(0);
  let resume: FramingProgress | undefined;
  let peerEnded = false;
  let busy = false;
  let done = false;

  const reply = async (length: number, head: RequestHead | null): Promise<void> => {
    const received = buffer.subarray(0, length);
    buffer = buffer.subarray(length);
    resume = undefined;
    const answer = await responder({ connId: 'mini', received, head, peerFinished: peerEnded });
    let bytesOut = 0;
    for (const bytes of answer.writes) {
      socket.write(bytes);
      bytesOut += bytes.length;
    }
    const first = answer.writes[0] ?? new Uint8Array(0);
    const status = Number(/^HTTP\/\d\.\d (\d{3})/.exec(Buffer.from(first.subarray(0, 16)).toString('latin1'))?.[1]);
    record({ target: head?.target ?? null, status, notes: answer.notes ?? [], bytesOut });
    if (head === null || peerEnded || !wantsKeepAlive(head)) {
      done = true;
      socket.end();
    }
  };

  const pump = async (): Promise<void> => {
    if (busy || done) return;
    busy = true;
    // Bounded: each pass answers one request (and shortens the buffer) or stops.
    while (!done) {
      const framing = frameRequest(buffer, resume === undefined ? {} : { resume });
      if (framing.state === 'complete') await reply(framing.length, framing.head);
      else if (framing.state === 'invalid') await reply(buffer.length, framing.head);
      else if (peerEnded && buffer.length > 0) await reply(buffer.length, parseRequestHead(buffer));
      else {
        resume = framing.resume;
        if (peerEnded) {
          done = true;
          socket.end();
        }
        break;
      }
    }
    busy = false;
  };

  socket.on('data', (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    void pump();
  });
  socket.on('end', () => {
    peerEnded = true;
    void pump();
  });
}
