// The Electron transport: the preload exposes `invoke`, `on` and `version` on
// window[PRELOAD_GLOBAL] through contextBridge. IPC between a window and its own main process does
// not drop, so the link is simply up.
import type { CommandInput, CommandName, CommandOutput, EventName, EventPayload, Result } from '../../shared/contract/contract';
import type { LinkedBridge, LinkState } from './bridge-types';

/** The surface the preload exposes; main's door checks every name and input again. */
export interface PreloadApi {
  invoke: (name: string, input: unknown) => Promise<unknown>;
  on(name: string, handler: (payload: unknown) => void): () => void;
  version: string;
}

export function isPreloadApi(value: unknown): value is PreloadApi {
  if (value === null || typeof value !== 'object') return false;
  const api = value as Record<string, unknown>;
  return typeof api.invoke === 'function' && typeof api.on === 'function';
}

export function createIpcBridge(api: PreloadApi): LinkedBridge {
  return {
    host: 'electron',
    invoke<N extends CommandName>(name: N, input: CommandInput<N>): Promise<Result<CommandOutput<N>>> {
      // The door answers with a Result shaped by the contract; structured clone keeps Uint8Array.
      // A rejection means the IPC channel itself failed (e.g. the main process is going away).
      return (api.invoke(name, input) as Promise<Result<CommandOutput<N>>>).catch(() => ({
        ok: false as const,
        error: { code: 'disconnected' as const, params: { command: name } },
      }));
    },
    on<N extends EventName>(name: N, handler: (payload: EventPayload<N>) => void): () => void {
      return api.on(name, (payload) => handler(payload as EventPayload<N>));
    },
    onLink(handler: (state: LinkState) => void): () => void {
      handler('up');
      return () => {};
    },
  };
}
