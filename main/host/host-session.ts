// One page's session with the engine: its dispatch and its events. A page is shown every
// connection's summary but only the events of the connections it watches (journal.watch): at
// 10,000 requests a second the events of all of them are tens of thousands a second, more than a
// page can decode and merge, and a page that falls behind delays everything behind them on its
// link, the echo of a typed line included (issue 19). Both doors (Electron IPC, the WebSocket) open
// their sessions here, so the filter is written once.
//
// No event is lost or sent twice between a watch and the deltas around it, because both happen in
// the engine's one thread: the watch replaces the set and reads the journal in the same turn. An
// event recorded before that turn and already sent was not sent to this page (unwatched) but is in
// the answer; one recorded before it and not yet sent is in the answer and the next delta (the
// page merges by seq); one recorded after it comes in a delta.
import type { CommandOutput, EventName, EventPayload, ParsedInput } from '../../shared/contract/contract';
import { createDispatch, type CommandHandlers, type Dispatch } from './dispatch';
import { hostHandlers, type HostParts } from './host-handlers';
import type { EngineHandlers } from '../engine/engine-handlers';

export type SessionListener = (name: EventName, payload: unknown) => void;

export interface HostSession {
  dispatch: Dispatch;
  /** The engine's events as this page is to see them; returns what unsubscribes. */
  onEvent(listener: SessionListener): () => void;
}

export interface SessionEngine {
  handlers: EngineHandlers;
  onEvent(listener: <N extends EventName>(name: N, payload: EventPayload<N>) => void): () => void;
}

/** What opens one session per page: the handlers are joined once, the watched set is the page's. */
export function hostSessions(engine: SessionEngine, parts: HostParts, onInternalError: (err: unknown) => void): () => HostSession {
  const handlers = hostHandlers(engine, parts);
  return () => {
    let watched: ReadonlySet<string> = new Set();
    const watch = handlers['journal.watch'];
    const own: CommandHandlers = {
      ...handlers,
      'journal.watch': (input: ParsedInput<'journal.watch'>): Promise<CommandOutput<'journal.watch'>> => {
        // Before the journal is read, in the same turn (see the top of this file).
        watched = new Set(input.watch.map((w) => w.connId));
        return watch(input);
      },
    };
    return {
      dispatch: createDispatch(own, onInternalError),
      onEvent: (listener) =>
        engine.onEvent((name, payload) => {
          listener(name, name === 'journal.delta' ? deltaFor(payload as EventPayload<'journal.delta'>, watched) : payload);
        }),
    };
  };
}

/** The delta with only the events of watched connections (the same object when nothing is left out). */
export function deltaFor(delta: EventPayload<'journal.delta'>, watched: ReadonlySet<string>): EventPayload<'journal.delta'> {
  if (delta.events.length === 0) return delta;
  const events = delta.events.filter((e) => watched.has(e.connId));
  return events.length === delta.events.length ? delta : { ...delta, events };
}
