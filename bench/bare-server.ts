// The benchmark's Node baseline: a bare node:net server that sends the same bytes with the same
// policy as the Engine under test, and nothing else (no journal, no parsing beyond what the
// policy needs). What the Engine costs is the difference.
import { createServer, type Server, type Socket } from 'node:net';
import { listenOnLoopback } from './loopback-listen';

export type Policy = 'close' | 'keep_alive';

export interface BareServer {
  port: number;
  close(): Promise<void>;
}

const CRLFCRLF = Buffer.from('\r\n\r\n');

/**
 * close: answer the first chunk, send FIN, release the socket (like Python's shutdown + close).
 * keep_alive: answer each request head as it completes (GET requests without a body, as the load
 * generators send them; RFC 9112 section 6.3: no Content-Length and no Transfer-Encoding means no
 * body), and keep the connection for the next one.
 */
export async function startBareServer(response: Uint8Array, policy: Policy): Promise<BareServer> {
  const open = new Set<Socket>();
  const server: Server = createServer((socket) => {
    open.add(socket);
    socket.on('close', () => open.delete(socket));
    socket.on('error', () => socket.destroy());
    if (policy === 'close') {
      socket.once('data', () => socket.end(response, () => socket.destroy()));
      return;
    }
    let tail: Buffer = Buffer.alloc(0); // the last bytes of the previous chunk: a CRLFCRLF may straddle two
    socket.on('data', (chunk: Buffer) => {
      const text = tail.length > 0 ? Buffer.concat([tail, chunk]) : chunk;
      let from = 0;
      for (let at = text.indexOf(CRLFCRLF, from); at !== -1; at = text.indexOf(CRLFCRLF, from)) {
        socket.write(response);
        from = at + CRLFCRLF.length;
      }
      tail = text.subarray(Math.max(from, text.length - (CRLFCRLF.length - 1)));
    });
  });
  return listenOnLoopback(server, () => {
    for (const socket of open) socket.destroy();
  });
}
