// A connection's summary counted from its events, the way main/engine/journal.ts counts them as
// they come: for journals that did not come from a live engine (a capture opened as a journal) and
// for a recording replayed up to some point, whose summary is that of the events shown so far.
import type { ConnSummary, JournalEvent } from '../contract/contract';
import { freshSummary, type SummaryStart } from '../contract/conn-summary';
import { growFirstLine, type FirstLineState } from '../contract/first-line';
import { rstCauseOf } from '../teardown/rst-causes';

/** Counts events one at a time (a replay reveals them so); summary() is a fresh object each call. */
export class SummaryCounter {
  private readonly s: ConnSummary;
  private readonly lines: Record<'in' | 'out', FirstLineState> = { in: { text: null, done: false }, out: { text: null, done: false } };
  private sentAfterFin = false;

  constructor(start: SummaryStart, payloadEvicted = false) {
    this.s = freshSummary(start);
    this.s.payloadEvicted = payloadEvicted;
  }

  add(e: JournalEvent): void {
    const s = this.s;
    if (e.kind === 'data') {
      if (e.dir === 'in') {
        s.bytesIn += e.length;
        s.chunksIn++;
      } else {
        s.bytesOut += e.length;
        s.chunksOut++;
        if (s.finReceived) this.sentAfterFin = true;
      }
      if (e.bytes) this.lines[e.dir] = growFirstLine(this.lines[e.dir], e.bytes);
    } else if (e.kind === 'peer_fin') s.finReceived = true;
    else if (e.kind === 'fin_sent') s.finSent = true;
    else if (e.kind === 'rst_sent') s.reset = true;
    else if (e.kind === 'rst_received') {
      s.reset = true;
      s.rstCause ??= rstCauseOf({ peerFin: s.finReceived, sentAfterFin: this.sentAfterFin, received: s.chunksIn > 0 });
    } else if (e.kind === 'error' && e.code === 'ECONNRESET') s.reset = true;
    else if (e.kind === 'closed') s.closed = true;
  }

  summary(): ConnSummary {
    return { ...this.s, firstLines: { in: this.lines.in.text, out: this.lines.out.text } };
  }
}

export function summaryOfEvents(start: SummaryStart, events: Iterable<JournalEvent>, payloadEvicted = false): ConnSummary {
  const counter = new SummaryCounter(start, payloadEvicted);
  for (const e of events) counter.add(e);
  return counter.summary();
}
