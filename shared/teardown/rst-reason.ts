// Why an RST reached one of our sockets, read from that connection's own journal. One function for
// every view (the console's status line, the connection card, the transcript, the journal, the
// CLI), so that they all give the same reason: it is derived, not stored, from what the journal
// already proves (was the peer's FIN in? had we sent bytes after it? had any of its bytes come?).
//
// A TCP receives an RST when the other end's kernel has no connection to deliver to, or the other
// end aborted on purpose (RFC 9293 section 3.5.2): a segment that arrives for a socket its owner
// has closed is answered with RST, and so is a close() with data still unread (RFC 2525 section
// 2.17: Linux aborts rather than send a FIN that would claim everything was read).
import type { JournalEvent, Role } from '../contract/contract';
import { rstCauseOf, type RstCause } from './rst-causes';

// The causes and the rule are in rst-causes.ts (the contract carries a connection's cause too).
export { RST_CAUSES, type RstCause } from './rst-causes';

export interface RstReceived {
  /** How Node (or only the kernel) told us: see the event's doc in contract.ts. */
  how: 'read' | 'write' | 'kernel';
  cause: RstCause;
  /** The rst_received event's seq. */
  seq: number;
}

/** The connection's received RST and why it came, or null if none reached it. */
export function rstReceivedIn(events: readonly JournalEvent[]): RstReceived | null {
  const witness = new RstWitness();
  for (const e of events) {
    const found = witness.see(e);
    if (found) return found;
  }
  return null;
}

/**
 * rstReceivedIn one event at a time, for a reader that sees events as they come (the CLI) and
 * should not keep them: it remembers three facts, not the events.
 */
export class RstWitness {
  private peerFin = false;
  private sentAfterFin = false;
  private received = false;

  /** Takes the connection's next event; returns the RST and its cause when that event is it. */
  see(e: JournalEvent): RstReceived | null {
    switch (e.kind) {
      case 'peer_fin':
        this.peerFin = true;
        return null;
      case 'data':
        if (e.dir === 'in') this.received = true;
        else if (this.peerFin) this.sentAfterFin = true;
        return null;
      case 'rst_received':
        return { how: e.how, seq: e.seq, cause: this.cause() };
      default:
        return null;
    }
  }

  private cause(): RstCause {
    return rstCauseOf({ peerFin: this.peerFin, sentAfterFin: this.sentAfterFin, received: this.received });
  }
}

/**
 * The catalog key (shared/i18n/en/rst.ts) of the sentence saying why, for the side that received
 * it: a client's peer is the server, a server's is the client.
 */
export function rstReasonKey(role: Role, cause: RstCause): `rst.${Role}.${RstCause}` {
  return `rst.${role}.${cause}`;
}
