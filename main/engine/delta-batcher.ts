// Journal changes go to the hosts in batches: at most one `journal.delta` per interval (a frame,
// 16 ms, by default), never one message per chunk. A busy connection delivers thousands of chunks
// a second; a renderer redrawing per chunk, or an IPC message per chunk, would fall behind.
// Each delta carries the latest summary of every connection that changed since the last one, the
// new events in the order they happened, and the totals.
import type { EventPayload, JournalEvent } from '../../shared/contract/contract';
import type { Journal } from './journal';

export type DeltaSink = (delta: EventPayload<'journal.delta'>) => void;

export class DeltaBatcher {
  private journal: Journal | null = null;
  private readonly changed = new Set<string>();
  private pending: JournalEvent[] = [];
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly intervalMs: number,
    private readonly sink: DeltaSink,
  ) {}

  /** The journal to read summaries and totals from when a batch goes out. */
  attach(journal: Journal): void {
    this.journal = journal;
  }

  /** Called for every journal change (see JournalListener). */
  note(connId: string, event: JournalEvent | null): void {
    this.changed.add(connId);
    if (event) this.pending.push(event);
    // The first change after a quiet spell starts the clock; later ones ride along. Since the
    // next timer can only start after this one fired, deltas are at least intervalMs apart.
    this.timer ??= setTimeout(() => this.flush(), this.intervalMs);
  }

  /** Sends what is pending now (also used on close, so the last changes are not lost). */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const journal = this.journal;
    if (!journal || this.changed.size === 0) return;
    const conns = [];
    const dropped = [];
    for (const connId of this.changed) {
      const summary = journal.summary(connId);
      if (summary) conns.push(summary);
      else dropped.push(connId);
    }
    // A connection dropped whole since it changed is gone from the snapshot too; its events are
    // not sent either, so a delta never names a connection the journal no longer has.
    const events = this.pending.filter((e) => journal.has(e.connId));
    this.changed.clear();
    this.pending = [];
    this.sink({ conns, dropped, events, totals: journal.totals() });
  }

  /** Stops the timer without sending. */
  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
