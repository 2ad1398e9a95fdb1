// Sequential accept, like a `while True: accept(); serve()` loop: one client at a time, the others
// waiting in a queue that the contract shows (journal.snapshot, server.changed), in order.
import { afterEach, describe, expect, it } from 'vitest';
import type { JournalEvent } from '../../shared/contract/contract';
import { L1_HELLO_WORLD } from '../../shared/server/presets';
import { EngineProbe, kinds, wireKinds } from '../host/testing/engine-probe';
import { counts, runScript, startScript } from './testing/peers';

const L1 = Buffer.from(L1_HELLO_WORLD.bytes);
const REQUEST = 'GET / HTTP/1.1\r\nHost: x\r\n\r\n';

let probe: EngineProbe;
afterEach(async () => {
  await probe.engine.close();
});

const at = (events: JournalEvent[], kind: JournalEvent['kind']): number => {
  const found = events.find((e) => e.kind === kind);
  if (!found) throw new Error(`no ${kind}`);
  return found.at;
};

describe('sequential accept', () => {
  it("serves the second client only after the first is done; the queue is visible meanwhile", async () => {
    probe = new EngineProbe();
    // peer_fin: the first client holds the server until it says it is done.
    const { port, serverId } = await probe.startServer({ acceptMode: 'sequential', answerWhen: 'peer_fin' });
    const first = startScript(port, [['send', REQUEST], ['wait_stdin'], ['shut_wr'], ['read_all']]);
    const a = await probe.serverConn(0);
    const second = startScript(port, [['send', REQUEST], ['shut_wr'], ['mark', 'sent'], ['read_all']]);
    const b = await probe.serverConn(1);
    await probe.waitForKind(b.connId, 'queued');
    await second.reached('sent');

    const queued = await probe.serverInfo(serverId);
    expect(queued.stats).toEqual({ accepted: 2, open: 1, queued: [b.connId], served: 0 });
    await probe.waitFor('server.changed with the queue', () =>
      probe.serverChanges.some((c) => c.servers[0]?.stats.queued.join() === b.connId),
    );
    // The second client's request and FIN are in the kernel's buffers, not delivered to us.
    expect(kinds(await probe.events(b.connId))).toEqual(['opened', 'queued 1']);

    first.proceed();
    const [one, two] = await Promise.all([first.done, second.done]);
    expect(one.stdout.equals(L1)).toBe(true);
    expect(two.stdout.equals(L1)).toBe(true);
    const aEvents = await probe.waitForKind(a.connId, 'closed');
    const bEvents = await probe.waitForKind(b.connId, 'closed');
    expect(kinds(bEvents).slice(0, 6)).toEqual(['opened', 'queued 1', 'dequeued', 'data in', 'peer_fin', 'data out']);
    expect(at(bEvents, 'dequeued')).toBeGreaterThanOrEqual(at(aEvents, 'closed'));
    expect(at(bEvents, 'data')).toBeGreaterThanOrEqual(at(aEvents, 'closed'));
    const done = await probe.waitFor('both counted', async () => {
      const s = await probe.serverInfo(serverId);
      return s.stats.served === 2 && s.stats.open === 0 && s;
    });
    expect(done.stats).toEqual({ accepted: 2, open: 0, queued: [], served: 2 });
  });

  it('keeps the queue in arrival order, and a client that gives up leaves it', async () => {
    probe = new EngineProbe();
    const { port, serverId } = await probe.startServer({ acceptMode: 'sequential', answerWhen: 'peer_fin' });
    const holder = startScript(port, [['wait_stdin'], ['shut_wr'], ['read_all']]);
    await probe.serverConn(0);
    // b hangs up with a FIN, having sent nothing; c resets; d waits its turn.
    const b = startScript(port, [['wait_stdin'], ['shut_wr'], ['read_all']]);
    const bConn = await probe.serverConn(1);
    const c = startScript(port, [['wait_stdin'], ['rst']]);
    const cConn = await probe.serverConn(2);
    const d = startScript(port, [['send', REQUEST], ['shut_wr'], ['read_all']]);
    const dConn = await probe.serverConn(3);
    await probe.waitForKind(dConn.connId, 'queued');
    expect((await probe.serverInfo(serverId)).stats.queued).toEqual([bConn.connId, cConn.connId, dConn.connId]);
    expect(kinds(await probe.events(dConn.connId))).toEqual(['opened', 'queued 3']);

    b.proceed();
    await probe.waitFor('b out of the queue', async () => (await probe.serverInfo(serverId)).stats.queued.length === 2);
    expect(wireKinds(await probe.waitForKind(bConn.connId, 'closed'))).toEqual(['opened', 'queued 1', 'peer_fin', 'fin_sent', 'closed']);
    c.proceed();
    await probe.waitFor('c out of the queue', async () => (await probe.serverInfo(serverId)).stats.queued.length === 1);
    expect(kinds(await probe.waitForKind(cConn.connId, 'closed'))).toEqual(['opened', 'queued 2', 'rst_received', 'error', 'closed']);
    expect((await probe.serverInfo(serverId)).stats.queued).toEqual([dConn.connId]);

    holder.proceed();
    const [, , , last] = await Promise.all([holder.done, b.done, c.done, d.done]);
    expect(last.stdout.equals(L1)).toBe(true);
    expect(counts(last.stderr).received).toBe(L1.length);
    expect(kinds(await probe.waitForKind(dConn.connId, 'closed')).slice(0, 3)).toEqual(['opened', 'queued 3', 'dequeued']);
  });

  it('switching to concurrent applies to new connections: they are served at once', async () => {
    probe = new EngineProbe();
    const { port, serverId } = await probe.startServer({ acceptMode: 'sequential', answerWhen: 'peer_fin' });
    const holder = startScript(port, [['wait_stdin'], ['shut_wr'], ['read_all']]);
    await probe.serverConn(0);
    await probe.call('server.update', { serverId, settings: { acceptMode: 'concurrent' } });
    const other = await runScript(port, [['send', REQUEST], ['shut_wr'], ['read_all']]);
    expect(other.stdout.equals(L1)).toBe(true);
    const conn = await probe.serverConn(1);
    expect(kinds(await probe.waitForKind(conn.connId, 'closed'))).not.toContain('queued 1');
    holder.proceed();
    expect((await holder.done).stdout.equals(L1)).toBe(true);
  });
});
