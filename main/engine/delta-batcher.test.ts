// Hosts get the journal in batches: many chunks, few messages, and nothing lost or reordered.
import { afterEach, describe, expect, it } from 'vitest';
import type { JournalEvent } from '../../shared/contract/contract';
import { ascii, EngineProbe } from '../host/testing/engine-probe';

let probe: EngineProbe;
afterEach(async () => {
  await probe.engine.close();
});

describe('journal.delta', () => {
  it('batches a burst of chunks, and the deltas add up to exactly the journal', async () => {
    const interval = 16;
    probe = new EngineProbe({ deltaIntervalMs: interval });
    const { port } = await probe.call('server.start', { host: '127.0.0.1', port: 0 });
    const { connId } = await probe.call('client.connect', { host: '127.0.0.1', port });
    const sends = 300;
    for (let i = 0; i < sends; i++) {
      await probe.call('client.send', { connId, bytes: ascii(`line ${i}\r\n`) });
    }
    await probe.call('client.close', { connId });
    const server = await probe.serverConn();
    await probe.waitForKind(connId, 'closed');
    await probe.waitForKind(server.connId, 'closed');
    const snapshot = await probe.call('journal.snapshot', {});
    // Both journals are complete now; wait for the delta that carries their last events.
    const journalLength = (await probe.events(connId)).length + (await probe.events(server.connId)).length;
    await probe.waitFor('the last delta', () => probe.deltas.flatMap((d) => d.events).length >= journalLength);

    const chunks = snapshot.conns.reduce((n, c) => n + c.chunksIn + c.chunksOut, 0);
    expect(chunks).toBeGreaterThanOrEqual(sends + 2);
    expect(probe.deltas.length).toBeLessThan(chunks / 10);
    // Never two deltas within one interval (a timer may fire a millisecond early).
    const gaps = probe.deltaTimes.slice(1).map((t, i) => t - (probe.deltaTimes[i] as number));
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(interval - 1.5);

    // Concatenated, the deltas' events are each connection's journal, in order, nothing missing.
    const streamed = new Map<string, JournalEvent[]>();
    for (const delta of probe.deltas) {
      for (const event of delta.events) streamed.set(event.connId, [...(streamed.get(event.connId) ?? []), event]);
    }
    expect([...streamed.keys()].sort()).toEqual([connId, server.connId].sort());
    for (const id of streamed.keys()) expect(streamed.get(id)).toEqual(await probe.events(id));
    // And the last summary each delta carried is the snapshot's.
    for (const conn of snapshot.conns) {
      const latest = probe.deltas.flatMap((d) => d.conns).filter((c) => c.connId === conn.connId).at(-1);
      expect(latest).toEqual(conn);
    }
  });

  it('sends nothing while nothing happens', async () => {
    probe = new EngineProbe({ deltaIntervalMs: 5 });
    await probe.call('server.start', { host: '127.0.0.1', port: 0 });
    await new Promise((r) => setTimeout(r, 50));
    expect(probe.deltas).toEqual([]);
    expect(probe.serverChanges).toHaveLength(1);
  });
});
