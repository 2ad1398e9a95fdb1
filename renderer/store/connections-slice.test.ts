import { describe, expect, it } from 'vitest';
import { connStateOf } from './conn-state';
import { createWirebenchStore } from './store';
import { dataEvent, delta, openedEvent, summary, totals } from './test-data';

describe('connections slice', () => {
  it('adds connections from deltas in order of appearance, with their journals', () => {
    const store = createWirebenchStore();
    store.getState().applyDelta(delta([summary('c1'), summary('c2', { role: 'server' })], [openedEvent('c1'), openedEvent('c2')]));
    store.getState().applyDelta(delta([summary('c1', { bytesOut: 5 })], [dataEvent('c1', 1, 'out', 'GET /')], totals({ bytesOut: 5 })));
    const s = store.getState();
    expect(s.connOrder).toEqual(['c1', 'c2']);
    expect(s.conns.c1?.bytesOut).toBe(5);
    expect(s.journals.c1?.events.map((e) => e.kind)).toEqual(['opened', 'data']);
    expect(s.journals.c1?.needsFetch).toBe(false);
    expect(s.totals.bytesOut).toBe(5);
  });

  it('clears closed connections from the list, for good, keeping open ones and every journal', () => {
    const store = createWirebenchStore();
    store.getState().applyDelta(delta([summary('c1', { closed: true }), summary('c2'), summary('c3', { closed: true })], [openedEvent('c1'), openedEvent('c2')]));
    store.getState().select('c1');
    store.getState().forgetClosedConns();
    let s = store.getState();
    expect(s.connOrder).toEqual(['c2']);
    expect(s.selectedConnId).toBeNull();
    // A client tab may still show c1's transcript: its journal stays.
    expect(s.journals.c1?.events).toHaveLength(1);
    // A later delta or snapshot that mentions a cleared one does not bring it back.
    store.getState().applyDelta(delta([summary('c1', { closed: true, payloadEvicted: true }), summary('c4')], []));
    store.getState().applySnapshot([summary('c1', { closed: true }), summary('c2'), summary('c4')], totals({}));
    s = store.getState();
    expect(s.connOrder).toEqual(['c2', 'c4']);
  });

  it('orders connections by when they opened, whichever delta brought them', () => {
    const store = createWirebenchStore();
    store.getState().applyDelta(delta([summary('c2', { openedAt: 1002 })], []));
    store.getState().applyDelta(delta([summary('c1', { openedAt: 1001 }), summary('c3', { openedAt: 1003 })], []));
    expect(store.getState().connOrder).toEqual(['c1', 'c2', 'c3']);
  });

  it('leaves unchanged journals as the same objects (components do not re-render)', () => {
    const store = createWirebenchStore();
    store.getState().applyDelta(delta([summary('c1'), summary('c2')], [openedEvent('c1'), openedEvent('c2')]));
    const before = store.getState().journals.c2;
    store.getState().applyDelta(delta([summary('c1')], [dataEvent('c1', 1, 'in', 'x')]));
    expect(store.getState().journals.c2).toBe(before);
  });

  it('marks a connection known only by its summary as needing its journal', () => {
    const store = createWirebenchStore();
    store.getState().applyDelta(delta([summary('c9')], []));
    expect(store.getState().journals.c9?.needsFetch).toBe(true);
  });

  it('after a snapshot, re-fetches what it had and forgets connections the engine dropped', () => {
    const store = createWirebenchStore();
    store.getState().applyDelta(delta([summary('c1'), summary('c2')], [openedEvent('c1'), openedEvent('c2')]));
    store.getState().applySnapshot([summary('c2', { closed: true }), summary('c3', { openedAt: 2000 })], totals({ connections: 3 }));
    const s = store.getState();
    expect(s.connOrder).toEqual(['c2', 'c3']);
    expect(s.conns.c1).toBeUndefined();
    expect(s.journals.c2?.events).toHaveLength(1); // kept, to show while the fetch runs
    expect(s.journals.c2?.needsFetch).toBe(true);
    expect(s.journals.c3?.needsFetch).toBe(true);
    expect(s.totals.connections).toBe(3);
  });

  it('lets go of connections a delta names as dropped, journals and all', () => {
    const store = createWirebenchStore();
    store.getState().applyDelta(delta([summary('c1'), summary('c2')], [openedEvent('c1'), openedEvent('c2')]));
    store.getState().applyDelta(delta([], [], totals({ droppedConnections: 1 }), ['c1']));
    const s = store.getState();
    expect(s.connOrder).toEqual(['c2']);
    expect(Object.keys(s.conns)).toEqual(['c2']);
    expect(s.journals.c1).toBeUndefined();
    expect(s.totals.droppedConnections).toBe(1);
  });

  it('drops payloads the engine evicted, keeping each chunk and its length', () => {
    const store = createWirebenchStore();
    store.getState().applyDelta(delta([summary('c1')], [openedEvent('c1'), dataEvent('c1', 1, 'in', 'hello')]));
    store.getState().applyDelta(delta([summary('c1', { payloadEvicted: true, closed: true })], []));
    expect(store.getState().journals.c1?.events[1]).toMatchObject({ kind: 'data', length: 5, bytes: null });
  });

  it('records a fetched journal, and a failed fetch without retrying', () => {
    const store = createWirebenchStore();
    store.getState().applySnapshot([summary('c1'), summary('c2')], totals());
    store.getState().journalLoading(['c1']);
    expect(store.getState().journals.c1?.loading).toBe(true);
    store.getState().journalLoaded([{ connId: 'c1', events: [openedEvent('c1'), dataEvent('c1', 1, 'in', 'x')] }]);
    expect(store.getState().journals.c1).toMatchObject({ loading: false, needsFetch: false });
    expect(store.getState().journals.c1?.events).toHaveLength(2);

    store.getState().journalFailed([{ connId: 'c2', error: { code: 'unknown_connection', params: { connId: 'c2' } } }]);
    expect(store.getState().journals.c2).toMatchObject({ needsFetch: false, error: { code: 'unknown_connection' } });
  });

  it('takes a summary from a command answer only if no delta brought a newer one', () => {
    const store = createWirebenchStore();
    store.getState().applyDelta(delta([summary('c1', { finReceived: true })], [openedEvent('c1')]));
    store.getState().addConn(summary('c1'));
    expect(store.getState().conns.c1?.finReceived).toBe(true);
    store.getState().addConn(summary('c2'));
    expect(store.getState().connOrder).toEqual(['c1', 'c2']);
    expect(store.getState().journals.c2?.needsFetch).toBe(false);
  });
});

describe('connStateOf', () => {
  it('names the state a learner sees, reset first, then closed, then the FINs', () => {
    expect(connStateOf(summary('a'))).toBe('open');
    expect(connStateOf(summary('a', { finSent: true }))).toBe('fin_sent');
    expect(connStateOf(summary('a', { finReceived: true }))).toBe('fin_received');
    expect(connStateOf(summary('a', { finReceived: true, finSent: true }))).toBe('fin_both');
    expect(connStateOf(summary('a', { finReceived: true, finSent: true, closed: true }))).toBe('closed');
    expect(connStateOf(summary('a', { reset: true, closed: true }))).toBe('reset');
  });
});
