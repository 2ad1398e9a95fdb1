import { describe, expect, it } from 'vitest';
import type { Bridge } from '../../shared/contract/bridge';
import { COMMAND_NAMES, EVENT_NAMES } from '../../shared/contract/contract';
import { createPreloadApi, type IpcRendererLike } from './create-preload-api';
import { INVOKE_CHANNEL, eventChannel } from './ipc-channels';

type Listener = (event: unknown, ...args: unknown[]) => void;

/** A stand-in for Electron's ipcRenderer that records what the preload does with it. */
class FakeIpcRenderer implements IpcRendererLike {
  readonly invoked: Array<{ channel: string; args: unknown[] }> = [];
  readonly listeners = new Map<string, Set<Listener>>();
  reply: (channel: string, ...args: unknown[]) => Promise<unknown> = (_c, name) => Promise.resolve({ ok: true, value: name });

  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.invoked.push({ channel, args });
    return this.reply(channel, ...args);
  }
  on(channel: string, listener: Listener): this {
    if (!this.listeners.has(channel)) this.listeners.set(channel, new Set());
    this.listeners.get(channel)?.add(listener);
    return this;
  }
  removeListener(channel: string, listener: Listener): this {
    this.listeners.get(channel)?.delete(listener);
    return this;
  }
  emit(channel: string, payload: unknown): void {
    for (const l of this.listeners.get(channel) ?? []) l({ sender: 'the IPC event' }, payload);
  }
}

describe('createPreloadApi', () => {
  it('exposes exactly invoke, on and version', () => {
    const api = createPreloadApi(new FakeIpcRenderer(), '1.0.0');
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on', 'version']);
    expect(api.version).toBe('1.0.0');
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('passes every contract command through the one invoke channel with its input', async () => {
    const ipc = new FakeIpcRenderer();
    const api = createPreloadApi(ipc, '1.0.0');
    const invoke = api.invoke as (name: string, input: unknown) => ReturnType<Bridge['invoke']>;
    for (const name of COMMAND_NAMES) {
      const input = { probe: name };
      expect(await invoke(name, input)).toEqual({ ok: true, value: name });
      expect(ipc.invoked.at(-1)).toEqual({ channel: INVOKE_CHANNEL, args: [name, input] });
    }
    expect(ipc.invoked).toHaveLength(COMMAND_NAMES.length);
  });

  it('answers other names with unknown_command without touching IPC', async () => {
    const ipc = new FakeIpcRenderer();
    const invoke = createPreloadApi(ipc, '1').invoke as (name: unknown, input: unknown) => Promise<unknown>;
    for (const name of ['shell.exec', 'toString', '__proto__', 'constructor', '', 42, null]) {
      expect(await invoke(name, {})).toMatchObject({ ok: false, error: { code: 'unknown_command' } });
    }
    expect(ipc.invoked).toHaveLength(0);
  });

  it('turns an IPC failure into a Result rather than a rejection', async () => {
    const ipc = new FakeIpcRenderer();
    ipc.reply = () => Promise.reject(new Error('An object could not be cloned.'));
    const result = await createPreloadApi(ipc, '1').invoke('app.info', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'disconnected', params: { command: 'app.info' } } });
  });

  it('subscribes to contract events, hands over only the payload, and unsubscribes', () => {
    const ipc = new FakeIpcRenderer();
    const api = createPreloadApi(ipc, '1');
    for (const name of EVENT_NAMES) {
      const seen: unknown[][] = [];
      const off = api.on(name, (...args: unknown[]) => seen.push(args));
      ipc.emit(eventChannel(name), { n: 1 });
      expect(seen).toEqual([[{ n: 1 }]]); // never the IPC event object with its sender
      off();
      off(); // twice is harmless
      ipc.emit(eventChannel(name), { n: 2 });
      expect(seen).toHaveLength(1);
      expect(ipc.listeners.get(eventChannel(name))?.size).toBe(0);
    }
  });

  it('throws for names that are not contract events, without listening', () => {
    const ipc = new FakeIpcRenderer();
    const on = createPreloadApi(ipc, '1').on as (name: unknown, handler: unknown) => () => void;
    for (const name of ['conn.secret', 'hasOwnProperty', '', 7]) {
      expect(() => on(name, () => {})).toThrow(TypeError);
    }
    expect(() => on('server.changed', 'not a function')).toThrow(TypeError);
    expect(ipc.listeners.size).toBe(0);
  });
});
