// The one place that listens to the engine. Events are queued as they arrive and applied to the
// store once per animation frame: a busy connection produces many deltas a second, and one store
// update (one React render) per frame is all a screen can show anyway. Consecutive deltas are
// folded into one before they are applied.
// On every `up` of the link (the first connection and each reconnect) the snapshot is fetched,
// because events sent while the link was down are gone.
import type { EventPayload } from '../../shared/contract/contract';
import type { WirebenchStore } from '../store/store';
import type { LinkedBridge } from './bridge-types';

type Delta = EventPayload<'journal.delta'>;
type Snapshot = { servers: EventPayload<'server.changed'>['servers']; conns: Delta['conns']; totals: Delta['totals'] };

export type Queued =
  | { type: 'delta'; payload: Delta }
  | { type: 'servers'; payload: EventPayload<'server.changed'> }
  | { type: 'snapshot'; value: Snapshot };

/** Runs `flush` soon; returns a cancel function. */
export type Scheduler = (flush: () => void) => () => void;

/**
 * The next animation frame, or 250 ms, whichever comes first: a hidden tab gets no frames, and the
 * queue must not grow without bound meanwhile.
 */
export const frameScheduler: Scheduler = (flush) => {
  let done = false;
  const once = (): void => {
    if (done) return;
    done = true;
    cancelAnimationFrame(frame);
    clearTimeout(timer);
    flush();
  };
  const frame = requestAnimationFrame(once);
  const timer = setTimeout(once, 250);
  return () => {
    done = true;
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
};

export function startIngest(bridge: LinkedBridge, store: WirebenchStore, schedule: Scheduler = frameScheduler): () => void {
  let queue: Queued[] = [];
  let cancel: (() => void) | null = null;

  const flush = (): void => {
    cancel = null;
    const items = queue;
    queue = [];
    applyQueued(store, items);
  };
  const push = (item: Queued): void => {
    queue.push(item);
    cancel ??= schedule(flush);
  };

  const offDelta = bridge.on('journal.delta', (payload) => push({ type: 'delta', payload }));
  const offServers = bridge.on('server.changed', (payload) => push({ type: 'servers', payload }));
  const offLink = bridge.onLink((link) => {
    store.getState().setLink(link);
    if (link !== 'up') return;
    void bridge.invoke('journal.snapshot', {}).then((result) => {
      // Through the queue, so it lands in order with the deltas that arrived around it.
      if (result.ok) push({ type: 'snapshot', value: result.value });
    });
  });

  return () => {
    offDelta();
    offServers();
    offLink();
    cancel?.();
  };
}

/** Applies queued items in arrival order, folding each run of consecutive deltas into one. */
export function applyQueued(store: WirebenchStore, items: readonly Queued[]): void {
  const state = store.getState();
  let run: Delta[] = [];
  const endRun = (): void => {
    const folded = foldDeltas(run);
    if (folded) state.applyDelta(folded);
    run = [];
  };
  for (const item of items) {
    if (item.type === 'delta') {
      run.push(item.payload);
      continue;
    }
    endRun();
    if (item.type === 'servers') state.setServers(item.payload.servers);
    else {
      state.setServers(item.value.servers);
      state.applySnapshot(item.value.conns, item.value.totals);
    }
  }
  endRun();
}

/** Deltas in order as one: each connection's latest summary, all events in order, the last totals. */
export function foldDeltas(deltas: readonly Delta[]): Delta | null {
  const last = deltas.at(-1);
  if (!last) return null;
  if (deltas.length === 1) return last;
  const conns = new Map<string, Delta['conns'][number]>();
  const dropped = new Set<string>();
  const events: Delta['events'] = [];
  for (const d of deltas) {
    for (const c of d.conns) conns.set(c.connId, c);
    for (const id of d.dropped) {
      conns.delete(id);
      dropped.add(id);
    }
    events.push(...d.events.filter((e) => !dropped.has(e.connId)));
  }
  return { conns: [...conns.values()], dropped: [...dropped], events, totals: last.totals };
}
