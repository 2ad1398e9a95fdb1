// The sampler over real loopback sockets and the real kernel table: what it journals, how many it
// watches, and that it lets go (cap, a journal that dropped the connection, close()).
import { once } from 'node:events';
import { createServer, connect, type AddressInfo, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { Address } from '../../../shared/contract/contract';
import type { TcpState } from '../../../shared/teardown/tcp-states';
import { parseProcNetTcp, readSocketTables } from './proc-net-tcp';
import { MAX_TABLE_SOCKETS, TcpStateWatcher, type StateJournal } from './tcp-state-watcher';

const linux = process.platform === 'linux';
const listeners: Server[] = [];
const sockets: Socket[] = [];
const watchers: TcpStateWatcher[] = [];
afterEach(() => {
  for (const w of watchers.splice(0)) w.close();
  for (const s of sockets.splice(0)) s.destroy();
  for (const l of listeners.splice(0)) l.close();
});

interface Pair {
  client: Socket;
  server: Socket;
  /** The client's ends, as an `opened` event records them. */
  ends: { local: Address; remote: Address };
}

async function pair(): Promise<Pair> {
  const listener = createServer({ allowHalfOpen: true });
  listeners.push(listener);
  listener.listen(0, '127.0.0.1');
  await once(listener, 'listening');
  const accepted = once(listener, 'connection') as Promise<[Socket]>;
  const client = connect({ host: '127.0.0.1', port: (listener.address() as AddressInfo).port, allowHalfOpen: true });
  const [server] = await accepted;
  await once(client, 'connect');
  sockets.push(client, server);
  // The RST test's peer reads ECONNRESET: expected, not a test failure.
  server.on('error', () => undefined);
  client.resume();
  server.resume();
  const end = (address: string | undefined, port: number | undefined): Address => ({ address: address ?? '', port: port ?? 0, family: 'IPv4' });
  return { client, server, ends: { local: end(client.localAddress, client.localPort), remote: end(client.remoteAddress, client.remotePort) } };
}

/** A journal of tcp_state readings per connection, that can forget a connection. */
class Recorded implements StateJournal {
  readonly states = new Map<string, { state: TcpState; timerMs: number | null }[]>();
  readonly ends_ = new Map<string, { local: Address; remote: Address }>();
  ends(connId: string) {
    return this.ends_.get(connId);
  }
  record(connId: string, state: TcpState, timerMs: number | null): boolean {
    if (!this.ends_.has(connId)) return false;
    this.states.set(connId, [...(this.states.get(connId) ?? []), { state, timerMs }]);
    return true;
  }
  of(connId: string): TcpState[] {
    return (this.states.get(connId) ?? []).map((s) => s.state);
  }
}

function watcher(journal: StateJournal, options: { maxWatched?: number; capMs?: number } = {}, count = { reads: 0 }): TcpStateWatcher {
  const w = new TcpStateWatcher({
    read: () => {
      count.reads++;
      return readSocketTables();
    },
    journal,
    ...options,
  });
  watchers.push(w);
  return w;
}

const until = async (what: string, check: () => boolean, ms = 5000): Promise<void> => {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
};

/** Waits until the kernel's table shows the socket with these ends in `state`. */
async function inKernel(ends: Pair['ends'], state: TcpState): Promise<void> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const sockets = ((await readSocketTables()) ?? []).flatMap((t) => parseProcNetTcp(t, { localPorts: new Set([ends.local.port]) }));
    if (sockets.some((s) => s.local.port === ends.local.port && s.remote.port === ends.remote.port && s.state === state)) return;
    if (Date.now() > deadline) throw new Error(`the kernel never showed ${state}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe.skipIf(!linux)('TcpStateWatcher (Linux, real sockets)', () => {
  it('journals each change once: FIN_WAIT_2 after our FIN, then TIME_WAIT with its time left', async () => {
    const journal = new Recorded();
    const w = watcher(journal);
    const p = await pair();
    journal.ends_.set('c1', p.ends);
    p.client.end();
    w.closing('c1');
    await until('FIN_WAIT_2', () => journal.of('c1').includes('FIN_WAIT_2'));
    // Nothing changes while the server holds its side open: no repeats.
    await new Promise((r) => setTimeout(r, 150));
    expect(journal.of('c1').filter((s) => s === 'FIN_WAIT_2')).toHaveLength(1);
    p.server.end();
    await until('TIME_WAIT', () => journal.of('c1').includes('TIME_WAIT'));
    const readings = journal.states.get('c1') ?? [];
    expect(readings.filter((r) => r.state !== 'TIME_WAIT').every((r) => r.timerMs === null)).toBe(true);
    expect(readings.at(-1)?.timerMs).toBeGreaterThan(55_000);
    expect(w.watching).toBe(1); // until TIME_WAIT ends (60 s) or the cap
  });

  it('records CLOSED once when the socket leaves the table (an RST: no state in between)', async () => {
    const journal = new Recorded();
    const w = watcher(journal);
    const p = await pair();
    journal.ends_.set('c1', p.ends);
    p.client.resetAndDestroy();
    w.closing('c1');
    await until('CLOSED', () => journal.of('c1').includes('CLOSED'));
    await new Promise((r) => setTimeout(r, 100));
    expect(journal.of('c1')).toEqual(['CLOSED']);
    expect(w.watching).toBe(0);
  });

  it('watches the newest connections only, past its cap', async () => {
    const journal = new Recorded();
    const w = watcher(journal, { maxWatched: 2 });
    const pairs = [await pair(), await pair(), await pair()];
    pairs.forEach((p, i) => {
      journal.ends_.set(`c${i}`, p.ends);
      p.client.end();
      w.closing(`c${i}`);
    });
    expect(w.watching).toBe(2);
    await until('both newest in FIN_WAIT_2', () => journal.of('c1').includes('FIN_WAIT_2') && journal.of('c2').includes('FIN_WAIT_2'));
    expect(journal.of('c0')).toEqual([]);
  });

  it('stops watching after capMs, and a connection the journal dropped, without a word', async () => {
    const journal = new Recorded();
    // A cap a busy machine cannot overrun before the first read (a read can take 100 ms or more then).
    const w = watcher(journal, { capMs: 1000 });
    const [a, b] = [await pair(), await pair()];
    journal.ends_.set('kept', a.ends);
    journal.ends_.set('dropped', b.ends);
    a.client.end();
    b.client.end();
    // FIN_WAIT_2 before the watch begins: FIN_WAIT_1 lasts until the peer's (maybe delayed) ACK, and
    // on a busy machine the read after it could come past the cap. FIN_WAIT_2 lasts: its first read sees it.
    await inKernel(a.ends, 'FIN_WAIT_2');
    w.closing('kept');
    w.closing('dropped');
    journal.ends_.delete('dropped'); // dropped whole before its first reading: record() says so
    await until('FIN_WAIT_2', () => journal.of('kept').includes('FIN_WAIT_2'));
    await until('the cap', () => w.watching === 0, 5000);
    // Still FIN_WAIT_2: the cap records nothing.
    expect(journal.of('kept')).toEqual(['FIN_WAIT_2']);
    expect(journal.of('dropped')).toEqual([]);
  });

  it('reads nothing more once closed, and nothing at all for a connection it cannot find', async () => {
    const journal = new Recorded();
    const count = { reads: 0 };
    const w = watcher(journal, {}, count);
    w.closing('unknown'); // no ends: never watched, never read
    await new Promise((r) => setTimeout(r, 50));
    expect(count.reads).toBe(0);
    const p = await pair();
    journal.ends_.set('c1', p.ends);
    p.client.end();
    w.closing('c1');
    await until('a reading', () => journal.of('c1').length > 0);
    w.close();
    const reads = count.reads;
    await new Promise((r) => setTimeout(r, 200));
    expect(count.reads).toBe(reads);
    expect(w.watching).toBe(0);
  });
});

describe.skipIf(!linux)('TcpStateWatcher under load (Linux, real sockets)', () => {
  it('reads nothing while the machine holds more sockets than it reads cheaply', async () => {
    const journal = new Recorded();
    const count = { reads: 0 };
    const w = new TcpStateWatcher({
      read: () => {
        count.reads++;
        return readSocketTables();
      },
      count: () => Promise.resolve(MAX_TABLE_SOCKETS + 1),
      journal,
    });
    watchers.push(w);
    const p = await pair();
    journal.ends_.set('c1', p.ends);
    p.client.end();
    w.closing('c1');
    await new Promise((r) => setTimeout(r, 150));
    expect(count.reads).toBe(0);
    expect(w.watching).toBe(1); // still watched: read once the table is small again, within the cap
  });

  it('watches nothing past BUSY_EVENTS_PER_S closing events in a second (a load test)', async () => {
    const journal = new Recorded();
    const count = { reads: 0 };
    const w = watcher(journal, {}, count);
    for (let i = 0; i < 300; i++) w.closing(`gone${i}`); // connections the journal no longer has
    const p = await pair();
    journal.ends_.set('c1', p.ends);
    p.client.end();
    w.closing('c1');
    await new Promise((r) => setTimeout(r, 150));
    expect(w.watching).toBe(0);
    expect(count.reads).toBe(0);
    expect(journal.of('c1')).toEqual([]);
  });
});

describe('TcpStateWatcher where the table cannot be read', () => {
  it('reads once, finds nothing to read, and watches nothing from then on', async () => {
    const journal = new Recorded();
    const count = { reads: 0 };
    const w = new TcpStateWatcher({
      read: () => {
        count.reads++;
        return readSocketTables(['/nonexistent/net/tcp']);
      },
      journal,
    });
    watchers.push(w);
    journal.ends_.set('c1', { local: { address: '127.0.0.1', port: 1, family: 'IPv4' }, remote: { address: '127.0.0.1', port: 2, family: 'IPv4' } });
    w.closing('c1');
    await until('the read', () => count.reads === 1);
    await new Promise((r) => setTimeout(r, 50));
    w.closing('c1');
    await new Promise((r) => setTimeout(r, 50));
    expect(count.reads).toBe(1);
    expect(w.watching).toBe(0);
    expect(journal.of('c1')).toEqual([]);
  });
});
