// A connection's writes, FIN and release, gathered until the end of the event loop's turn and
// then handed to its socket one after another, in the order they were decided.
//
// Why: on a busy server, libuv hands over many readable sockets in one turn. Answering each at
// once interleaves our JavaScript with write syscalls, and on loopback (a test, a class demo, a
// load tool) each write that finds the peer asleep pays for waking it: measured on a 2-core VM,
// the same answer's write() cost 7 µs while the peer was busy and over 20 µs while it slept.
// Made back to back at the turn's end, the first write wakes the peer and the rest find it
// awake (tried on a bare node:net server doing 20 µs of work per request under `wrk -t1 -c16`:
// 13,400 requests/s writing at once, 18,400 writing at the turn's end, 11 writes per turn).
// Nothing a peer sees changes: each connection's own writes, FIN and release keep their order
// (TurnEndWrites), and the delay is the rest of one turn, microseconds.
import type { Socket } from 'node:net';

/** The queues to flush at this turn's end, in the order they first queued something. */
const waiting: TurnEndWrites[] = [];

function runAll(): void {
  // A flush may queue another (a connection answered again meanwhile): it runs in this same pass.
  for (let i = 0; i < waiting.length; i++) (waiting[i] as TurnEndWrites).flush();
  waiting.length = 0;
}

/**
 * One socket's writes decided this turn and not yet handed to it, in order, each with its
 * callback; then what follows them: our FIN (end) or FIN and release (destroySoon). Anything else
 * that touches the socket (a reset, a streamed chunk, a flush barrier) calls flush() first, so the
 * socket always sees the calls in the order they were made.
 */
export class TurnEndWrites {
  private queued: Uint8Array[] = [];
  private queuedCallbacks: Array<(() => void) | undefined> = [];
  private bytes = 0;
  private queuedEnd: 'none' | 'end' | 'destroySoon' = 'none';
  private flushScheduled = false;

  constructor(private readonly socket: Socket) {}

  /** Bytes queued and not yet handed to the socket. */
  get queuedBytes(): number {
    return this.bytes;
  }

  /** Hands `bytes` to the socket at the turn's end; `onFlushed` as socket.write's callback. */
  write(bytes: Uint8Array, onFlushed: (() => void) | undefined): void {
    this.queued.push(bytes);
    this.queuedCallbacks.push(onFlushed);
    this.bytes += bytes.length;
    this.scheduleFlush();
  }

  /** After the writes queued so far: our FIN ('end') or FIN and release ('destroySoon'). */
  endAfter(how: 'end' | 'destroySoon'): void {
    this.queuedEnd = how;
    this.scheduleFlush();
  }

  /** Hands the queued writes, then the queued FIN or release, to the socket, in order. */
  flush(): void {
    this.flushScheduled = false;
    if (this.queued.length === 0 && this.queuedEnd === 'none') return;
    const writes = this.queued;
    const callbacks = this.queuedCallbacks;
    const end = this.queuedEnd;
    this.queued = [];
    this.queuedCallbacks = [];
    this.bytes = 0;
    this.queuedEnd = 'none';
    // Closed meanwhile (the peer's RST came in this same turn): the journal has that too, and a
    // destroyed socket takes nothing more.
    if (this.socket.destroyed) return;
    for (let i = 0; i < writes.length; i++) {
      const done = callbacks[i];
      this.socket.write(writes[i] as Uint8Array, done && (() => done()));
    }
    if (end === 'end') this.socket.end();
    else if (end === 'destroySoon') this.socket.destroySoon();
  }

  /** Runs flush() once the callbacks of this turn's poll phase have run (setImmediate). */
  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    waiting.push(this);
    if (waiting.length === 1) setImmediate(runAll);
  }
}
