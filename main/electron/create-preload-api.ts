// The whole surface the renderer gets in Electron: invoke, on and version, nothing else. Names are
// checked against the contract here, so the page cannot reach an arbitrary IPC channel even if its
// own code is compromised (main checks again: the page is not trusted, and neither is the preload's
// caller). Pure: takes an ipcRenderer-shaped object, so it is tested without Electron.
import type { Bridge } from '../../shared/contract/bridge';
import { isCommandName, isEventName, type Result } from '../../shared/contract/contract';
import { INVOKE_CHANNEL, eventChannel } from './ipc-channels';

/** The part of Electron's ipcRenderer this needs. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

export interface PreloadApi {
  readonly invoke: Bridge['invoke'];
  readonly on: Bridge['on'];
  /** The app's version, known without a round trip. */
  readonly version: string;
}

export function createPreloadApi(ipc: IpcRendererLike, version: string): PreloadApi {
  const invoke = async (name: unknown, input: unknown): Promise<Result<unknown>> => {
    if (!isCommandName(name)) {
      return { ok: false, error: { code: 'unknown_command', params: { name: String(name).slice(0, 80) } } };
    }
    try {
      return (await ipc.invoke(INVOKE_CHANNEL, name, input)) as Result<unknown>;
    } catch {
      // Input that cannot be structured-cloned, or main refusing us: still a Result, never a throw.
      return { ok: false, error: { code: 'disconnected', params: { command: name } } };
    }
  };

  const on = (name: unknown, handler: unknown): (() => void) => {
    if (!isEventName(name)) throw new TypeError(`wirebench: no event called ${String(name).slice(0, 80)}`);
    if (typeof handler !== 'function') throw new TypeError('wirebench: the handler must be a function');
    const channel = eventChannel(name);
    // The IPC event object (with its `sender`) never reaches the page: only the payload does.
    const listener = (_event: unknown, payload: unknown): void => {
      (handler as (payload: unknown) => void)(payload);
    };
    ipc.on(channel, listener);
    let subscribed = true;
    return () => {
      if (!subscribed) return;
      subscribed = false;
      ipc.removeListener(channel, listener);
    };
  };

  return Object.freeze({
    invoke: invoke as PreloadApi['invoke'],
    on,
    version,
  });
}
