// A recording (a session file, or a capture opened as one) behind the same bridge the views use
// live: journal.snapshot, journal.watch, journal.events and journal.payload are answered from the
// replay (shared/session/session-replay.ts), as far as it has played, and its steps arrive as
// journal.delta events; its servers' counters and accept() queues follow the replay
// (replayed-servers.ts) as server.changed events. Commands that would act on the network are refused (recording_read_only);
// the app's own settings and file grants go on to the live bridge. So every view, the annotator and
// the diagram work on a recording as they do live, with a store and an ingest of its own.
import type { CommandInput, CommandName, CommandOutput, EventName, EventPayload, Result } from '../../shared/contract/contract';
import type { SessionFile } from '../../shared/session/session-file';
import { SessionReplay } from '../../shared/session/session-replay';
import type { LinkedBridge, LinkState } from '../bridge/bridge-types';
import { ReplayedServers } from './replayed-servers';

/** Commands a recording passes on to the live engine: about the app, not about the recording. */
const PASSED_ON = new Set<CommandName>(['app.info', 'settings.load', 'settings.save', 'files.granted', 'files.choose']);

export type ReplayState = 'stopped' | 'playing' | 'ended';

/** Waits `ms`, then runs `fire`; returns a cancel function (a fake clock in tests). */
export type Timer = (ms: number, fire: () => void) => () => void;
const realTimer: Timer = (ms, fire) => {
  const id = setTimeout(fire, ms);
  return () => clearTimeout(id);
};

/** Between two steps of a replay at least this long: the page redraws at most this often. */
const MIN_STEP_MS = 16;

export interface RecordingBridge extends LinkedBridge {
  readonly replay: SessionReplay;
  readonly state: ReplayState;
  /** Plays from where it stands, `speed` times as fast as it happened. */
  play(speed?: number): void;
  pause(): void;
  /** Reveals the next event. */
  step(): void;
  /** Reveals everything. */
  toEnd(): void;
  /** Calls `handler` on every change of position or state. */
  onProgress(handler: () => void): () => void;
  dispose(): void;
}

/**
 * `from`: 'start' to replay from nothing, 'end' to open with everything shown (the default: a saved
 * session opens as it was left).
 */
export function createRecordingBridge(live: LinkedBridge, session: SessionFile, from: 'start' | 'end' = 'end', timer: Timer = realTimer): RecordingBridge {
  const replay = new SessionReplay(session);
  const deltaHandlers = new Set<(payload: EventPayload<'journal.delta'>) => void>();
  const serverHandlers = new Set<(payload: EventPayload<'server.changed'>) => void>();
  const servers = new ReplayedServers(session);
  const serversNow = (): EventPayload<'server.changed'>['servers'] => servers.servers(replay.position >= replay.length);
  const progress = new Set<() => void>();
  let state: ReplayState = 'stopped';
  let cancel: (() => void) | null = null;
  let speed = 1;

  const changed = (): void => {
    for (const h of progress) h();
  };
  const revealTo = (position: number): void => {
    const delta = replay.revealTo(position);
    if (delta.events.length > 0) for (const h of deltaHandlers) h(delta);
    // The last step shows the servers as saved, whether or not its events changed a counter.
    if (servers.add(delta.events) || replay.position >= replay.length) {
      const payload = { servers: serversNow() };
      for (const h of serverHandlers) h(payload);
    }
    if (replay.position >= replay.length) {
      stop();
      state = 'ended';
    }
    changed();
  };
  const stop = (): void => {
    cancel?.();
    cancel = null;
    state = replay.position >= replay.length ? 'ended' : 'stopped';
  };
  /** The next step: every event due within MIN_STEP_MS of the next one, after the wait to it. */
  const scheduleNext = (): void => {
    if (state !== 'playing') return;
    const now = replay.timeOf(Math.max(0, replay.position - 1));
    const next = replay.timeOf(replay.position);
    const wait = replay.position === 0 ? 0 : Math.max(0, (next - now) / speed);
    cancel = timer(Math.max(wait, MIN_STEP_MS), () => {
      let to = replay.position + 1;
      const horizon = replay.timeOf(replay.position) + (MIN_STEP_MS * speed);
      while (to < replay.length && replay.timeOf(to) <= horizon) to++;
      revealTo(to);
      scheduleNext();
    });
  };

  if (from === 'end') servers.add(replay.revealTo(replay.length).events);
  if (replay.position >= replay.length) state = 'ended';

  const answer = <N extends CommandName>(name: N, input: CommandInput<N>): Result<CommandOutput<N>> => {
    const ok = (value: unknown): Result<CommandOutput<N>> => ({ ok: true, value: value as CommandOutput<N> });
    const unknown = (connId: string): Result<CommandOutput<N>> => ({ ok: false, error: { code: 'unknown_connection', params: { connId } } });
    switch (name) {
      case 'journal.snapshot':
        return ok({ ...replay.snapshot(), servers: serversNow() });
      case 'journal.events': {
        const { connId } = input as CommandInput<'journal.events'>;
        const events = replay.eventsFrom(connId);
        return events ? ok({ events }) : unknown(connId);
      }
      case 'journal.watch': {
        const journals = [];
        const unknownIds = [];
        for (const { connId, fromSeq } of (input as CommandInput<'journal.watch'>).watch) {
          const events = replay.eventsFrom(connId, fromSeq);
          if (events) journals.push({ connId, events });
          else unknownIds.push(connId);
        }
        return ok({ journals, unknown: unknownIds });
      }
      case 'journal.payload': {
        const { connId, dir, offset, length } = input as CommandInput<'journal.payload'>;
        const range = replay.payload(connId, dir, offset, length);
        return range ? ok(range) : unknown(connId);
      }
      default:
        return { ok: false, error: { code: 'recording_read_only', params: { command: name } } };
    }
  };

  return {
    host: live.host,
    replay,
    get state() {
      return state;
    },
    invoke(name, input) {
      if (PASSED_ON.has(name)) return live.invoke(name, input);
      return Promise.resolve(answer(name, input));
    },
    on<N extends EventName>(name: N, handler: (payload: EventPayload<N>) => void): () => void {
      if (name === 'server.changed') {
        const h = handler as (payload: EventPayload<'server.changed'>) => void;
        serverHandlers.add(h);
        return () => serverHandlers.delete(h);
      }
      if (name !== 'journal.delta') return () => undefined;
      const h = handler as (payload: EventPayload<'journal.delta'>) => void;
      deltaHandlers.add(h);
      return () => deltaHandlers.delete(h);
    },
    onLink(handler: (state: LinkState) => void) {
      handler('up'); // a recording is always at hand
      return () => undefined;
    },
    play(newSpeed = 1) {
      speed = newSpeed > 0 ? newSpeed : 1;
      if (state === 'playing' || replay.position >= replay.length) return;
      state = 'playing';
      changed();
      scheduleNext();
    },
    pause() {
      stop();
      changed();
    },
    step() {
      stop();
      revealTo(replay.position + 1);
    },
    toEnd() {
      stop();
      revealTo(replay.length);
    },
    onProgress(handler) {
      progress.add(handler);
      return () => progress.delete(handler);
    },
    dispose() {
      stop();
      deltaHandlers.clear();
      serverHandlers.clear();
      progress.clear();
    },
  };
}
