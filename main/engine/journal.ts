// The journal: every connection's ordered events and its summary, bounded in memory.
// Three limits keep a server that has answered a million requests inside a fixed footprint, whether
// it closed a million connections or kept a few alive for all of them:
// - a byte budget for stored payloads: past it, the connections that closed earliest lose their
//   payload bytes first (their events keep `length`; counters stay exact). Open connections lose
//   theirs last, oldest chunks first, and only once no closed connection holds any: what is live
//   stays inspectable as long as the budget allows.
// - a cap on closed connections: past it, the earliest closed are dropped whole, and only the
//   totals remember them.
// - a cap on events per connection (a kept-alive connection may carry a million requests): past
//   it, the oldest events after `opened` are dropped, a quarter of the cap at a time. The summary's
//   counters stay exact, and the kept events keep their `seq`, so the gap shows.
// - a budget of events, all connections together (500 kept-alive connections at the per-connection
//   cap would otherwise hold millions of event objects, far more heap than the payload budget):
//   past it, the connections holding the most events are cut down to a common level, open or
//   closed alike, oldest events after `opened` first, exactly as the per-connection cap cuts
//   (see trimToBudget for why "the most" rather than "the oldest closed").
// Events handed out are never mutated afterwards: eviction replaces a stored event with a copy
// whose `bytes` is null, so a delta or a caller holding the original still sees what it was given.
import type { ConnSummary, Dir, JournalEvent, JournalTotals } from '../../shared/contract/contract';
import { freshSummary } from '../../shared/contract/conn-summary';
import { growFirstLine, type FirstLineState } from '../../shared/contract/first-line';
import { rstCauseOf } from '../../shared/teardown/rst-causes';

export type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** An event as a connection reports it; the journal adds `connId` and `seq`. */
export type NewJournalEvent = DistributiveOmit<JournalEvent, 'connId' | 'seq'>;
export type OpenedEvent = Extract<NewJournalEvent, { kind: 'opened' }>;

export interface JournalLimits {
  payloadBudgetBytes: number;
  maxClosedConnections: number;
  maxEventsPerConnection: number;
  /** Events kept, all connections together (each keeps at least its `opened`). */
  maxEvents: number;
}

/** Told about every change: a new event, or (event null) a summary that changed on its own. */
export type JournalListener = (connId: string, event: JournalEvent | null) => void;

interface Entry {
  summary: ConnSummary;
  events: JournalEvent[];
  storedBytes: number;
  /** Events before this index hold no payload any more (eviction of an open connection resumes here). */
  payloadFrom: number;
  /** How many events trimEvents dropped: the next event's seq is events.length + trimmed. */
  trimmed: number;
  /**
   * Bytes of the data events trimEvents dropped, per direction: where the first kept chunk of
   * that direction starts in its stream (the chunks dropped were the oldest).
   */
  trimmedBytes: { in: number; out: number };
  /** The summary's firstLines as they grow (NO_LINE until a byte comes; complete at the first LF). */
  firstLines: { in: FirstLineState; out: FirstLineState };
  /** We sent bytes after the peer's FIN: one of the facts the RST's cause is read from. */
  sentAfterFin: boolean;
}

const NO_LINE: FirstLineState = { text: null, done: false };

/** A range of one direction's stream, as payload() finds it. */
export interface PayloadRange {
  /** The stored bytes of the range (cut at what was carried so far), or null if any is gone. */
  bytes: Uint8Array<ArrayBuffer> | null;
  evicted: boolean;
}

export class Journal {
  private readonly entries = new Map<string, Entry>();
  // Both in the order connections closed; Sets keep insertion order and delete in O(1).
  private readonly closed = new Set<string>();
  private readonly closedWithPayload = new Set<string>();
  /** Open connections holding payload, in the order they opened. */
  private readonly openWithPayload = new Set<string>();
  private nextId = 1;
  private readonly total: JournalTotals = {
    connections: 0,
    bytesIn: 0,
    bytesOut: 0,
    storedPayloadBytes: 0,
    droppedConnections: 0,
  };
  /** Events held by every entry together (what `maxEvents` bounds). */
  private storedEvents = 0;

  constructor(
    private readonly limits: JournalLimits,
    private readonly listener: JournalListener,
  ) {}

  /** Starts a connection's journal with its `opened` event; returns the new connection's id. */
  open(serverId: string | null, opened: OpenedEvent): string {
    const connId = `c${this.nextId++}`;
    const summary = freshSummary({ connId, role: opened.role, serverId, local: opened.local, remote: opened.remote, openedAt: opened.at });
    this.entries.set(connId, {
      summary,
      events: [],
      storedBytes: 0,
      payloadFrom: 0,
      trimmed: 0,
      trimmedBytes: { in: 0, out: 0 },
      firstLines: { in: NO_LINE, out: NO_LINE },
      sentAfterFin: false,
    });
    this.total.connections++;
    // Built whole rather than spread (one per connection: 10,000 a second closing per request).
    const { role, local, remote, at, t, mono } = opened;
    this.push(connId, this.entries.get(connId) as Entry, { kind: 'opened', role, local, remote, at, t, mono, connId, seq: 0 });
    return connId;
  }

  append(connId: string, event: NewJournalEvent): void {
    this.record(connId, event, event.at, event.t);
  }

  /**
   * append() for an event and its clock readings given apart: the event is built in one step,
   * which matters at one call per chunk (a server answering tens of thousands of requests a second).
   */
  record(connId: string, event: DistributiveOmit<NewJournalEvent, 'at' | 't'>, at: number, t: number): void {
    const entry = this.entries.get(connId);
    // Dropped whole already (only possible once closed): a kernel state read after `closed` (the
    // kernel keeps a TIME_WAIT socket for a minute after we let go) has nowhere to go.
    if (!entry) return;
    const full: JournalEvent = { ...event, at, t, connId, seq: entry.events.length + entry.trimmed };
    this.push(connId, entry, full);
  }

  /**
   * record() for an event the caller built whole, with this connection's `connId` and any `seq`
   * (the journal sets it): one object per event and no copy, for the busiest callers (a chunk read
   * or written). The caller must not touch the object afterwards.
   */
  recordBuilt(event: JournalEvent): void {
    const entry = this.entries.get(event.connId);
    if (!entry) return;
    event.seq = entry.events.length + entry.trimmed;
    this.push(event.connId, entry, event);
  }

  private push(connId: string, entry: Entry, full: JournalEvent): void {
    entry.events.push(full);
    this.storedEvents++;
    this.apply(connId, entry, full);
    this.listener(connId, full);
    if (entry.events.length > this.limits.maxEventsPerConnection) {
      this.trimEvents(entry, Math.max(1, Math.floor(this.limits.maxEventsPerConnection / 4)));
    }
    if (this.storedEvents > this.limits.maxEvents) this.trimToBudget();
    if (full.kind === 'data' || full.kind === 'closed') this.enforceLimits();
  }

  has(connId: string): boolean {
    return this.entries.has(connId);
  }

  /** The connection's `opened` event (always kept, first), or undefined if unknown or dropped. */
  opened(connId: string): Extract<JournalEvent, { kind: 'opened' }> | undefined {
    const first = this.entries.get(connId)?.events[0];
    return first?.kind === 'opened' ? first : undefined;
  }

  /** A copy of the connection's summary, or undefined if unknown or dropped. */
  summary(connId: string): ConnSummary | undefined {
    const entry = this.entries.get(connId);
    return entry && { ...entry.summary };
  }

  /** The connection's events so far (a new array; the events themselves are never mutated). */
  events(connId: string): JournalEvent[] | undefined {
    return this.entries.get(connId)?.events.slice();
  }

  /** The connection's events from seq `fromSeq` on (a new array), or undefined if unknown or dropped. */
  eventsFrom(connId: string, fromSeq: number): JournalEvent[] | undefined {
    const events = this.entries.get(connId)?.events;
    if (!events) return undefined;
    // Sorted by seq (with a gap where trimEvents cut): the first at or past fromSeq, by bisection.
    let lo = 0;
    let hi = events.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((events[mid] as JournalEvent).seq < fromSeq) lo = mid + 1;
      else hi = mid;
    }
    return events.slice(lo);
  }

  /**
   * The stored bytes of one direction of a connection as a stream: from `offset` (0 is that
   * direction's first byte), `length` bytes, cut at what it has carried so far. A range reaching
   * bytes no longer stored (evicted by the budget, or in chunks the event cap dropped) answers
   * evicted, bytes null: a view of a big exchange asks page by page and shows what is gone as gone.
   * Undefined for an unknown (or dropped) connection. Linear in the connection's events, which the
   * event cap bounds (5000 by default).
   */
  payload(connId: string, dir: Dir, offset: number, length: number): PayloadRange | undefined {
    const entry = this.entries.get(connId);
    if (!entry) return undefined;
    const carried = dir === 'in' ? entry.summary.bytesIn : entry.summary.bytesOut;
    const end = Math.min(offset + length, carried);
    if (end <= offset) return { bytes: new Uint8Array(0), evicted: false };
    // Where the next chunk of that direction starts in its stream.
    let at = entry.trimmedBytes[dir];
    if (offset < at) return { bytes: null, evicted: true };
    const out = new Uint8Array(end - offset);
    for (const e of entry.events) {
      if (e.kind !== 'data' || e.dir !== dir) continue;
      const start = at;
      at += e.length;
      if (at <= offset) continue; // before the range
      if (start >= end) break; // past it
      if (!e.bytes) return { bytes: null, evicted: true };
      const from = Math.max(offset, start);
      out.set(e.bytes.subarray(from - start, Math.min(end, at) - start), from - offset);
    }
    return { bytes: out, evicted: false };
  }

  /** Every connection still in the journal, in the order they opened. */
  summaries(): ConnSummary[] {
    return Array.from(this.entries.values(), (e) => ({ ...e.summary }));
  }

  totals(): JournalTotals {
    return { ...this.total };
  }

  private apply(connId: string, entry: Entry, event: JournalEvent): void {
    const s = entry.summary;
    switch (event.kind) {
      case 'data':
        if (event.dir === 'in') {
          s.bytesIn += event.length;
          s.chunksIn++;
          this.total.bytesIn += event.length;
        } else {
          s.bytesOut += event.length;
          s.chunksOut++;
          this.total.bytesOut += event.length;
        }
        if (event.dir === 'out' && s.finReceived) entry.sentAfterFin = true;
        if (event.bytes && !entry.firstLines[event.dir].done) this.growFirstLine(entry, event.dir, event.bytes);
        if (event.bytes) {
          entry.storedBytes += event.bytes.length;
          this.total.storedPayloadBytes += event.bytes.length;
          if (!s.closed) this.openWithPayload.add(connId);
        }
        break;
      case 'peer_fin':
        s.finReceived = true;
        break;
      case 'fin_sent':
        s.finSent = true;
        break;
      case 'rst_sent':
        s.reset = true;
        break;
      case 'rst_received':
        s.reset = true;
        // The first RST's cause, from what the journal had proved before it (as rstReceivedIn reads it).
        s.rstCause ??= rstCauseOf({ peerFin: s.finReceived, sentAfterFin: entry.sentAfterFin, received: s.chunksIn > 0 });
        break;
      case 'error':
        // A reset in either direction is what `reset` tells the learner; the peer's RST shows
        // up as ECONNRESET on our next read or write.
        if (event.code === 'ECONNRESET') s.reset = true;
        break;
      case 'closed':
        s.closed = true;
        this.closed.add(connId);
        this.openWithPayload.delete(connId);
        if (entry.storedBytes > 0) this.closedWithPayload.add(connId);
        break;
      default:
        break;
    }
  }

  private growFirstLine(entry: Entry, dir: Dir, bytes: Uint8Array): void {
    const line = growFirstLine(entry.firstLines[dir], bytes);
    entry.firstLines[dir] = line;
    // A new object: a summary handed out (a delta, a snapshot) is never changed afterwards.
    entry.summary.firstLines = dir === 'in' ? { in: line.text, out: entry.summary.firstLines.out } : { in: entry.summary.firstLines.in, out: line.text };
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
