import { describe, expect, it } from 'vitest';
import { listeningServers } from './servers-slice';
import { createWirebenchStore } from './store';
import { server } from './test-data';

describe('servers slice', () => {
  it('shows a started server at once, and the engine list replaces it when it comes', () => {
    const store = createWirebenchStore();
    store.getState().serverStarted(server('s1', 9000));
    store.getState().serverStarted(server('s1', 9000)); // the same server twice stays one
    expect(store.getState().servers).toHaveLength(1);
    store.getState().setServers([server('s1', 9000, false)]);
    expect(listeningServers(store.getState().servers)).toEqual([]);
  });

  it('keeps the fields as typed, and the last error', () => {
    const store = createWirebenchStore();
    expect(store.getState().serverTarget).toEqual({ host: '127.0.0.1', port: '9000' });
    store.getState().setServerTarget({ port: '90x' });
    expect(store.getState().serverTarget.port).toBe('90x');
    store.getState().setServerError({ key: 'errors.port_in_use', params: { host: '127.0.0.1', port: 9000 } });
    expect(store.getState().serverError?.key).toBe('errors.port_in_use');
  });
});

describe('ui slice', () => {
  it('selects a connection and tracks the link', () => {
    const store = createWirebenchStore();
    expect(store.getState()).toMatchObject({ selectedConnId: null, link: 'connecting' });
    store.getState().select('c4');
    store.getState().setLink('down');
    expect(store.getState()).toMatchObject({ selectedConnId: 'c4', link: 'down' });
  });
});
