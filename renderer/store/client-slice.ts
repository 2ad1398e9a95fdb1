// The client console's sessions, one per tab: where each connects, which connection it drives,
// how typing becomes bytes there, its input history and its last error. A session's transcript is
// not stored here: it is derived from its connection's journal, the one record of the wire.
import type { StateCreator } from 'zustand';
import type { ConnSummary, Resolution } from '../../shared/contract/contract';
import type { UrlParts } from '../../shared/client/target';
import type { LineEnding } from '../../shared/client/typed-input';
import { connStateOf, type ConnState } from './connections-slice';
import type { Message } from './message';
import type { WirebenchState } from './store';

/** line: Enter sends the text; char: every key goes out at once; hex: the text is hex digits. */
export type InputMode = 'line' | 'char' | 'hex';

export interface ClientSession {
  id: string;
  /** What the person typed as the target: `host port`, `host:port`, `[::1]:port` or a URL. */
  targetText: string;
  /** Connect timeout in seconds, as typed. */
  timeoutText: string;
  /** The connection this tab drives; it stays after closing, so its transcript stays readable. */
  connId: string | null;
  connecting: boolean;
  error: Message | null;
  /** A remark on the input (a paste whose line breaks were normalised); cleared by the next send. */
  notice: Message | null;
  /** What the last connect found out about the name. */
  resolution: Resolution | null;
  /** The last target, when it was a URL: shown split into its parts (lesson L2). */
  url: UrlParts | null;
  mode: InputMode;
  ending: LineEnding;
  /** Whether Enter adds the ending after the last line too (a POST body ends without one). */
  finalEnding: boolean;
  draft: string;
  /** Texts sent, oldest first, without repeats in a row. */
  history: string[];
  /** Received bytes with CR, LF and other controls drawn as badges (off: as a terminal shows them). */
  showControls: boolean;
}

export const HISTORY_LIMIT = 100;

export interface ClientSlice {
  sessions: ClientSession[];
  activeSessionId: string;
  addSession: () => string;
  closeSession: (id: string) => void;
  activateSession: (id: string) => void;
  patchSession: (id: string, patch: Partial<ClientSession>) => void;
  sessionConnectStarted: (id: string) => void;
  sessionConnected: (id: string, summary: ConnSummary, resolution: Resolution, url: UrlParts | null) => void;
  /** Something was sent: remember it for Up/Down, clear the draft and any error or notice. */
  sessionSent: (id: string, text: string) => void;
}

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
      // Show the new connection's journal unless the person is already looking at another one.
      set((state) => ({ selectedConnId: state.selectedConnId ?? summary.connId }));
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
