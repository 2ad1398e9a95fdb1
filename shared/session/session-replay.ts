// A session file played back: its events on one timeline (every connection's, in the order they
// happened), revealed up to a position, and read the way the engine's journal is read (a snapshot,
// a connection's events from a seq, a range of one direction's bytes). What the views ask the
// engine for live, a recording answers from here, so they work on it unchanged.
import type { ConnSummary, JournalEvent, JournalTotals, ServerInfo } from '../contract/contract';
import type { SessionFile } from './session-file';
import { SummaryCounter } from './summary-of-events';

/** The journal.delta a step of the replay makes: what changed since the position before it. */
export interface ReplayDelta {
  conns: ConnSummary[];
  dropped: string[];
  events: JournalEvent[];
  totals: JournalTotals;
}

interface Timed {
  event: JournalEvent;
  /** ms from the session's first event. */
  at: number;
}

interface Conn {
  saved: ConnSummary;
  events: JournalEvent[];
  /** How many of `events` are revealed. */
  shown: number;
  /** The revealed events counted (each once, as they are revealed). */
  counter: SummaryCounter;
  /** Its summary as of the last reveal that changed it. */
  summary: ConnSummary | null;
}

export class SessionReplay {
  private readonly timeline: Timed[];
  private readonly conns = new Map<string, Conn>();
  private shown = 0;

  constructor(readonly session: SessionFile) {
    const timed: Timed[] = [];
    for (const { summary, events } of session.connections) {
      const { connId, role, serverId, local, remote, openedAt, payloadEvicted } = summary;
      const counter = new SummaryCounter({ connId, role, serverId, local, remote, openedAt }, payloadEvicted);
      this.conns.set(summary.connId, { saved: summary, events, shown: 0, counter, summary: null });
      const opened = events[0];
      // One clock for every connection of an engine: its monotonic `mono` plus each event's `t`.
      const base = opened?.kind === 'opened' ? opened.mono : 0;
      for (const event of events) timed.push({ event, at: base + event.t });
    }
    // Stable: events at the same time keep their connection's order and their own.
    timed.sort((a, b) => a.at - b.at);
    const start = timed[0]?.at ?? 0;
    this.timeline = timed.map((t) => ({ event: t.event, at: t.at - start }));
  }

  /** Events in all. */
  get length(): number {
    return this.timeline.length;
  }

  /** Events revealed so far. */
  get position(): number {
    return this.shown;
  }

  /** When event `index` happened, in ms from the first (the end's time past the last). */
  timeOf(index: number): number {
    return this.timeline[Math.min(index, this.timeline.length - 1)]?.at ?? 0;
  }

  get servers(): ServerInfo[] {
    return this.session.servers;
  }

  /** Reveals events up to `position` (forward only); what that changed, as a journal.delta. */
  revealTo(position: number): ReplayDelta {
    const to = Math.min(Math.max(position, this.shown), this.timeline.length);
    const changed = new Set<string>();
    const events: JournalEvent[] = [];
    for (; this.shown < to; this.shown++) {
      const { event } = this.timeline[this.shown] as Timed;
      const conn = this.conns.get(event.connId) as Conn;
      conn.shown++;
      conn.counter.add(event);
      conn.summary = null;
      changed.add(event.connId);
      events.push(event);
    }
    return { conns: [...changed].map((id) => this.summaryOf(this.conns.get(id) as Conn)), dropped: [], events, totals: this.totals() };
  }

  /** Everything revealed, as journal.snapshot answers. */
  snapshot(): { servers: ServerInfo[]; conns: ConnSummary[]; totals: JournalTotals } {
    const conns = [...this.conns.values()].filter((c) => c.shown > 0).map((c) => this.summaryOf(c));
    return { servers: this.session.servers, conns, totals: this.totals() };
  }

  /** A connection's revealed events from `fromSeq` on; undefined if it has not opened yet or is not in the session. */
  eventsFrom(connId: string, fromSeq = 0): JournalEvent[] | undefined {
    const conn = this.conns.get(connId);
    if (!conn || conn.shown === 0) return undefined;
    return conn.events.slice(0, conn.shown).filter((e) => e.seq >= fromSeq);
  }

  /** Bytes of one direction from `offset` (as journal.payload answers), among those revealed. */
  payload(connId: string, dir: 'in' | 'out', offset: number, length: number): { bytes: Uint8Array | null; evicted: boolean } | undefined {
    const events = this.eventsFrom(connId);
    if (!events) return undefined;
    const parts: Uint8Array[] = [];
    let at = 0;
    let evicted = false;
    const end = offset + length;
    for (const e of events) {
      if (e.kind !== 'data' || e.dir !== dir) continue;
      const from = at;
      at += e.length;
      if (at <= offset || from >= end) continue;
      if (e.bytes === null) {
        evicted = true;
        continue;
      }
      parts.push(e.bytes.subarray(Math.max(0, offset - from), Math.min(e.length, end - from)));
    }
    if (evicted) return { bytes: null, evicted: true };
    const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let put = 0;
    for (const p of parts) {
      bytes.set(p, put);
      put += p.length;
    }
    return { bytes, evicted: false };
  }

  private summaryOf(conn: Conn): ConnSummary {
    // All of it shown: the summary as saved (it counts what the journal had trimmed, too).
    if (conn.shown === conn.events.length) return conn.saved;
    conn.summary ??= conn.counter.summary();
    return conn.summary;
  }

  private totals(): JournalTotals {
    const totals: JournalTotals = { connections: 0, bytesIn: 0, bytesOut: 0, storedPayloadBytes: 0, droppedConnections: this.session.totals.droppedConnections };
    for (const conn of this.conns.values()) {
      if (conn.shown === 0) continue;
      const s = this.summaryOf(conn);
      totals.connections++;
      totals.bytesIn += s.bytesIn;
      totals.bytesOut += s.bytesOut;
    }
    totals.storedPayloadBytes = totals.bytesIn + totals.bytesOut;
    return totals;
  }
}
