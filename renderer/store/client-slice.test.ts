import { describe, expect, it } from 'vitest';
import { canSend, clientPhaseOf, selectClientConn } from './client-slice';
import { createWirebenchStore } from './store';
import { summary } from './test-data';

describe('client slice', () => {
  it('connecting, then connected: drives the new connection and shows it if nothing is selected', () => {
    const store = createWirebenchStore();
    store.getState().setClientError({ key: 'errors.conn_refused', params: { host: 'h', port: 1 } });
    store.getState().clientConnectStarted();
    expect(store.getState()).toMatchObject({ clientConnecting: true, clientError: null });
    store.getState().clientConnected(summary('c1'));
    const s = store.getState();
    expect(s).toMatchObject({ clientConnecting: false, clientConnId: 'c1', selectedConnId: 'c1' });
    expect(selectClientConn(s)?.connId).toBe('c1');
  });

  it('does not steal the selection from a connection the person is looking at', () => {
    const store = createWirebenchStore();
    store.getState().select('c0');
    store.getState().clientConnected(summary('c1'));
    expect(store.getState().selectedConnId).toBe('c0');
  });

  it('an error ends "connecting"', () => {
    const store = createWirebenchStore();
    store.getState().clientConnectStarted();
    store.getState().setClientError({ key: 'errors.conn_refused', params: { host: '127.0.0.1', port: 9 } });
    expect(store.getState().clientConnecting).toBe(false);
  });

  it('keeps what was typed for the target', () => {
    const store = createWirebenchStore();
    store.getState().setClientTarget({ port: '8888' });
    expect(store.getState().clientTarget).toEqual({ host: '127.0.0.1', port: '8888' });
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
