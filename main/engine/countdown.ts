// A one-shot timer that can be restarted and stopped, for the server's timeouts and the drip.
// `0` means off, as the settings define it (shared/server/settings.ts).
export class Countdown {
  private timer: NodeJS.Timeout | null = null;

  /** (Re)starts: `fire` runs after `ms` unless stopped or restarted first; ms 0 only stops. */
  start(ms: number, fire: () => void): void {
    this.stop();
    if (ms <= 0) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      fire();
    }, ms);
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  get running(): boolean {
    return this.timer !== null;
  }
}

/**
 * "No byte received for ms": counted from when watching starts or the last byte, whichever is
 * later. Cheaper than restarting a timer for every chunk: a byte only notes the time, and when the
 * timer fires it checks whether bytes came meanwhile, and if so waits out the rest.
 */
export class IdleWatch {
  private readonly deadline = new Deadline();
  private lastIn = 0;
  private from = 0;
  private ms = 0;
  private fire: () => void = () => undefined;
  private readonly check = (): void => {
    const quiet = performance.now() - Math.max(this.lastIn, this.from);
    // The timer's clock (the event loop's, read at the start of its turn) may run a hair behind
    // performance.now(): not quiet for ms yet by this clock is waited out, so that a timeout is
    // never journaled before its time.
    if (quiet < this.ms) this.deadline.start(Math.ceil(this.ms - quiet), this.check);
    else this.fire();
  };

  /** A byte arrived (at `now`, on the performance.now() clock, if the caller read it already). */
  touch(now = performance.now()): void {
    this.lastIn = now;
  }

  /** (Re)starts watching; `fire` runs after `ms` of silence. ms 0: off. */
  start(ms: number, fire: () => void, now = performance.now()): void {
    this.from = now;
    this.ms = ms;
    this.fire = fire;
    this.deadline.start(ms, this.check, now);
  }

  /** Stops watching (cheaply: see Deadline). */
  stop(): void {
    this.deadline.stop();
  }

  /** Stops watching and releases the timer. */
  cancel(): void {
    this.deadline.cancel();
  }
}

/**
 * A timeout restarted far more often than it fires (the server's header, idle and FIN timeouts, restarted for
 * every request of a kept-alive connection): restarting or stopping only notes the deadline, and
 * the one underlying timer, when it wakes, either fires, waits out what is left, or lets go. A
 * restart allocates a timer only if none is armed, or the armed one would wake after the new
 * deadline. cancel() really clears it (a closed connection must not keep the process awake).
 */
export class Deadline {
  private timer: NodeJS.Timeout | null = null;
  /** When the armed timer wakes (performance.now() clock). */
  private wakeAt = 0;
  /** When to fire, or null when stopped. */
  private due: number | null = null;
  private fire: () => void = () => undefined;
  private readonly wake = (): void => {
    this.timer = null;
    if (this.due === null) return;
    const left = this.due - performance.now();
    // The timer's clock (the event loop's, read at the start of its turn) may run a hair behind
    // performance.now(): what is left by this clock is waited out, so that nothing fires early.
    if (left > 0) {
      this.arm(left);
      return;
    }
    this.due = null;
    this.fire();
  };

  /**
   * (Re)starts: `fire` runs after `ms` unless stopped or restarted first; ms 0 only stops. `now`:
   * the performance.now() reading the caller has already (one clock read per chunk).
   */
  start(ms: number, fire: () => void, now = performance.now()): void {
    if (ms <= 0) {
      this.due = null;
      return;
    }
    this.fire = fire;
    this.due = now + ms;
    if (this.timer !== null && this.wakeAt <= this.due) return;
    this.arm(ms, now);
  }

  /** Stops it; the timer may still wake once, and then does nothing. */
  stop(): void {
    this.due = null;
  }

  cancel(): void {
    this.due = null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private arm(ms: number, now = performance.now()): void {
    if (this.timer) clearTimeout(this.timer);
    this.wakeAt = now + Math.ceil(ms);
    this.timer = setTimeout(this.wake, Math.ceil(ms));
  }
}
