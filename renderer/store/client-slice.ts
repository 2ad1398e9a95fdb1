// The client console: where it connects, which connection it is driving, and its last error.
// Its transcript is not stored here: it is derived from that connection's journal, the one record
// of what went over the wire.
import type { StateCreator } from 'zustand';
import type { ConnSummary } from '../../shared/contract';
import { connStateOf, type ConnState } from './connections-slice';
import type { Message } from './message';
import type { EndpointDraft } from './servers-slice';
import type { WirebenchState } from './store';

export interface ClientSlice {
  clientTarget: EndpointDraft;
  /** The connection the console drives; it stays after closing, so its transcript stays readable. */
  clientConnId: string | null;
  clientConnecting: boolean;
  clientError: Message | null;
  setClientTarget: (patch: Partial<EndpointDraft>) => void;
  clientConnectStarted: () => void;
  clientConnected: (summary: ConnSummary) => void;
  setClientError: (error: Message | null) => void;
}

export const createClientSlice: StateCreator<WirebenchState, [], [], ClientSlice> = (set, get) => ({
  clientTarget: { host: '127.0.0.1', port: '9000' },
  clientConnId: null,
  clientConnecting: false,
  clientError: null,
  setClientTarget: (patch) => set((s) => ({ clientTarget: { ...s.clientTarget, ...patch } })),
  clientConnectStarted: () => set({ clientConnecting: true, clientError: null }),
  clientConnected: (summary) => {
    get().addConn(summary);
    set((s) => ({
      clientConnecting: false,
      clientConnId: summary.connId,
      // Show the new connection's journal unless the person is already looking at another one.
      selectedConnId: s.selectedConnId ?? summary.connId,
    }));
  },
  setClientError: (clientError) => set({ clientError, clientConnecting: false }),
});

export const selectClientTarget = (s: WirebenchState): EndpointDraft => s.clientTarget;
export const selectClientConnId = (s: WirebenchState): string | null => s.clientConnId;
export const selectClientConnecting = (s: WirebenchState): boolean => s.clientConnecting;
export const selectClientError = (s: WirebenchState): Message | null => s.clientError;
export const selectClientConn = (s: WirebenchState): ConnSummary | undefined =>
  s.clientConnId === null ? undefined : s.conns[s.clientConnId];

/** What the console can do now: send only while our write side is open. */
export type ClientPhase = 'idle' | 'connecting' | ConnState;

export function clientPhaseOf(conn: ConnSummary | undefined, connecting: boolean): ClientPhase {
  if (connecting) return 'connecting';
  return conn ? connStateOf(conn) : 'idle';
}

export function canSend(phase: ClientPhase): boolean {
  return phase === 'open' || phase === 'fin_received';
}
