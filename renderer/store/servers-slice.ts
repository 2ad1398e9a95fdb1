// The server panel's state: the servers the engine runs (as the engine last reported them), what
// the person typed for the next start, and the last error in words-to-be.
import type { StateCreator } from 'zustand';
import type { ServerInfo } from '../../shared/contract';
import type { Message } from './message';
import type { WirebenchState } from './store';

export interface EndpointDraft {
  host: string;
  /** As typed; parsed when used, so a half-typed port is not an error yet. */
  port: string;
}

export interface ServersSlice {
  servers: ServerInfo[];
  serverTarget: EndpointDraft;
  serverBusy: boolean;
  serverError: Message | null;
  setServers: (servers: ServerInfo[]) => void;
  /** A server the engine reported as started, before its `server.changed` event arrives. */
  serverStarted: (server: ServerInfo) => void;
  setServerTarget: (patch: Partial<EndpointDraft>) => void;
  setServerBusy: (busy: boolean) => void;
  setServerError: (error: Message | null) => void;
}

export const createServersSlice: StateCreator<WirebenchState, [], [], ServersSlice> = (set) => ({
  servers: [],
  serverTarget: { host: '127.0.0.1', port: '9000' },
  serverBusy: false,
  serverError: null,
  setServers: (servers) => set({ servers }),
  serverStarted: (server) =>
    set((s) => ({ servers: [...s.servers.filter((x) => x.serverId !== server.serverId), server] })),
  setServerTarget: (patch) => set((s) => ({ serverTarget: { ...s.serverTarget, ...patch } })),
  setServerBusy: (serverBusy) => set({ serverBusy }),
  setServerError: (serverError) => set({ serverError }),
});

export const selectServers = (s: WirebenchState): ServerInfo[] => s.servers;
export const selectServerTarget = (s: WirebenchState): EndpointDraft => s.serverTarget;
export const selectServerBusy = (s: WirebenchState): boolean => s.serverBusy;
export const selectServerError = (s: WirebenchState): Message | null => s.serverError;

/** Servers that are listening now (stopped or failed ones may linger in the engine's list). */
export function listeningServers(servers: readonly ServerInfo[]): ServerInfo[] {
  return servers.filter((x) => x.listening);
}
