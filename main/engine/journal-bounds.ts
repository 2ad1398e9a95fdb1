// The journal's bounds: which connections hold payload or have closed, in what order, and how
// many events all hold together; and, once a limit is passed, what is trimmed, evicted or dropped
// (the limits and their order are described at the top of journal.ts). The journal records and
// tells every event; this keeps what it holds inside a fixed footprint.
// Events handed out are never mutated afterwards: eviction replaces a stored event with a copy
// whose `bytes` is null, so a delta or a caller holding the original still sees what it was given.
import type { JournalEvent, JournalTotals } from '../../shared/contract/contract';
import type { JournalEntry as Entry } from './journal-entry';

export interface JournalLimits {
  payloadBudgetBytes: number;
  maxClosedConnections: number;
  maxEventsPerConnection: number;
  /** Events kept, all connections together (each keeps at least its `opened`). */
  maxEvents: number;
}

export class JournalBounds {
  // Both in the order connections closed; Sets keep insertion order and delete in O(1).
  private readonly closed = new Set<string>();
  private readonly closedWithPayload = new Set<string>();
  /** Open connections holding payload, in the order they opened. */
  private readonly openWithPayload = new Set<string>();
  /** Events held by every entry together (what `maxEvents` bounds): the journal counts each it adds. */
  storedEvents = 0;

  constructor(
    private readonly limits: JournalLimits,
    /** The journal's own entries and totals, which this trims. */
    private readonly entries: Map<string, Entry>,
    private readonly total: JournalTotals,
    /** The journal's listener: told (event null) of a summary eviction changed, or a connection dropped. */
    private readonly listener: (connId: string, event: null) => void,
  ) {}

  /** `event` was added to `entry` (counted, applied and told): brings back under its limits what it put over. */
  added(entry: Entry, event: JournalEvent): void {
    if (entry.events.length > this.limits.maxEventsPerConnection) {
      this.trimEvents(entry, Math.max(1, Math.floor(this.limits.maxEventsPerConnection / 4)));
    }
    if (this.storedEvents > this.limits.maxEvents) this.trimToBudget();
    if (event.kind === 'data' || event.kind === 'closed') this.enforceLimits();
  }

  /** An open connection holds payload now (evicted last, the earliest opened first). */
  holdsPayload(connId: string): void {
    this.openWithPayload.add(connId);
  }

  /** A connection closed: its payload is evicted, and itself dropped, in the order they closed. */
  closedNow(connId: string, entry: Entry): void {
    this.closed.add(connId);
    this.openWithPayload.delete(connId);
    if (entry.storedBytes > 0) this.closedWithPayload.add(connId);
  }

  private enforceLimits(): void {
    while (this.total.storedPayloadBytes > this.limits.payloadBudgetBytes) {
      const oldest = first(this.closedWithPayload);
      if (oldest !== undefined) {
        this.evictPayload(oldest);
        continue;
      }
      const open = first(this.openWithPayload);
      if (open === undefined) break;
      this.evictOldestPayload(open, this.total.storedPayloadBytes - this.limits.payloadBudgetBytes);
    }
    while (this.closed.size > this.limits.maxClosedConnections) {
      const oldest = first(this.closed);
      if (oldest === undefined) break;
      this.drop(oldest);
    }
  }

  private evictPayload(connId: string): void {
    this.closedWithPayload.delete(connId);
    const entry = this.entries.get(connId);
    if (!entry) return;
    entry.events = entry.events.map((e) => (e.kind === 'data' && e.bytes ? { ...e, bytes: null } : e));
    this.total.storedPayloadBytes -= entry.storedBytes;
    entry.storedBytes = 0;
    entry.summary.payloadEvicted = true;
    this.listener(connId, null);
  }

  /** An open connection's oldest payloads, until `excess` bytes are freed or it holds none. */
  private evictOldestPayload(connId: string, excess: number): void {
    const entry = this.entries.get(connId);
    if (!entry) return;
    let freed = 0;
    let i = entry.payloadFrom;
    for (; i < entry.events.length && freed < excess; i++) {
      const e = entry.events[i];
      if (e?.kind !== 'data' || !e.bytes) continue;
      freed += e.bytes.length;
      entry.events[i] = { ...e, bytes: null };
    }
    entry.payloadFrom = i;
    entry.storedBytes -= freed;
    this.total.storedPayloadBytes -= freed;
    if (entry.storedBytes === 0) this.openWithPayload.delete(connId);
    entry.summary.payloadEvicted = true;
    this.listener(connId, null);
  }

  /**
   * Brings the events of all connections together back under `maxEvents`, with an eighth of the
   * budget to spare so that this runs once per budget/8 new events at most (amortized O(1) per event:
   * one sort of the entries' sizes per run). Water-filling: find the highest level L such that
   * keeping at most L events per connection fits, then trim every connection holding more than L
   * down to L, each losing its oldest events after `opened` (seq kept, so the gap shows; counters
   * untouched). So the connections holding the most pay first and alike.
   * Why not "the oldest closed first": closed connections are capped in number already and each
   * holds the few events of its exchange, whereas what fills the budget is kept-alive connections
   * (500 of them carrying a million requests); cutting the biggest keeps every connection's latest
   * exchanges inspectable, and a short closed exchange whole.
   */
  private trimToBudget(): void {
    const budget = this.limits.maxEvents;
    const target = budget - Math.floor(budget / 8);
    // Nothing left to cut once every connection is down to its `opened` (a budget smaller than
    // the number of connections kept, which the defaults rule out: 200,000 against 1000 closed).
    if (this.storedEvents <= target || this.storedEvents === this.entries.size) return;
    const sizes = Array.from(this.entries.values(), (e) => e.events.length).sort((a, b) => b - a);
    // Events held in total if every connection kept at most `level`: walk down from the biggest.
    let level = sizes[0] ?? 1;
    let above = 0; // how many connections hold more than `level`
    let total = this.storedEvents;
    while (level > 1 && total > target) {
      while (above < sizes.length && (sizes[above] as number) >= level) above++;
      const next = Math.max(1, above < sizes.length ? (sizes[above] as number) : 1);
      // Lowering the level from `level` to `to` removes `above` events per step.
      const steps = Math.min(level - next, Math.ceil((total - target) / above));
      const to = level - Math.max(1, steps);
      total -= above * (level - to);
      level = to;
    }
    for (const entry of this.entries.values()) {
      if (entry.events.length > level) this.trimEvents(entry, entry.events.length - level);
    }
  }

  /** Drops the `count` oldest events after `opened` (amortized O(1) per event: callers cut in bulk). */
  private trimEvents(entry: Entry, count: number): void {
    const removed = entry.events.splice(1, count);
    entry.trimmed += removed.length;
    this.storedEvents -= removed.length;
    let freed = 0;
    for (const e of removed) {
      if (e.kind !== 'data') continue;
      entry.trimmedBytes[e.dir] += e.length;
      if (e.bytes) freed += e.bytes.length;
    }
    entry.storedBytes -= freed;
    this.total.storedPayloadBytes -= freed;
    entry.payloadFrom = Math.max(1, entry.payloadFrom - count);
    if (entry.storedBytes === 0) {
      this.openWithPayload.delete(entry.summary.connId);
      this.closedWithPayload.delete(entry.summary.connId);
    }
  }

  private drop(connId: string): void {
    this.closed.delete(connId);
    this.closedWithPayload.delete(connId);
    this.openWithPayload.delete(connId);
    const entry = this.entries.get(connId);
    if (!entry) return;
    this.total.storedPayloadBytes -= entry.storedBytes;
    this.total.droppedConnections++;
    this.storedEvents -= entry.events.length;
    this.entries.delete(connId);
    this.listener(connId, null);
  }
}

function first(set: Set<string>): string | undefined {
  for (const value of set) return value;
  return undefined;
}
