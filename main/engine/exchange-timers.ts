// An exchange's waits (server-exchange.ts): for the request's head, for the client's next byte,
// for the peer's FIN after ours, and for a peer that reads nothing of what is left to send. Each
// counts from the connection's clock reading and tells the exchange when it runs out; what a
// timeout then does (hang up, let go) is the exchange's to decide. The unread wait journals and
// lets go by itself (unread-watch.ts): nothing is left to decide by then.
import type { Connection } from './connection';
import { Deadline, IdleWatch } from './countdown';
import { UnreadWatch } from './unread-watch';

export type ExchangeTimeout = 'header' | 'idle' | 'fin_wait';

/** Who is told when a wait runs out: the exchange. */
export interface TimeoutTarget {
  timedOut(which: ExchangeTimeout, ms: number): void;
}

export class ExchangeTimers {
  // Restarted for every request of a kept-alive connection: timers that cost nothing to restart
  // (see Deadline), and callbacks made once, reading the ms they were started with.
  private readonly headerTimer = new Deadline();
  private readonly idleTimer = new IdleWatch();
  private readonly finTimer = new Deadline();
  private readonly unreadWatch = new UnreadWatch();
  private headerMs = 0;
  private idleMs = 0;
  private finMs = 0;
  private readonly onHeaderTimeout = (): void => this.target.timedOut('header', this.headerMs);
  private readonly onIdleTimeout = (): void => this.target.timedOut('idle', this.idleMs);
  private readonly onFinTimeout = (): void => this.target.timedOut('fin_wait', this.finMs);

  constructor(
    private readonly conn: Connection,
    private readonly target: TimeoutTarget,
  ) {}

  /** A request starts: its head must be all in within `ms`. */
  startHeader(ms: number): void {
    this.headerMs = ms;
    this.headerTimer.start(ms, this.onHeaderTimeout, this.conn.now());
  }

  /** The server waits for the client now: "no byte received for `ms`" counts from here. */
  watchIdle(ms: number): void {
    this.idleMs = ms;
    this.idleTimer.start(ms, this.onIdleTimeout, this.conn.now());
  }

  /** A byte arrived: the client is not idle. */
  touch(): void {
    this.idleTimer.touch(this.conn.now());
  }

  /** The server is busy answering, not waiting for the client: the head and idle waits stop. */
  stopWaiting(): void {
    this.headerTimer.stop();
    this.idleTimer.stop();
  }

  /** Our FIN was decided: the peer's must come within `ms`. */
  startFin(ms: number): void {
    this.finMs = ms;
    this.finTimer.start(ms, this.onFinTimeout, this.conn.now());
  }

  /** Our FIN has left (it waits for the turn's end, turn-end.ts): the FIN wait counts again from now. */
  restartFin(): void {
    this.finTimer.start(this.finMs, this.onFinTimeout);
  }

  /** The peer may read nothing of what is left to send for `ms` at most (0: off). */
  watchUnread(ms: number): void {
    this.unreadWatch.start(this.conn, ms);
  }

  stopUnread(): void {
    this.unreadWatch.cancel();
  }

  /** Stops every wait and releases its timer (a closed connection must not keep the process awake). */
  cancel(): void {
    this.headerTimer.cancel();
    this.idleTimer.cancel();
    this.finTimer.cancel();
    this.unreadWatch.cancel();
  }
}
