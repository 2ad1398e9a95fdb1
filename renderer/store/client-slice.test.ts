import { describe, expect, it } from 'vitest';
import { canSend, clientPhaseOf, selectActiveSession, selectSessionConn } from './client-slice';
import { createWirebenchStore } from './store';
import { summary } from './test-data';

const RESOLVED = { host: '127.0.0.1', addresses: [], attempts: [] };

describe('client slice', () => {
  it('connecting, then connected: the session drives the new connection, shown if nothing is selected', () => {
    const store = createWirebenchStore();
    const id = store.getState().activeSessionId;
    store.getState().patchSession(id, { error: { key: 'errors.conn_refused', params: { host: 'h', port: 1 } } });
    store.getState().sessionConnectStarted(id);
    expect(selectActiveSession(store.getState())).toMatchObject({ connecting: true, error: null });
    store.getState().sessionConnected(id, summary('c1'), RESOLVED, null);
    const s = store.getState();
    expect(selectActiveSession(s)).toMatchObject({ connecting: false, connId: 'c1', resolution: RESOLVED });
    expect(s.selectedConnId).toBe('c1');
    expect(selectSessionConn(s, selectActiveSession(s))?.connId).toBe('c1');
  });

  it('selects the connection just made, whatever was selected before (issue 17: the newest is the one to watch)', () => {
    const store = createWirebenchStore();
    store.getState().select('c0');
    store.getState().sessionConnected(store.getState().activeSessionId, summary('c1'), RESOLVED, null);
    expect(store.getState().selectedConnId).toBe('c1');
  });

  it('keeps sessions apart: a new tab starts at the same target, with its own connection and history', () => {
    const store = createWirebenchStore();
    const first = store.getState().activeSessionId;
    store.getState().patchSession(first, { targetText: 'localhost 8888' });
    store.getState().sessionConnected(first, summary('c1'), RESOLVED, null);
    store.getState().sessionSent(first, 'GET / HTTP/1.0');
    const second = store.getState().addSession();
    expect(store.getState().activeSessionId).toBe(second);
    expect(selectActiveSession(store.getState())).toMatchObject({ targetText: 'localhost 8888', connId: null, history: [] });
    store.getState().activateSession(first);
    expect(selectActiveSession(store.getState())).toMatchObject({ connId: 'c1', history: ['GET / HTTP/1.0'] });
  });

  it('a line sent clears only itself: the next line, typed while it went out, stays', () => {
    const store = createWirebenchStore();
    const id = store.getState().activeSessionId;
    store.getState().patchSession(id, { draft: 'Host: localhost' });
    store.getState().sessionSent(id, 'GET / HTTP/1.0');
    expect(selectActiveSession(store.getState()).draft).toBe('Host: localhost');
    store.getState().sessionSent(id, 'Host: localhost');
    expect(selectActiveSession(store.getState())).toMatchObject({ draft: '', history: ['GET / HTTP/1.0', 'Host: localhost'] });
  });

  it('closing a tab activates its neighbour, and closing the last leaves a fresh one', () => {
    const store = createWirebenchStore();
    const a = store.getState().activeSessionId;
    const b = store.getState().addSession();
    const c = store.getState().addSession();
    store.getState().activateSession(b);
    store.getState().closeSession(b);
    expect(store.getState().sessions.map((s) => s.id)).toEqual([a, c]);
    expect(store.getState().activeSessionId).toBe(c);
    store.getState().closeSession(a);
    store.getState().closeSession(c);
    expect(store.getState().sessions).toHaveLength(1);
    expect(store.getState().activeSessionId).toBe(store.getState().sessions[0]?.id);
  });

  it('history: what was sent, without repeats in a row or empty sends, and the draft cleared', () => {
    const store = createWirebenchStore();
    const id = store.getState().activeSessionId;
    for (const text of ['GET / HTTP/1.1', 'GET / HTTP/1.1', '', 'Host: x']) {
      store.getState().patchSession(id, { draft: text });
      store.getState().sessionSent(id, text);
    }
    expect(selectActiveSession(store.getState())).toMatchObject({ history: ['GET / HTTP/1.1', 'Host: x'], draft: '' });
  });
});

describe('clientPhaseOf / canSend', () => {
  it('can send while our write side is open, even after the server sent FIN', () => {
    expect(canSend(clientPhaseOf(summary('c'), false))).toBe(true);
    expect(canSend(clientPhaseOf(summary('c', { finReceived: true }), false))).toBe(true);
  });
  it('cannot send after our FIN, after close or reset, or with no connection', () => {
    expect(canSend(clientPhaseOf(summary('c', { finSent: true }), false))).toBe(false);
    expect(canSend(clientPhaseOf(summary('c', { closed: true }), false))).toBe(false);
    expect(canSend(clientPhaseOf(summary('c', { reset: true, closed: true }), false))).toBe(false);
    expect(canSend(clientPhaseOf(undefined, false))).toBe(false);
    expect(clientPhaseOf(summary('c'), true)).toBe('connecting');
  });
});
