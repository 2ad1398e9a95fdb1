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
// Events handed out are never mutated afterwards: eviction replaces a stored event with a copy
// whose `bytes` is null, so a delta or a caller holding the original still sees what it was given.
import type { ConnSummary, JournalEvent, JournalTotals } from '../../shared/contract';

export type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** An event as a connection reports it; the journal adds `connId` and `seq`. */
export type NewJournalEvent = DistributiveOmit<JournalEvent, 'connId' | 'seq'>;
export type OpenedEvent = Extract<NewJournalEvent, { kind: 'opened' }>;

export interface JournalLimits {
  payloadBudgetBytes: number;
  maxClosedConnections: number;
  maxEventsPerConnection: number;
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

  constructor(
    private readonly limits: JournalLimits,
    private readonly listener: JournalListener,
  ) {}

  /** Starts a connection's journal with its `opened` event; returns the new connection's id. */
  open(serverId: string | null, opened: OpenedEvent): string {
    const connId = `c${this.nextId++}`;
    const summary: ConnSummary = {
      connId,
      role: opened.role,
      serverId,
      local: opened.local,
      remote: opened.remote,
      openedAt: opened.at,
      bytesIn: 0,
      bytesOut: 0,
      chunksIn: 0,
      chunksOut: 0,
      finReceived: false,
      finSent: false,
      reset: false,
      closed: false,
      payloadEvicted: false,
    };
    this.entries.set(connId, { summary, events: [], storedBytes: 0, payloadFrom: 0, trimmed: 0 });
    this.total.connections++;
    this.append(connId, opened);
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
    // Dropped whole already (only possible once closed, and nothing follows `closed`).
    if (!entry) return;
    const full: JournalEvent = { ...event, at, t, connId, seq: entry.events.length + entry.trimmed };
    entry.events.push(full);
    this.apply(connId, entry, full);
    this.listener(connId, full);
    if (entry.events.length > this.limits.maxEventsPerConnection) this.trimEvents(entry);
    if (full.kind === 'data' || full.kind === 'closed') this.enforceLimits();
  }

  has(connId: string): boolean {
    return this.entries.has(connId);
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

  /** Drops the oldest events after `opened`, a quarter of the cap at a time (amortized O(1) per event). */
  private trimEvents(entry: Entry): void {
    const count = Math.max(1, Math.floor(this.limits.maxEventsPerConnection / 4));
    const removed = entry.events.splice(1, count);
    entry.trimmed += removed.length;
    let freed = 0;
    for (const e of removed) if (e.kind === 'data' && e.bytes) freed += e.bytes.length;
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
    this.entries.delete(connId);
    this.listener(connId, null);
  }
}

function first(set: Set<string>): string | undefined {
  for (const value of set) return value;
  return undefined;
}
