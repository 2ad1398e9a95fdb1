// The bridge: what both transports (Electron IPC, the WebSocket door) give the renderer, typed by
// the contract's commands and events.
import type { CommandInput, CommandName, CommandOutput, EventName, EventPayload, Result } from './contract';

export interface Bridge {
  invoke<N extends CommandName>(name: N, input: CommandInput<N>): Promise<Result<CommandOutput<N>>>;
  on<N extends EventName>(name: N, handler: (payload: EventPayload<N>) => void): () => void;
  readonly host: 'electron' | 'web';
}

/** The global the Electron preload exposes with contextBridge. */
export const PRELOAD_GLOBAL = 'wirebench';
