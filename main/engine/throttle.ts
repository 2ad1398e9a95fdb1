// At most one call per interval: a server's counters move with every connection, and a host
// redrawing its server panel per connection (10,000 a second under load) would fall behind. Like
// the delta batcher, the first poke after a quiet spell starts the clock and later ones ride along.
export class Throttle {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly intervalMs: number,
    private readonly run: () => void,
  ) {}

  /** Something changed: run within the interval. */
  poke(): void {
    this.timer ??= setTimeout(() => this.now(), this.intervalMs);
  }

  /** Runs at once (a user's command deserves an immediate answer); a pending run is folded in. */
  now(): void {
    this.cancel();
    this.run();
  }

  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
