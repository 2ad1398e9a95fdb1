// Settings sync through the real WebSocket bridge to a real WebSocket server on 127.0.0.1 that
// answers settings.load and settings.save from a map, as the web host's door does.
import { describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import type { StoredSettings } from '../../shared/contract/app-settings';
import type { Result } from '../../shared/contract/contract';
import { decodeWire, encodeWire, type WireInvoke } from '../../shared/contract/wire-codec';
import { createWsBridge, type WebSocketLike } from '../bridge/ws-bridge';
import { createWirebenchStore } from '../store/store';
import { loadedSection, saveSection, startSettingsSync, whenSettingsLoaded } from './settings-sync';
import { cleanupsAfterEach, textOf, until } from '../bridge/testing/support';

const cleanups = cleanupsAfterEach();

interface Door {
  stored: StoredSettings;
  saves: { section: string; value: unknown }[];
  /** Whether load answers wait for releaseLoad(). */
  holdLoad: boolean;
  releaseLoad: () => void;
  failSaves: boolean;
  loadAsked: boolean;
}

async function startDoor(stored: StoredSettings, notices: unknown[] = []): Promise<{ door: Door; url: string }> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((done) => wss.once('listening', () => done()));
  cleanups.push(() => new Promise((done) => wss.close(done)));
  const door: Door = { stored, saves: [], holdLoad: false, releaseLoad: () => {}, failSaves: false, loadAsked: false };
  wss.on('connection', (ws) => {
    const answer = (id: number, result: Result<unknown>): void => ws.send(encodeWire({ type: 'result', id, result }));
    ws.on('message', (raw) => {
      const invoke = decodeWire(textOf(raw)) as WireInvoke;
      if (invoke.name === 'settings.load') {
        door.loadAsked = true;
        const send = () => answer(invoke.id, { ok: true, value: { settings: door.stored, notices, file: '/tmp/x/settings.json' } });
        if (door.holdLoad) door.releaseLoad = send;
        else send();
      } else if (invoke.name === 'settings.save') {
        const change = invoke.input as { section: string; value: unknown };
        door.saves.push(change);
        if (door.failSaves) answer(invoke.id, { ok: false, error: { code: 'settings_unwritable', params: { file: '/tmp/x/settings.json', code: 'EACCES' } } });
        else answer(invoke.id, { ok: true, value: {} });
      } else {
        answer(invoke.id, { ok: true, value: null });
      }
    });
  });
  return { door, url: `ws://127.0.0.1:${(wss.address() as { port: number }).port}/ws?token=t` };
}

function start(url: string, page?: EventTarget) {
  const store = createWirebenchStore();
  const bridge = createWsBridge({ url, connect: (u) => new WebSocket(u) as unknown as WebSocketLike });
  cleanups.push(() => bridge.dispose());
  const stop = startSettingsSync(bridge, store, { page: page as Window | undefined, timers: { delayMs: 30 } });
  cleanups.push(stop);
  return store;
}

const STORED: StoredSettings = {
  server: { draft: { port: '8123', responder: 'echo', bogus: 1 } },
  client: { sessions: [{ targetText: 'a 1' }, { targetText: 'b 2', mode: 'hex' }] },
  layout: { journalView: 'bytes', journalLarge: false, clientActive: 1 },
  response: { text: 'HTTP/1.1 200 OK', body: null, enter: 'crlf' },
};

describe('startSettingsSync', () => {
  it('fills the store from settings.load, hands out the other sections, and shows the notices', async () => {
    const notice = { code: 'section_reset', params: { file: '/tmp/x/settings.json', section: 'presets', setAside: '/tmp/x/s.corrupt' } };
    const { door, url } = await startDoor(STORED, [notice]);
    const store = start(url);
    await whenSettingsLoaded();
    const s = store.getState();
    expect([s.serverDraft.port, s.serverDraft.responder]).toEqual(['8123', 'echo']);
    expect(s.sessions.map((x) => [x.targetText, x.mode])).toEqual([
      ['a 1', 'line'],
      ['b 2', 'hex'],
    ]);
    expect(s.activeSessionId).toBe(s.sessions[1]?.id);
    expect([s.journalView, s.journalLarge]).toEqual(['bytes', false]);
    expect(s.settingsNotices).toEqual([notice]);
    expect(loadedSection('response')).toEqual(STORED.response);
    expect(loadedSection('presets')).toBeUndefined();
    // Filling the store is not a change to save.
    await new Promise((r) => setTimeout(r, 80));
    expect(door.saves).toEqual([]);
  });

  it('makes a feature that asks before the sync starts wait for the load', async () => {
    const { door: slow, url: slowUrl } = await startDoor(STORED);
    slow.holdLoad = true;
    let seen: unknown = 'not yet';
    const asked = whenSettingsLoaded().then(() => (seen = loadedSection('response')));
    start(slowUrl);
    await until(() => slow.loadAsked);
    await new Promise((r) => setTimeout(r, 30));
    expect(seen).toBe('not yet');
    slow.releaseLoad();
    await asked;
    expect(seen).toEqual(STORED.response);
  });

  it('saves a changed section once after a pause, and what saveSection is given', async () => {
    const { door, url } = await startDoor({});
    const store = start(url);
    await whenSettingsLoaded();
    for (const port of ['9', '90', '900']) store.getState().editServerDraft({ port });
    store.getState().setJournalView('bytes');
    saveSection('presets', { presets: [] });
    await until(() => door.saves.length === 3);
    await new Promise((r) => setTimeout(r, 80));
    expect(door.saves.map((x) => x.section).sort()).toEqual(['layout', 'presets', 'server']);
    expect(door.saves.find((x) => x.section === 'server')?.value).toMatchObject({ draft: { port: '900' } });
    expect(door.saves.find((x) => x.section === 'layout')?.value).toEqual({ journalView: 'bytes', journalLarge: true, clientActive: 0 });
    // Live state (a session connecting) is not a setting: nothing more is saved.
    const id = store.getState().activeSessionId;
    store.getState().sessionConnectStarted(id);
    await new Promise((r) => setTimeout(r, 80));
    expect(door.saves).toHaveLength(3);
  });

  it('saves nothing before the load answers, and keeps what the person changed meanwhile', async () => {
    const { door, url } = await startDoor(STORED);
    door.holdLoad = true;
    const store = start(url);
    await until(() => door.loadAsked);
    store.getState().editServerDraft({ port: '7777' });
    await new Promise((r) => setTimeout(r, 80));
    expect(door.saves).toEqual([]);
    door.releaseLoad();
    await whenSettingsLoaded();
    expect(store.getState().serverDraft.port).toBe('7777'); // typed: kept
    expect(store.getState().journalView).toBe('bytes'); // untouched: filled in
    await until(() => door.saves.length === 1);
    expect(door.saves[0]).toMatchObject({ section: 'server', value: { draft: { port: '7777' } } });
  });

  it('shows a failed save, and clears it when a save succeeds', async () => {
    const { door, url } = await startDoor({});
    const store = start(url);
    await whenSettingsLoaded();
    door.failSaves = true;
    store.getState().setJournalView('bytes');
    await until(() => store.getState().settingsSaveError !== null);
    expect(store.getState().settingsSaveError).toEqual({ code: 'settings_unwritable', params: { file: '/tmp/x/settings.json', code: 'EACCES' } });
    door.failSaves = false;
    store.getState().setJournalView('events');
    await until(() => store.getState().settingsSaveError === null);
  });

  it('sends what waits at once when the page is hidden or unloaded', async () => {
    const { door, url } = await startDoor({});
    const page = new EventTarget();
    const store = start(url, page);
    await whenSettingsLoaded();
    store.getState().setJournalLarge(false);
    page.dispatchEvent(new Event('pagehide'));
    await until(() => door.saves.length === 1, 25); // well before the 30 ms pause is over
    store.getState().setJournalLarge(true);
    page.dispatchEvent(new Event('beforeunload'));
    await until(() => door.saves.length === 2, 25);
  });
});

describe('startSettingsSync and a panel left broken (issue 14)', () => {
  it('keeps the failing panels in the layout, and takes a panel off once it draws again', async () => {
    const { door, url } = await startDoor({});
    const store = start(url);
    await whenSettingsLoaded();
    store.getState().panelFailed('bytes');
    await until(() => door.saves.length === 1);
    expect(door.saves[0]?.value).toEqual({ journalView: 'events', journalLarge: true, clientActive: 0, failedPanels: 'bytes' });
    store.getState().panelRecovered('bytes');
    await until(() => door.saves.length === 2);
    expect(door.saves[1]?.value).toEqual({ journalView: 'events', journalLarge: true, clientActive: 0 });
  });

  it('resets what a panel left broken draws from at the next load, says so, and saves the defaults', async () => {
    const notice = { code: 'section_reset', params: { file: '/tmp/x/settings.json', section: 'presets', setAside: '/tmp/x/s.corrupt' } };
    const layout = { ...STORED.layout, failedPanels: 'bytes,editor' };
    const { door, url } = await startDoor({ ...STORED, layout }, [notice]);
    const store = start(url);
    await whenSettingsLoaded();
    const s = store.getState();
    expect([s.journalView, s.journalLarge]).toEqual(['events', true]);
    expect(s.serverDraft.port).toBe('8123'); // the server panel did not fail: kept
    expect(loadedSection('response')).toBeUndefined();
    expect(s.settingsNotices).toEqual([
      notice,
      { code: 'panel_reset', params: { panel: 'bytes', group: 'journal' } },
      { code: 'panel_reset', params: { panel: 'editor', group: 'response' } },
    ]);
    await until(() => door.saves.length === 2);
    expect(door.saves.find((x) => x.section === 'layout')?.value).toEqual({ journalView: 'events', journalLarge: true, clientActive: 1 });
    expect(door.saves.find((x) => x.section === 'response')?.value).toEqual({ text: s.serverDraft.cannedText, body: null, enter: s.editorEnter });
  });
});
