// The journal: every connection's ordered events and its summary, bounded in memory.
// Four limits keep a server that has answered a million requests inside a fixed footprint, whether
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
//   (see trimToBudget in journal-bounds.ts for why "the most" rather than "the oldest closed").
// What holds them to these limits is journal-bounds.ts; this file records and tells the events.
import type { ConnSummary, Dir, JournalEvent, JournalTotals } from '../../shared/contract/contract';
import { freshSummary } from '../../shared/contract/conn-summary';
import { growFirstLine, type FirstLineState } from '../../shared/contract/first-line';
import { rstCauseOf } from '../../shared/teardown/rst-causes';
import { JournalBounds, type JournalLimits } from './journal-bounds';
import type { JournalEntry as Entry } from './journal-entry';

export type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** An event as a connection reports it; the journal adds `connId` and `seq`. */
export type NewJournalEvent = DistributiveOmit<JournalEvent, 'connId' | 'seq'>;
export type OpenedEvent = Extract<NewJournalEvent, { kind: 'opened' }>;

/** Told about every change: a new event, or (event null) a summary that changed on its own. */
export type JournalListener = (connId: string, event: JournalEvent | null) => void;

const NO_LINE: FirstLineState = { text: null, done: false };

/** A range of one direction's stream, as payload() finds it. */
export interface PayloadRange {
  /** The stored bytes of the range (cut at what was carried so far), or null if any is gone. */
  bytes: Uint8Array<ArrayBuffer> | null;
  evicted: boolean;
}

export class Journal {
  private readonly entries = new Map<string, Entry>();
  private nextId = 1;
  private readonly total: JournalTotals = {
    connections: 0,
    bytesIn: 0,
    bytesOut: 0,
    storedPayloadBytes: 0,
    droppedConnections: 0,
  };
  private readonly bounds: JournalBounds;

  constructor(
    limits: JournalLimits,
    private readonly listener: JournalListener,
  ) {
    this.bounds = new JournalBounds(limits, this.entries, this.total, listener);
  }

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
    this.bounds.storedEvents++;
    this.apply(connId, entry, full);
    this.listener(connId, full);
    this.bounds.added(entry, full);
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
          if (!s.closed) this.bounds.holdsPayload(connId);
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
        this.bounds.closedNow(connId, entry);
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
}
