// The server panel's state: the servers the engine runs (as the engine last reported them), which
// one the form edits (none: the form sets up a new one), the form as typed, and the last problem
// in words-to-be, with what to retry when it offers a free port.
import type { StateCreator } from 'zustand';
import type { ServerInfo } from '../../shared/contract/contract';
import { DEFAULT_DRAFT, draftFromServer, type ServerDraft } from './server-draft';
import type { ApplyState, ServerProblem, ServersSlice, WirebenchState } from './state-types';

export interface EndpointDraft {
  host: string;
  /** As typed; parsed when used, so a half-typed port is not an error yet. */
  port: string;
}

export const createServersSlice: StateCreator<WirebenchState, [], [], ServersSlice> = (set) => ({
  servers: [],
  selectedServerId: null,
  serverDraft: DEFAULT_DRAFT,
  serverBusy: false,
  serverError: null,
  serverApply: 'idle',
  setServers: (servers) =>
    set((s) => {
      // A server stopped elsewhere (another window, a row's Stop) is no longer edited.
      const gone = s.selectedServerId !== null && !servers.some((x) => x.serverId === s.selectedServerId);
      return gone ? { servers, selectedServerId: null, serverApply: 'idle' } : { servers };
    }),
  serverStarted: (server) =>
    set((s) => ({
      servers: [...s.servers.filter((x) => x.serverId !== server.serverId), server],
      selectedServerId: server.serverId,
      serverDraft: draftFromServer(server, s.serverDraft),
      serverApply: 'idle',
    })),
  selectServer: (serverId) =>
    set((s) => {
      const info = serverId === null ? undefined : s.servers.find((x) => x.serverId === serverId);
      if (!info) return { selectedServerId: null, serverApply: 'idle', serverError: null };
      return { selectedServerId: info.serverId, serverDraft: draftFromServer(info, s.serverDraft), serverApply: 'idle', serverError: null };
    }),
  editServerDraft: (patch) => set((s) => ({ serverDraft: { ...s.serverDraft, ...patch } })),
  setServerBusy: (serverBusy) => set({ serverBusy }),
  setServerError: (serverError) => set({ serverError }),
  setServerApply: (serverApply) => set({ serverApply }),
});

export const selectServers = (s: WirebenchState): ServerInfo[] => s.servers;
export const selectSelectedServerId = (s: WirebenchState): string | null => s.selectedServerId;
export const selectServerDraft = (s: WirebenchState): ServerDraft => s.serverDraft;
export const selectServerBusy = (s: WirebenchState): boolean => s.serverBusy;
export const selectServerError = (s: WirebenchState): ServerProblem | null => s.serverError;
export const selectServerApply = (s: WirebenchState): ApplyState => s.serverApply;
export const selectSelectedServer = (s: WirebenchState): ServerInfo | undefined =>
  s.selectedServerId === null ? undefined : s.servers.find((x) => x.serverId === s.selectedServerId);

/** Servers that are listening now (a failed restart may leave one listed but not listening). */
export function listeningServers(servers: readonly ServerInfo[]): ServerInfo[] {
  return servers.filter((x) => x.listening);
}

/** Connections waiting for accept() on some sequential server, for the connection list. */
export function queuedConnIds(servers: readonly ServerInfo[]): ReadonlySet<string> {
  const ids = new Set<string>();
  for (const server of servers) for (const id of server.stats.queued) ids.add(id);
  return ids;
}

/** The server Stop acts on: the one edited, or else the only one listening. */
export function stopTarget(s: WirebenchState): ServerInfo | undefined {
  const selected = selectSelectedServer(s);
  if (selected) return selected;
  const listening = listeningServers(s.servers);
  return listening.length === 1 ? listening[0] : undefined;
}
