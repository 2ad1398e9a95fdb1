// `wirebench serve --quiet`: one line of counters per interval instead of a line per journal event,
// for load tests. A server taking thousands of requests a second cannot be read line by line, and
// formatting those lines cost the CLI more than serving the requests did (issue 19).
import type { EventPayload } from '../../shared/contract/contract';
import { asAmount } from '../../shared/i18n/number-format';
import type { Translate } from './cli-context';
import { clock } from './journal-lines';

export interface Counts {
  connections: number;
  /** Answers the server sent: one per request it answered (a hanging server answers none). */
  requests: number;
  bytesIn: number;
  bytesOut: number;
  /** RSTs either way: sent by the server, or received from a client. */
  resets: number;
}

const ZERO: Counts = { connections: 0, requests: 0, bytesIn: 0, bytesOut: 0, resets: 0 };

export class ServeCounters {
  private now: Counts = { ...ZERO };
  private taken: Counts = { ...ZERO };

  add(delta: EventPayload<'journal.delta'>): void {
    // Connections and bytes come from the journal's own totals, exact even for a connection the
    // journal let go of before this delta went out (the delta then leaves its events out).
    // Requests and resets are counted from the events. A delta leaves out the events of a
    // connection the journal dropped whole before the delta went out, which takes more than the
    // 1000 closed connections it keeps closing within one delta (16 ms).
    const { connections, bytesIn, bytesOut } = delta.totals;
    let { requests, resets } = this.now;
    for (const event of delta.events) {
      if (event.kind === 'note' && event.code === 'answered') requests++;
      else if (event.kind === 'rst_sent' || event.kind === 'rst_received') resets++;
    }
    this.now = { connections, requests, bytesIn, bytesOut, resets };
  }

  /** What happened since the last call. */
  take(): Counts {
    const { now, taken } = this;
    const counts: Counts = {
      connections: now.connections - taken.connections,
      requests: now.requests - taken.requests,
      bytesIn: now.bytesIn - taken.bytesIn,
      bytesOut: now.bytesOut - taken.bytesOut,
      resets: now.resets - taken.resets,
    };
    this.taken = { ...now };
    return counts;
  }
}

export function nothingCounted(counts: Counts): boolean {
  return Object.values(counts).every((n) => n === 0);
}

/** One interval's counts as a sentence, stamped with the time it ended. */
export function countsLine(t: Translate, counts: Counts, seconds: number, at: number): string {
  return t('cli.serve.counters', { ...counts, time: clock(at), seconds: asAmount(seconds, 1) });
}
