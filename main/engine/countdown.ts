// A one-shot timer that can be restarted and stopped, for the server's timeouts and the drip.
// `0` means off, as the settings define it (shared/server-settings.ts).
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
  private readonly timer = new Countdown();
  private lastIn = 0;
  private from = 0;

  /** A byte arrived. */
  touch(): void {
    this.lastIn = performance.now();
  }

  /** (Re)starts watching; `fire` runs after `ms` of silence. ms 0: off. */
  start(ms: number, fire: () => void): void {
    this.from = performance.now();
    const check = (): void => {
      const quiet = performance.now() - Math.max(this.lastIn, this.from);
      // Timers never fire early, but performance.now() and the timer clock may differ by a hair.
      if (quiet + 1 < ms) this.timer.start(Math.ceil(ms - quiet), check);
      else fire();
    };
    this.timer.start(ms, check);
  }

  stop(): void {
    this.timer.stop();
  }
}
