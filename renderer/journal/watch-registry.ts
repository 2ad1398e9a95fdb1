// Which connections' events this page watches (journal.watch): those some view shows now. Views
// register the connections they read (useJournal, useWatchedJournals) and let go when they unmount
// or look elsewhere; the set is sent once per turn of changes, with where each journal held here
// ends, so that the answer is what is missing (the whole journal for one never seen). The page gets
// every connection's summary regardless: the cards and counters need no events (issue 19).
import { WATCH_MAX, type ErrorInfo } from '../../shared/contract/contract';
import type { LinkedBridge } from '../bridge/bridge-types';
import type { ConnJournal } from '../store/journal-merge';
import type { WirebenchStore } from '../store/store';

export class WatchRegistry {
  /** How many views read each connection. */
  private readonly counts = new Map<string, number>();
  private scheduled = false;
  /** The set last sent (sorted ids joined), to send nothing when it did not change; null: send. */
  private sent: string | null = null;

  constructor(
    private readonly bridge: LinkedBridge,
    private readonly store: WirebenchStore,
  ) {
    // A new link is a new session on the host's side, which watches nothing: say it all again.
    bridge.onLink((state) => {
      if (state === 'up') this.refresh();
    });
  }

  /** A view reads these connections' events until the returned function is called. */
  watch(connIds: readonly string[]): () => void {
    for (const id of connIds) this.counts.set(id, (this.counts.get(id) ?? 0) + 1);
    this.schedule();
    return () => {
      for (const id of connIds) {
        const n = (this.counts.get(id) ?? 1) - 1;
        if (n <= 0) this.counts.delete(id);
        else this.counts.set(id, n);
      }
      this.schedule();
    };
  }

  /** Sends the set again even if it is the same: a journal needs fetching, or the link is new. */
  refresh(): void {
    this.sent = null;
    this.schedule();
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    // Once per turn: a selection change unmounts one view and mounts the next in one commit.
    queueMicrotask(() => {
      this.scheduled = false;
      void this.send();
    });
  }

  private async send(): Promise<void> {
    const ids = [...this.counts.keys()].sort().slice(0, WATCH_MAX);
    const key = ids.join(' ');
    if (key === this.sent) return;
    this.sent = key;
    const state = this.store.getState();
    const watch = ids.map((connId) => ({ connId, fromSeq: fromSeqOf(state.journals[connId]) }));
    // Not marked loading in the store: under close-per-request load the server's waiting hints
    // watch connections that come and go every frame, and each mark was a store update copying
    // every journal (~170 ms of 6 s in bench:ui-load). A journal missing events says so by
    // needsFetch, which the views show as loading, and useWatched refreshes once per change of it.
    const whole = watch.filter((w) => w.fromSeq === 0).map((w) => w.connId);
    const result = await this.bridge.invoke('journal.watch', { watch });
    const now = this.store.getState();
    if (!result.ok) {
      // The link went down (a reconnect sends the set again) or the input was refused.
      const error = result.error;
      now.journalFailed(whole.map((connId) => ({ connId, error })));
      return;
    }
    now.journalLoaded(result.value.journals);
    now.journalFailed(result.value.unknown.map((connId) => ({ connId, error: unknownConnection(connId) })));
  }
}

/**
 * Where this page's copy of a journal ends: the answer brings what comes after. A copy with a hole
 * (or none yet) asks for everything; merging by seq drops what it already has.
 */
function fromSeqOf(journal: ConnJournal | undefined): number {
  const last = journal?.events.at(-1);
  if (!journal || journal.needsFetch || !last) return 0;
  return last.seq + 1;
}

function unknownConnection(connId: string): ErrorInfo {
  return { code: 'unknown_connection', params: { connId } };
}

const REGISTRIES = new WeakMap<WirebenchStore, WatchRegistry>();

/** The page's one registry for this store (made on first use). */
export function watchRegistry(bridge: LinkedBridge, store: WirebenchStore): WatchRegistry {
  let registry = REGISTRIES.get(store);
  if (!registry) REGISTRIES.set(store, (registry = new WatchRegistry(bridge, store)));
  return registry;
}
