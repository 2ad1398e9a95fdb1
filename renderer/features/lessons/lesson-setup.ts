// "Set up": one click puts the workbench in the lesson's state. The lesson's server listens on its
// port with its settings (started, or, when this workbench already listens there, changed in place
// and listened again if its backlog differs), and a client console tab is connected to it with the
// lesson's request in its input, ready to send. Through the same store actions and bridge commands
// the server panel and the client console use, so both panels show what was set up as their own.
import type { Bridge } from '../../../shared/contract/bridge';
import { CONNECT_TIMEOUT, type ErrorInfo, type Result, type ServerInfo } from '../../../shared/contract/contract';
import { parseTarget } from '../../../shared/client/target';
import type { Lesson, ServerSetup } from '../../../shared/lessons/lesson-types';
import { connStateOf } from '../../store/conn-state';
import { errorMessage, type Message } from '../../store/message';
import type { WirebenchStore } from '../../store/store';

/** What a Set up made: the lesson's server, and the connections it had already (not this run's). */
export interface LessonRun {
  serverId: string;
  port: number;
  /** Server connections from before this run: the lesson's trace and steps ignore them. */
  before: ReadonlySet<string>;
  /** The client console tab set up for it, and its connection (null if the connect failed). */
  sessionId: string;
  clientConnId: string | null;
  /** The port of the lesson's twin server (L4's concurrent one), if it could listen. */
  twinPort: number | null;
}

export type SetupProblem = { kind: 'port_in_use'; port: number; suggestion: number } | { kind: 'failed'; message: Message };

export type SetupOutcome = { ok: true; run: LessonRun } | { ok: false; problem: SetupProblem };

export async function setUpLesson(bridge: Bridge, store: WirebenchStore, lesson: Lesson, port = lesson.server.port): Promise<SetupOutcome> {
  const before = new Set(Object.keys(store.getState().conns));
  const server = await listen(bridge, store, lesson.server, port);
  if (!server.ok) return { ok: false, problem: problemOf(server.error) };
  store.getState().serverStarted(server.value);
  const twinPort = await listenTwin(bridge, store, lesson, server.value.port + 1);
  const { sessionId, clientConnId, error } = await connectClient(bridge, store, lesson, server.value.port);
  if (error) return { ok: false, problem: { kind: 'failed', message: error } };
  return { ok: true, run: { serverId: server.value.serverId, port: server.value.port, before, sessionId, clientConnId, twinPort } };
}

/**
 * The twin beside the lesson's server, on the port after it. Not having it spoils nothing of the
 * lesson itself (its port may be another program's), so a failure only leaves it out: null.
 */
async function listenTwin(bridge: Bridge, store: WirebenchStore, lesson: Lesson, port: number): Promise<number | null> {
  if (!lesson.twin) return null;
  const twin = await listen(bridge, store, lesson.twin, port);
  if (!twin.ok) return null;
  store.getState().serverStarted(twin.value);
  return twin.value.port;
}

/** Starts a lesson's server, or sets up in place the one this workbench already runs on that port. */
async function listen(bridge: Bridge, store: WirebenchStore, setup: ServerSetup, port: number): Promise<Result<ServerInfo>> {
  const { host, backlog, settings } = setup;
  const mine = store.getState().servers.find((x) => x.port === port && x.host === host);
  if (!mine) return bridge.invoke('server.start', { host, port, backlog, settings });
  if (mine.backlog !== backlog || !mine.listening) {
    const restarted = await bridge.invoke('server.restart', { serverId: mine.serverId, host, port, backlog });
    if (!restarted.ok) return restarted;
  }
  return bridge.invoke('server.update', { serverId: mine.serverId, settings });
}

function problemOf(error: ErrorInfo): SetupProblem {
  if (error.code === 'port_in_use') return { kind: 'port_in_use', port: error.params.port, suggestion: error.params.suggestion };
  return { kind: 'failed', message: errorMessage(error) };
}

/**
 * The active client tab, unless it drives a connection still open (the learner's own exchange is
 * left as it is): then a new tab. Its target, line ending and request are the lesson's.
 */
async function connectClient(
  bridge: Bridge,
  store: WirebenchStore,
  lesson: Lesson,
  port: number,
): Promise<{ sessionId: string; clientConnId: string | null; error: Message | null }> {
  const s = store.getState();
  const active = s.sessions.find((x) => x.id === s.activeSessionId);
  const activeConn = active?.connId ? s.conns[active.connId] : undefined;
  const busy = !active || active.connecting || (activeConn !== undefined && connStateOf(activeConn) !== 'closed' && connStateOf(activeConn) !== 'reset');
  const sessionId = busy ? s.addSession() : active.id;
  const setup = lesson.client(port);
  const target = parseTarget(setup.target);
  store.getState().activateSession(sessionId);
  store.getState().patchSession(sessionId, { targetText: setup.target, mode: 'line', ending: setup.ending, finalEnding: setup.finalEnding, draft: '', error: null });
  if (!target.ok) return { sessionId, clientConnId: null, error: null }; // the lessons' targets always parse
  store.getState().sessionConnectStarted(sessionId);
  const result = await bridge.invoke('client.connect', { host: target.target.host, port: target.target.port, timeoutMs: CONNECT_TIMEOUT.defaultMs });
  const after = store.getState();
  if (!result.ok) {
    const error = errorMessage(result.error);
    after.patchSession(sessionId, { connecting: false, error });
    return { sessionId, clientConnId: null, error };
  }
  const { resolution, ...summary } = result.value;
  after.sessionConnected(sessionId, summary, resolution, null);
  store.getState().patchSession(sessionId, { draft: setup.draft, finalEnding: setup.finalEnding });
  return { sessionId, clientConnId: summary.connId, error: null };
}
