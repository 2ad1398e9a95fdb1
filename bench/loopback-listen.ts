// The in-process baselines (bare node:net, Node's http module) start alike: listening on loopback
// with the backlog node:net uses by default, so that every Node server queues alike, and closed
// with every connection they still hold, so that one mode's leftovers do not load the next.
import type { Server } from 'node:net';
import type { RunningServer } from './engine-server';

export async function listenOnLoopback(server: Server, closeConnections: () => void): Promise<RunningServer> {
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
