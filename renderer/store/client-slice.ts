// The client console's sessions, one per tab: where each connects, which connection it drives,
// how typing becomes bytes there, its input history and its last error. A session's transcript is
// not stored here: it is derived from its connection's journal, the one record of the wire.
import type { StateCreator } from 'zustand';
import type { ConnSummary } from '../../shared/contract/contract';
import { connStateOf, type ConnState } from './conn-state';
import type { ClientSession, ClientSlice, WirebenchState } from './state-types';

export const HISTORY_LIMIT = 100;

let nextSession = 1;

export function newSession(id = `s${nextSession++}`): ClientSession {
  return {
    id,
    targetText: '127.0.0.1 9000',
    timeoutText: '10',
    connId: null,
    connecting: false,
    error: null,
    notice: null,
    resolution: null,
    url: null,
    mode: 'line',
    ending: 'crlf',
    finalEnding: true,
    draft: '',
    history: [],
    showControls: true,
  };
}

export const createClientSlice: StateCreator<WirebenchState, [], [], ClientSlice> = (set, get) => {
  const first = newSession();
  const patch = (id: string, change: (s: ClientSession) => Partial<ClientSession>): void =>
    set((state) => ({ sessions: state.sessions.map((s) => (s.id === id ? { ...s, ...change(s) } : s)) }));
  return {
    sessions: [first],
    activeSessionId: first.id,
    addSession: () => {
      const active = selectActiveSession(get());
      // A new tab starts where the current one points, ready for a second look at the same server.
      const session = { ...newSession(), targetText: active.targetText, ending: active.ending };
      set((state) => ({ sessions: [...state.sessions, session], activeSessionId: session.id }));
      return session.id;
    },
    closeSession: (id) =>
      set((state) => {
        const at = state.sessions.findIndex((s) => s.id === id);
        if (at === -1) return {};
        const rest = state.sessions.filter((s) => s.id !== id);
        const sessions = rest.length > 0 ? rest : [newSession()];
        const neighbour = sessions[Math.min(at, sessions.length - 1)] as ClientSession;
        return { sessions, activeSessionId: state.activeSessionId === id ? neighbour.id : state.activeSessionId };
      }),
    activateSession: (id) => set((state) => (state.sessions.some((s) => s.id === id) ? { activeSessionId: id } : {})),
    patchSession: (id, change) => patch(id, () => change),
    sessionConnectStarted: (id) => patch(id, () => ({ connecting: true, error: null, notice: null })),
    sessionConnected: (id, summary, resolution, url) => {
      get().addConn(summary);
      patch(id, () => ({ connecting: false, connId: summary.connId, resolution, url }));
      // The connection just made is the one to watch: its journal shows and its card is selected
      // (the list scrolls to it), whatever was looked at before (issue 17).
      set({ selectedConnId: summary.connId });
    },
    sessionSent: (id, text) =>
      patch(id, (s) => ({
        // Only what was sent is cleared: a next line typed while it went out stays.
        draft: s.draft === text ? '' : s.draft,
        error: null,
        notice: null,
        history: s.history.at(-1) === text || text === '' ? s.history : [...s.history, text].slice(-HISTORY_LIMIT),
      })),
  };
};

export const selectSessions = (s: WirebenchState): ClientSession[] => s.sessions;
export const selectActiveSession = (s: WirebenchState): ClientSession =>
  s.sessions.find((x) => x.id === s.activeSessionId) ?? (s.sessions[0] as ClientSession);
export const selectSessionConn = (s: WirebenchState, session: ClientSession): ConnSummary | undefined =>
  session.connId === null ? undefined : s.conns[session.connId];

/** What a session can do now: send only while our write side is open. */
export type ClientPhase = 'idle' | 'connecting' | ConnState;

export function clientPhaseOf(conn: ConnSummary | undefined, connecting: boolean): ClientPhase {
  if (connecting) return 'connecting';
  return conn ? connStateOf(conn) : 'idle';
}

export function canSend(phase: ClientPhase): boolean {
  return phase === 'open' || phase === 'fin_received';
}
