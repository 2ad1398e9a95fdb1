// The deadline of a connection that has nothing left to decide but still holds unsent bytes (its
// FIN or RST waits behind them, after `close` or `reset`): once the peer reads nothing for the
// idle timeout, the server journals it and lets go. A slow reader that keeps reading is never cut
// off: any progress restarts the wait. Without it, a client that never read its answer held the
// socket, and the answer's memory, for ever (destroySoon has no deadline).
import type { Connection } from './connection';
import { Deadline } from './countdown';

export class UnreadWatch {
  private readonly timer = new Deadline();

  /** Starts watching `conn`; ms 0 (timeouts off) watches nothing. */
  start(conn: Connection, ms: number): void {
    let handed = conn.handedToOs();
    const check = (): void => {
      if (conn.notWritable() === 'closed' || conn.pendingBytes() === 0) return;
      const now = conn.handedToOs();
      if (now !== handed) {
        handed = now;
        this.timer.start(ms, check);
        return;
      }
      conn.recordDecision({ kind: 'timeout', which: 'unread', ms });
      void conn.destroy();
    };
    this.timer.start(ms, check);
  }

  cancel(): void {
    this.timer.cancel();
  }
}
