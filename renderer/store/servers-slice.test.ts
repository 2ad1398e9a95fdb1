import { describe, expect, it } from 'vitest';
import { listeningServers, queuedConnIds, stopTarget } from './servers-slice';
import { createWirebenchStore } from './store';
import { server } from './test-data';

describe('servers slice', () => {
  it('shows a started server at once, edits it, and the engine list replaces it when it comes', () => {
    const store = createWirebenchStore();
    store.getState().serverStarted(server('s1', 9000));
    store.getState().serverStarted(server('s1', 9000)); // the same server twice stays one
    expect(store.getState().servers).toHaveLength(1);
    expect(store.getState().selectedServerId).toBe('s1');
    store.getState().setServers([server('s1', 9000, false)]);
    expect(listeningServers(store.getState().servers)).toEqual([]);
  });

  it('fills the form from the server picked, and keeps it when going back to a new one', () => {
    const store = createWirebenchStore();
    const drip = server('s2', 8888, true, {
      backlog: 1,
      settings: { ...server('x', 1).settings, after: 'drip', dripBytes: 3, responder: { kind: 'static', root: null } },
    });
    store.getState().setServers([server('s1', 9000), drip]);
    store.getState().editServerDraft({ cannedText: 'kept' });
    store.getState().selectServer('s2');
    expect(store.getState().serverDraft).toMatchObject({ port: '8888', backlog: '1', after: 'drip', dripBytes: '3', responder: 'static' });
    // The canned text is the other responder's: it stays for when the person switches back.
    expect(store.getState().serverDraft.cannedText).toBe('kept');
    store.getState().selectServer(null);
    expect(store.getState().selectedServerId).toBeNull();
    expect(store.getState().serverDraft.port).toBe('8888');
  });

  it('stops editing a server that the engine no longer lists', () => {
    const store = createWirebenchStore();
    store.getState().serverStarted(server('s1', 9000));
    store.getState().setServers([server('s2', 9001)]);
    expect(store.getState().selectedServerId).toBeNull();
  });

  it('knows which server Stop means, and which connections wait for accept()', () => {
    const store = createWirebenchStore();
    expect(stopTarget(store.getState())).toBeUndefined();
    store.getState().setServers([server('s1', 9000)]);
    expect(stopTarget(store.getState())?.serverId).toBe('s1'); // the only one
    store.getState().setServers([server('s1', 9000), server('s2', 9001)]);
    expect(stopTarget(store.getState())).toBeUndefined(); // which one? none picked
    store.getState().selectServer('s2');
    expect(stopTarget(store.getState())?.serverId).toBe('s2');
    const busy = server('s3', 9002, true, { stats: { accepted: 3, open: 1, queued: ['c7', 'c9'], served: 1 } });
    expect([...queuedConnIds([server('s1', 9000), busy])]).toEqual(['c7', 'c9']);
  });

  it('keeps the last problem with what to retry', () => {
    const store = createWirebenchStore();
    store.getState().setServerError({
      message: { key: 'errors.port_in_use', params: { host: '127.0.0.1', port: 9000, suggestion: 9001 } },
      action: { kind: 'start' },
    });
    expect(store.getState().serverError?.message.key).toBe('errors.port_in_use');
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
