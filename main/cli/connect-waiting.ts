// "Why is it waiting?" for `wirebench connect`: once neither input nor output has moved for a
// second, the hint (shared/waiting/) goes to stderr, and again whenever it changes after another
// still second; never to stdout, which carries the peer's bytes. The peer may be any program, so
// only what our side's bytes show is said.
import type { JournalEvent } from '../../shared/contract/contract';
import { sameHint, type WaitingHint } from '../../shared/waiting/waiting-codes';
import { ClientWaiting } from '../../shared/waiting/waiting-hint';

/** How long input and output must be still before the hint is said. */
export const STALL_MS = 1000;

export class ConnectWaiting {
  private readonly waiting = new ClientWaiting();
  /** The connection's journal so far, payloads dropped once read (the annotators have them). */
  private readonly events: JournalEvent[] = [];
  private timer: NodeJS.Timeout | null = null;
  private said: WaitingHint | null = null;

  constructor(
    private readonly say: (hint: WaitingHint) => void,
    private readonly stallMs = STALL_MS,
  ) {}

  /** Our connection's next events, in order: each one is movement, and restarts the still second. */
  see(events: readonly JournalEvent[]): void {
    if (events.length === 0) return;
    this.events.push(...events);
    this.waiting.read(this.events);
    // Read once: the bytes need not be kept twice (the engine's journal holds them).
    for (let i = this.events.length - events.length; i < this.events.length; i++) {
      const e = this.events[i] as JournalEvent;
      if (e.kind === 'data' && e.bytes) this.events[i] = { ...e, bytes: null };
    }
    this.restart();
  }

  /** The session is over: nothing more to wait for. */
  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private restart(): void {
    this.stop();
    this.timer = setTimeout(() => this.check(), this.stallMs);
    // A hint must not keep the process alive once the session is over.
    this.timer.unref();
  }

  private check(): void {
    this.timer = null;
    const hint = this.waiting.hint(this.events);
    if (hint && !sameHint(hint, this.said)) this.say(hint);
    this.said = hint;
  }
}
