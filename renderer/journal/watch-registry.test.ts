// The watch registry through the real WebSocket bridge and a WebSocket server on 127.0.0.1 that
// answers journal.watch as the host does: which connections a page asks for, from where, and how
// the answers and the deltas around them land in the store (merged by seq).
import { describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { WebSocket } from 'ws';
import type { CommandInput, JournalEvent } from '../../shared/contract/contract';
import { decodeWire, encodeWire, type WireInvoke } from '../../shared/contract/wire-codec';
import { applyQueued } from '../bridge/ingest';
import { createWsBridge, type WebSocketLike } from '../bridge/ws-bridge';
import { cleanupsAfterEach, textOf, until } from '../bridge/testing/support';
import { createWirebenchStore } from '../store/store';
import { dataEvent, delta, openedEvent, summary } from '../store/test-data';
import { WatchRegistry } from './watch-registry';

const cleanups = cleanupsAfterEach();
type WatchInput = CommandInput<'journal.watch'>['watch'];

/** A door that answers journal.watch from `journals` (what the engine holds) and records each ask. */
async function startDoor(journals: Record<string, JournalEvent[]>) {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((done) => wss.once('listening', () => done()));
  cleanups.push(() => new Promise((done) => wss.close(done)));
  const asked: WatchInput[] = [];
  wss.on('connection', (ws) => {
    ws.on('message', (raw) => {
      const invoke = decodeWire(textOf(raw)) as WireInvoke;
      let value: unknown = null;
      if (invoke.name === 'journal.watch') {
        const { watch } = invoke.input as { watch: WatchInput };
        asked.push(watch);
        value = {
          journals: watch.filter((w) => journals[w.connId]).map((w) => ({ connId: w.connId, events: journals[w.connId]?.filter((e) => e.seq >= w.fromSeq) })),
          unknown: watch.filter((w) => !journals[w.connId]).map((w) => w.connId),
        };
      }
      ws.send(encodeWire({ type: 'result', id: invoke.id, result: { ok: true, value } }));
    });
  });
  const port = (wss.address() as { port: number }).port;
  const bridge = createWsBridge({ url: `ws://127.0.0.1:${port}/ws?token=t`, connect: (url) => new WebSocket(url) as unknown as WebSocketLike });
  cleanups.push(() => bridge.dispose());
  return { wss, asked, bridge };
}

const seqs = (events: readonly JournalEvent[] | undefined): number[] => (events ?? []).map((e) => e.seq);

describe('WatchRegistry', () => {
  it('asks for what the views show, from where the page’s copy ends, and merges answers and deltas by seq', async () => {
    const engine: Record<string, JournalEvent[]> = {
      c1: [openedEvent('c1'), dataEvent('c1', 1, 'in', 'GET'), dataEvent('c1', 2, 'out', 'HTTP')],
      c2: [openedEvent('c2')],
    };
    const { asked, bridge } = await startDoor(engine);
    const store = createWirebenchStore();
    store.getState().applyDelta(delta([summary('c1'), summary('c2')], []));
    const registry = new WatchRegistry(bridge, store);
    await until(() => asked.length >= 1); // the link came up: the (empty) set is said

    const unwatchJournal = registry.watch(['c1']);
    await until(() => store.getState().journals.c1?.events.length === 3);
    expect(asked.at(-1)).toEqual([{ connId: 'c1', fromSeq: 0 }]);
    expect(store.getState().journals.c1).toMatchObject({ needsFetch: false, loading: false, error: null });

    // A delta that repeats seq 2 (recorded before the watch, sent after it) and brings seq 3.
    applyQueued(store, [{ type: 'delta', payload: delta([], [dataEvent('c1', 2, 'out', 'HTTP'), dataEvent('c1', 3, 'in', 'x')]) }]);
    expect(seqs(store.getState().journals.c1?.events)).toEqual([0, 1, 2, 3]);

    // A second view, of both: c1 from seq 4 on, c2 whole; an unknown one is said to be gone.
    const unwatchBoth = registry.watch(['c1', 'c2', 'c9']);
    await until(() => store.getState().journals.c2?.events.length === 1 && store.getState().journals.c9?.error !== null && store.getState().journals.c9 !== undefined);
    expect(asked.at(-1)).toEqual([
      { connId: 'c1', fromSeq: 4 },
      { connId: 'c2', fromSeq: 0 },
      { connId: 'c9', fromSeq: 0 },
    ]);
    expect(store.getState().journals.c9?.error?.code).toBe('unknown_connection');

    // Both views go: nothing is watched, said once.
    const before = asked.length;
    unwatchJournal();
    unwatchBoth();
    await until(() => asked.length === before + 1);
    expect(asked.at(-1)).toEqual([]);
    // The same set again sends nothing.
    const again = registry.watch([]);
    again();
    await bridge.invoke('app.info', {});
    expect(asked.length).toBe(before + 1);
  });

  it('fetches a journal with a hole from its start, and ignores the gap the engine itself cut', async () => {
    const engine: Record<string, JournalEvent[]> = { c1: [openedEvent('c1'), dataEvent('c1', 1, 'in', 'a'), dataEvent('c1', 2, 'in', 'b')] };
    const { asked, bridge } = await startDoor(engine);
    const store = createWirebenchStore();
    const registry = new WatchRegistry(bridge, store);
    await until(() => asked.length >= 1);
    // A delta that came in the middle (seq 2 without 1): the copy has a hole.
    applyQueued(store, [{ type: 'delta', payload: delta([summary('c1')], [openedEvent('c1'), dataEvent('c1', 2, 'in', 'b')]) }]);
    expect(store.getState().journals.c1?.needsFetch).toBe(true);
    registry.watch(['c1']);
    await until(() => store.getState().journals.c1?.needsFetch === false);
    expect(asked.at(-1)).toEqual([{ connId: 'c1', fromSeq: 0 }]);
    expect(seqs(store.getState().journals.c1?.events)).toEqual([0, 1, 2]);
    // The engine's cap on events dropped 3..9: the next delta starts at 10 after a fetch said so.
    engine.c1 = [openedEvent('c1'), dataEvent('c1', 10, 'in', 'c')];
    registry.refresh();
    await until(() => seqs(store.getState().journals.c1?.events).includes(10));
    expect(asked.at(-1)).toEqual([{ connId: 'c1', fromSeq: 3 }]);
    applyQueued(store, [{ type: 'delta', payload: delta([], [dataEvent('c1', 11, 'in', 'd')]) }]);
    expect(store.getState().journals.c1?.needsFetch).toBe(false);
  });
});
