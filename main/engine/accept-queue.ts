// Who gets served when: every accepted connection at once (concurrent), or one at a time like a
// `while True: conn, addr = s.accept(); serve(conn)` loop (sequential), with the others waiting in
// a queue the UI shows. Also the server's live counters.
//
// A queued socket is paused, so its bytes are not delivered: the server sees them only once its
// turn comes, as a program's recv() after a late accept() would. (Node still reads ahead up to its
// high-water mark while paused; that is what lets us notice a queued client that gives up, by its
// RST or by a FIN with nothing sent, and take it out of the queue. A real backlog only shows that
// at accept().) The client cannot tell: the kernel buffers and ACKs its bytes either way.
import type { Socket } from 'node:net';
import type { Address } from '../../shared/contract/contract';
import type { AcceptMode, ServerStats } from '../../shared/server/settings';
import type { Connection } from './connection';

export interface AcceptQueueHooks {
  /** Wraps the accepted socket in a journaled Connection (its `opened` event); `local` if known already. */
  adopt(socket: Socket, local?: Address): Connection;
  /** Starts answering a connection whose turn it is. */
  serve(conn: Connection): void;
  /** A counter or the queue changed. */
  changed(): void;
}

export class AcceptQueue {
  private accepted = 0;
  private served = 0;
  /** Being served now, accepted or dequeued (whatever mode they were accepted in). */
  private readonly serving = new Set<Connection>();
  /** Waiting for their turn, in arrival order (a Map: ordered, and O(1) to leave from the middle). */
  private readonly waiting = new Map<string, Connection>();

  constructor(private readonly hooks: AcceptQueueHooks) {}

  /**
   * Takes a freshly accepted socket. Sequential mode serves it only when nothing else is being
   * served and nobody is ahead of it; otherwise it waits its turn.
   */
  admit(socket: Socket, mode: AcceptMode, local?: Address): void {
    this.accepted++;
    const wait = mode === 'sequential' && (this.serving.size > 0 || this.waiting.size > 0);
    // Paused before the Connection subscribes to 'data', which would otherwise start the flow.
    if (wait) socket.pause();
    const conn = this.hooks.adopt(socket, local);
    if (wait) this.enqueue(conn);
    else this.startServing(conn);
    this.hooks.changed();
  }

  /** A connection got its first answer. */
  countServed(): void {
    this.served++;
    this.hooks.changed();
  }

  stats(): ServerStats {
    return {
      accepted: this.accepted,
      open: this.serving.size,
      queued: Array.from(this.waiting.keys()),
      served: this.served,
    };
  }

  private enqueue(conn: Connection): void {
    this.waiting.set(conn.connId, conn);
    conn.recordDecision({ kind: 'queued', position: this.waiting.size });
    conn.observe({
      // A client that hangs up before its turn, having sent nothing: hang up too, as the
      // exchange would (a client that sent a request and then its FIN still wants the answer).
      onPeerFin: () => conn.closeWhenFlushed(),
    });
    conn.onceClosed(() => {
      if (this.waiting.delete(conn.connId)) this.hooks.changed();
    });
  }

  private startServing(conn: Connection): void {
    this.serving.add(conn);
    conn.onceClosed(() => {
      this.serving.delete(conn);
      this.next();
      this.hooks.changed();
    });
    this.hooks.serve(conn);
  }

  /** The served one is done: the next in line is "accepted" now. */
  private next(): void {
    if (this.serving.size > 0) return;
    for (const [connId, conn] of this.waiting) {
      this.waiting.delete(connId);
      // Hanging up or closed already (it gave up, or the engine is shutting down): skip it.
      if (conn.notWritable() !== null) continue;
      conn.recordDecision({ kind: 'dequeued' });
      this.startServing(conn);
      conn.resume();
      return;
    }
  }
}
