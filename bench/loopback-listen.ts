// The in-process baselines (bare node:net, Node's http module) start alike: listening on loopback
// with the backlog node:net uses by default, so that every Node server queues alike, and closed
// with every connection they still hold, so that one mode's leftovers do not load the next.
import type { Server } from 'node:net';

/** What the bench needs of a server it started (bench/engine-server.ts's RunningServer has the same shape). */
export interface ListeningServer {
  port: number;
  close(): Promise<void>;
}

export async function listenOnLoopback(server: Server, closeConnections: () => void): Promise<ListeningServer> {
  await new Promise<void>((done) => server.listen({ host: '127.0.0.1', port: 0, backlog: 511 }, done));
  const port = (server.address() as { port: number }).port;
  return {
    port,
    close: () =>
      new Promise((done) => {
        server.close(() => done());
        closeConnections();
      }),
  };
}
