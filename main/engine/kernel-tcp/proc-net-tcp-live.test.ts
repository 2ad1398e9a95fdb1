// The kernel's table read back while our own loopback sockets close, matched by Node's own
// spelling of their addresses: what the watcher relies on. Linux only (elsewhere there is no table).
import { once } from 'node:events';
import { createServer, connect, type AddressInfo, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { addressKey, parseProcNetTcp, readSocketTables, type KernelSocket } from './proc-net-tcp';

const linux = process.platform === 'linux';
const listeners: Server[] = [];
const sockets: Socket[] = [];
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.destroy();
  for (const listener of listeners.splice(0)) listener.close();
});

async function pair(listenHost: string, connectHost: string): Promise<{ client: Socket; server: Socket }> {
  const listener = createServer({ allowHalfOpen: true });
  listeners.push(listener);
  listener.listen(0, listenHost);
  await once(listener, 'listening');
  const accepted = once(listener, 'connection') as Promise<[Socket]>;
  const client = connect({ host: connectHost, port: (listener.address() as AddressInfo).port, allowHalfOpen: true });
  const [server] = await accepted;
  await once(client, 'connect');
  sockets.push(client, server);
  client.resume();
  server.resume();
  return { client, server };
}

interface Ends {
  local: string | null;
  localPort: number | undefined;
  remote: string | null;
  remotePort: number | undefined;
}

/** The socket's 4-tuple as Node names it (asked while open: a closed socket forgets it). */
const endsOf = (socket: Socket): Ends => ({
  local: addressKey(socket.localAddress ?? ''),
  localPort: socket.localPort,
  remote: addressKey(socket.remoteAddress ?? ''),
  remotePort: socket.remotePort,
});

/** The table's line for this 4-tuple. */
async function stateOf(ends: Ends): Promise<KernelSocket | undefined> {
  const texts = (await readSocketTables()) ?? [];
  const sockets = texts.flatMap((t) => parseProcNetTcp(t));
  return sockets.find(
    (s) => s.local.address === ends.local && s.local.port === ends.localPort && s.remote.address === ends.remote && s.remote.port === ends.remotePort,
  );
}

async function until(socket: Ends, state: string): Promise<KernelSocket> {
  for (let i = 0; i < 200; i++) {
    const found = await stateOf(socket);
    if (found?.state === state) return found;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`never saw ${state}; last ${JSON.stringify(await stateOf(socket))}`);
}

describe.skipIf(!linux)('the kernel table, read while real sockets close (Linux)', () => {
  for (const [name, listenHost, connectHost] of [
    ['IPv4', '127.0.0.1', '127.0.0.1'],
    ['IPv6', '::1', '::1'],
    ['IPv4 to a dual-stack listener (::ffff:127.0.0.1 on its side)', '::', '127.0.0.1'],
  ] as const) {
    it(`${name}: FIN_WAIT_2 and CLOSE_WAIT after a half-close, then TIME_WAIT on the side that closed first`, async () => {
      const ends = await pair(listenHost, connectHost);
      const [client, server] = [endsOf(ends.client), endsOf(ends.server)];
      expect((await stateOf(client))?.state).toBe('ESTABLISHED');
      expect((await stateOf(server))?.state).toBe('ESTABLISHED');
      ends.client.end();
      await once(ends.server, 'end');
      await until(client, 'FIN_WAIT_2');
      expect((await stateOf(server))?.state).toBe('CLOSE_WAIT');
      const bothClosed = Promise.all([once(ends.client, 'close'), once(ends.server, 'close')]);
      ends.server.end();
      await bothClosed;
      const timeWait = await until(client, 'TIME_WAIT');
      // Linux's TIME_WAIT is 60 s (TCP_TIMEWAIT_LEN); a read moments after it began finds most of it left.
      expect(timeWait.timer).toBe(3);
      expect(timeWait.timerLeftMs).toBeGreaterThan(55_000);
      expect(timeWait.timerLeftMs).toBeLessThanOrEqual(60_000);
      for (let i = 0; i < 100 && (await stateOf(server)); i++) await new Promise((r) => setTimeout(r, 10));
      expect(await stateOf(server)).toBeUndefined(); // LAST_ACK acknowledged: gone from the table
    });
  }
});
