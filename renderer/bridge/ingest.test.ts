// Ingest through the real WebSocket bridge and a real WebSocket server on 127.0.0.1: events are
// queued, then applied to the store in one go when the (here, hand-cranked) frame comes.
import { describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { decodeWire, encodeWire, type WireInvoke } from '../../shared/contract/wire-codec';
import { createWirebenchStore } from '../store/store';
import { dataEvent, delta, openedEvent, server, summary, totals } from '../store/test-data';
import { applyQueued, foldDeltas, startIngest } from './ingest';
import { createWsBridge, type WebSocketLike } from './ws-bridge';
import { cleanupsAfterEach, textOf, until } from './testing/support';

const cleanups = cleanupsAfterEach();

describe('startIngest', () => {
  it('fetches the snapshot when the link comes up, and applies events once per frame', async () => {
    const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((done) => wss.once('listening', () => done()));
    cleanups.push(() => new Promise((done) => wss.close(done)));
    const snapshot = { servers: [server('s1', 9000)], conns: [summary('c1')], totals: totals({ connections: 1 }) };
    wss.on('connection', (ws) => {
      ws.on('message', (raw) => {
        const invoke = decodeWire(textOf(raw)) as WireInvoke;
        const value = invoke.name === 'journal.snapshot' ? snapshot : null;
        ws.send(encodeWire({ type: 'result', id: invoke.id, result: { ok: true, value } }));
      });
    });
    const port = (wss.address() as { port: number }).port;

    const store = createWirebenchStore();
    const frames: (() => void)[] = [];
    const bridge = createWsBridge({
      url: `ws://127.0.0.1:${port}/ws?token=t`,
      connect: (url) => new WebSocket(url) as unknown as WebSocketLike,
    });
    cleanups.push(() => bridge.dispose());
    const stop = startIngest(bridge, store, (flush) => {
      frames.push(flush);
      return () => {};
    });
    cleanups.push(stop);

    // The snapshot's answer waits in the queue for the next frame.
    await until(() => frames.length === 1);
    expect(store.getState().link).toBe('up');
    expect(store.getState().connOrder).toEqual([]);

    // Two deltas arrive before that frame: still nothing applied, and no second frame requested.
    const send = (name: string, payload: unknown): void => {
      for (const c of wss.clients) c.send(encodeWire({ type: 'event', name, payload }));
    };
    send('journal.delta', delta([summary('c1'), summary('c2')], [openedEvent('c1'), openedEvent('c2')]));
    send('journal.delta', delta([summary('c2', { bytesIn: 2 })], [dataEvent('c2', 1, 'in', 'hi')]));
    send('server.changed', { servers: [server('s1', 9000), server('s2', 8888)] });
    await bridge.invoke('app.info', {}); // a round trip: the events above have arrived
    expect(frames).toHaveLength(1);
    expect(store.getState().connOrder).toEqual([]);

    frames.shift()?.();
    const s = store.getState();
    expect(s.connOrder).toEqual(['c1', 'c2']);
    expect(s.conns.c2?.bytesIn).toBe(2);
    expect(s.journals.c2?.events.map((e) => e.kind)).toEqual(['opened', 'data']);
    expect(s.servers.map((x) => x.serverId)).toEqual(['s1', 's2']);
  });
});

describe('applyQueued', () => {
  it('applies in arrival order: a snapshot after deltas replaces what they said', () => {
    const store = createWirebenchStore();
    applyQueued(store, [
      { type: 'delta', payload: delta([summary('old')], [openedEvent('old')]) },
      { type: 'snapshot', value: { servers: [], conns: [summary('c1')], totals: totals() } },
      { type: 'delta', payload: delta([summary('c1', { bytesIn: 3 })], []) },
    ]);
    expect(store.getState().connOrder).toEqual(['c1']);
    expect(store.getState().conns.c1?.bytesIn).toBe(3);
  });
});

describe('foldDeltas', () => {
  it('keeps each connection once (its latest summary), every event in order, and the last totals', () => {
    const folded = foldDeltas([
      delta([summary('c1')], [openedEvent('c1')], totals({ bytesIn: 0 })),
      delta([summary('c1', { bytesIn: 2 })], [dataEvent('c1', 1, 'in', 'hi')], totals({ bytesIn: 2 })),
    ]);
    expect(folded?.conns).toEqual([summary('c1', { bytesIn: 2 })]);
    expect(folded?.events.map((e) => e.seq)).toEqual([0, 1]);
    expect(folded?.totals.bytesIn).toBe(2);
    expect(foldDeltas([])).toBeNull();
  });
});
