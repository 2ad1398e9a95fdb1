// One TCP connection, accepted or connected: wraps its net.Socket and records everything the OS
// tells us about it in the journal, in order. What to *do* with the connection (answer it, send
// what a user typed) is decided elsewhere; this file only observes and carries out.
//
// The socket must have been created with allowHalfOpen: true. Then a peer's FIN (our read
// returns EOF) leaves our side open for writing, as TCP allows (RFC 9293 section 3.6: a
// half-closed connection can still carry data in the other direction), and the half-close is
// something the learner watches and controls rather than something Node does behind their back.
import type { Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { Address, Role } from '../../shared/contract/contract';
import type { NotWritableState } from '../../shared/contract/errors';
import type { NoteCode } from '../../shared/contract/notes';
import type { DistributiveOmit, Journal, NewJournalEvent } from './journal';
import { errnoOf, resetHow } from './os-errors';
import { address, ownBytes, plainBytes } from './socket-values';
import { TurnEndWrites } from './turn-end';

/** An event as this file knows it; the clock readings are added when it is recorded. */
type EventBody = DistributiveOmit<NewJournalEvent, 'at' | 't'>;

/** What the server decided (not something the OS told us), journaled in order with the rest. */
export type DecisionEvent = Extract<EventBody, { kind: 'note' | 'timeout' | 'queued' | 'dequeued' }>;

export interface ConnectionHooks {
  /** A chunk arrived (already journaled). */
  onData?(chunk: Uint8Array): void;
  /** The peer's FIN arrived (already journaled). */
  onPeerFin?(): void;
  /** Our FIN was handed to the OS (already journaled as fin_sent). */
  onFinSent?(): void;
  /** The socket is fully closed (already journaled). */
  onClosed?(): void;
}

export class Connection {
  readonly connId: string;
  private readonly t0 = performance.now();
  private ended = false;
  private wasReset = false;
  private isClosed = false;
  private hooks: ConnectionHooks = {};
  /** onceClosed's listeners: run by the one 'close' listener, rather than one socket listener each. */
  private closedListeners: Array<() => void> = [];
  /**
   * The clock readings of the socket event being handled (a chunk, the peer's FIN), or -1 between
   * events. The server's decisions that event causes at once (the request's notes, the timers
   * restarted) share its readings: one clock read per chunk, not one per note, at tens of
   * thousands of requests a second. What we put on the wire (a write, a reset) reads the clock
   * itself: the ladder orders an answer after the chunk or FIN that caused it by their times.
   */
  private eventMono = -1;
  private eventAt = 0;
  /**
   * Writes, FIN and release decided this turn and not yet handed to the socket (turn-end.ts).
   * Anything else that touches the socket (a reset, a streamed chunk, a flush barrier) flushes
   * them first, so the socket always sees the calls in the order they were made.
   */
  private readonly outgoing: TurnEndWrites;

  constructor(
    private readonly socket: Socket,
    private readonly journal: Journal,
    role: Role,
    serverId: string | null,
    /** Our end's address when the caller knows it already (see HttpServer); else asked of the socket. */
    local?: Address,
  ) {
    this.outgoing = new TurnEndWrites(socket);
    this.connId = journal.open(serverId, {
      kind: 'opened',
      role,
      local: local ?? address(socket.localAddress, socket.localPort, socket.localFamily),
      remote: address(socket.remoteAddress, socket.remotePort, socket.remoteFamily),
      at: Date.now(),
      t: 0,
      mono: this.t0,
    });
    socket.on('data', (chunk: Buffer) => {
      const bytes = ownBytes(chunk);
      this.stampEvent();
      try {
        this.recordData('in', bytes);
        this.hooks.onData?.(bytes);
      } finally {
        this.eventMono = -1;
      }
    });
    socket.on('end', () => {
      this.stampEvent();
      try {
        this.record({ kind: 'peer_fin' });
        this.hooks.onPeerFin?.();
      } finally {
        this.eventMono = -1;
      }
    });
    // 'finish' fires once end() was called and everything written before it has been handed to
    // the OS, which then sends the FIN: that is the moment our half of the connection is closed.
    socket.on('finish', () => {
      this.record({ kind: 'fin_sent' });
      this.hooks.onFinSent?.();
    });
    socket.on('error', (err) => this.onError(err));
    socket.on('close', (hadError) => {
      this.isClosed = true;
      this.record({ kind: 'closed', hadError });
      this.hooks.onClosed?.();
      const listeners = this.closedListeners;
      this.closedListeners = [];
      for (const listener of listeners) listener();
    });
  }

  /**
   * An error from the OS. ECONNRESET and EPIPE mean the peer's RST reached us (EPIPE: on a write
   * after its FIN, since Linux's tcp_reset sets EPIPE for a socket in CLOSE_WAIT, and an EPIPE of
   * our own doing cannot happen: Node refuses writes after our end()). That RST is journaled as
   * the event it is, rst_received, unless the kernel-state sampler has journaled it already (it
   * can see the RST first, while Node is neither reading nor writing): one RST, one event.
   * The `error` event is kept beside it, right after: it is how the OS reported it, the very code
   * the learner's own programs meet (BrokenPipeError, ConnectionResetError), and the CLI's
   * sentence and the teardown diagram read it; rst_received says what came on the wire.
   */
  private onError(err: Error): void {
    const code = errnoOf(err) ?? 'unknown';
    const how = resetHow(code, (err as NodeJS.ErrnoException).syscall);
    if (how !== null && !this.journal.summary(this.connId)?.reset) this.record({ kind: 'rst_received', how });
    this.record({ kind: 'error', code });
  }

  /** Reads the clocks once for the socket event about to be handled (see eventMono). */
  private stampEvent(): void {
    this.eventMono = performance.now();
    this.eventAt = Date.now();
  }

  /**
   * The monotonic clock (performance.now()), read once per socket event: while one is handled,
   * its reading. The exchange's timers count from it.
   */
  now(): number {
    return this.eventMono >= 0 ? this.eventMono : performance.now();
  }

  /** The wall clock (Date.now()), read once per socket event like now(). */
  private wallNow(): number {
    return this.eventMono >= 0 ? this.eventAt : Date.now();
  }

  /**
   * Who acts on this connection's events (the server's exchange; nobody for a client, which the
   * user drives). Set right after construction: socket events only arrive on a later tick.
   */
  observe(hooks: ConnectionHooks): void {
    this.hooks = hooks;
  }

  /** Why nothing more can be written, or null if it can. */
  notWritable(): NotWritableState | null {
    if (this.isClosed || this.socket.destroyed) return 'closed';
    if (this.wasReset) return 'reset';
    if (this.ended) return 'fin_sent';
    return null;
  }

  /**
   * One write, journaled as one `out` chunk at the moment it is handed to the socket. `onFlushed`
   * runs once Node has handed it to the OS (or failed to: the socket then closes on its own).
   */
  write(bytes: Uint8Array, onFlushed?: () => void): void {
    // A copy: the journal keeps exactly what went out, whatever the caller does with its array.
    this.send(new Uint8Array(bytes), onFlushed);
  }

  /**
   * write() for bytes its caller will never change (a responder's reply, see Reply.writes): the
   * journal keeps the array itself when it owns its whole buffer (a canned answer, request after
   * request), and a copy only of a view into a larger buffer (which a structured clone would carry
   * whole).
   */
  writeUnchanging(bytes: Uint8Array, onFlushed?: () => void): void {
    const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
    this.send(whole ? bytes : new Uint8Array(bytes), onFlushed);
  }

  /**
   * One chunk of a streamed file, journaled like any write. Returns false once Node holds more
   * than its high-water mark for the socket: the caller waits for onceDrain before the next.
   */
  writeStreamed(chunk: Buffer): boolean {
    const bytes = ownBytes(chunk);
    this.recordData('out', bytes);
    this.outgoing.flush();
    return this.socket.write(bytes);
  }

  /** Runs `listener` when the socket can take more (after writeStreamed returned false). */
  onceDrain(listener: () => void): void {
    this.socket.once('drain', listener);
  }

  /** Runs `listener` once everything written so far is in the OS's hands. */
  afterFlush(listener: () => void): void {
    // An empty write's callback runs after the writes queued before it; nothing is journaled.
    this.outgoing.flush();
    this.socket.write(EMPTY, () => listener());
  }

  /** Journals the write now, and hands it to the socket at the turn's end (see outgoing). */
  private send(bytes: Uint8Array, onFlushed: (() => void) | undefined): void {
    this.recordData('out', plainBytes(bytes));
    this.outgoing.write(bytes, onFlushed);
  }

  /**
   * Journals a decision of the server's (a note, a timeout, a place in the accept queue). The
   * event becomes the journal's (pass a fresh object).
   */
  recordDecision(event: DecisionEvent): void {
    this.record(event);
  }

  /**
   * Journals a note (what the server decided and why); `params` becomes the event's own, so pass
   * an object nobody changes afterwards. recordDecision's fast path for the few notes of a request.
   */
  recordNote(code: NoteCode, params: Record<string, string | number>): void {
    const t = this.now() - this.t0;
    // The keys in the order record() would give them: a host printing events sees no difference.
    this.journal.recordBuilt({ kind: 'note', code, params, at: this.wallNow(), t, connId: this.connId, seq: 0 });
  }

  /**
   * Bytes handed to the OS so far (written, less what Node still holds for the socket): it stops
   * growing once the peer reads nothing and both ends' kernel buffers are full.
   */
  handedToOs(): number {
    return this.socket.bytesWritten - this.socket.writableLength;
  }

  /** Bytes written that Node still holds, waiting for room in the OS's buffer (or for the turn's end). */
  pendingBytes(): number {
    return this.socket.writableLength + this.outgoing.queuedBytes;
  }

  /** Runs `listener` once the socket has closed (after `closed` is journaled and hooks.onClosed). */
  onceClosed(listener: () => void): void {
    if (this.isClosed) queueMicrotask(listener);
    else this.closedListeners.push(listener);
  }

  /** Lets a paused socket's bytes flow again (a queued connection whose turn has come). */
  resume(): void {
    this.socket.resume();
  }

  /** Sends our FIN after what was written (shutdown(SHUT_WR)); we keep receiving. */
  halfClose(): void {
    if (this.ended) return;
    this.ended = true;
    this.outgoing.endAfter('end');
  }

  /** FIN, then release the socket once everything is flushed; a peer's late data is dropped. */
  closeWhenFlushed(): void {
    this.ended = true;
    this.outgoing.endAfter('destroySoon');
  }

  /** Aborts with an RST (SO_LINGER 0, then close): the peer's next read or write fails. */
  reset(): void {
    if (this.socket.destroyed) return; // reset or closed already: there is nothing left to abort
    this.outgoing.flush(); // what was written before the reset reaches the OS before it, as it always did
    this.wasReset = true;
    if (this.eventMono >= 0) this.stampEvent(); // what goes on the wire reads the clock anew (see eventMono)
    this.record({ kind: 'rst_sent' });
    this.socket.resetAndDestroy();
  }

  /** Releases the socket now, whatever its state (engine shutdown). Resolves once closed. */
  destroy(): Promise<void> {
    this.outgoing.flush();
    this.socket.destroy();
    // Made here rather than for every connection at its start: only a shutdown waits for it.
    return this.isClosed ? Promise.resolve() : new Promise((resolve) => this.socket.once('close', () => resolve()));
  }

  /**
   * `event` is always a fresh literal made for this call: it is completed in place (clock
   * readings, connId, seq) rather than copied, a spread of objects of a dozen shapes being slow.
   */
  private record(event: EventBody): void {
    const t = this.now() - this.t0;
    const full = event as EventBody & { at: number; t: number; connId: string; seq: number };
    full.at = this.wallNow();
    full.t = t;
    full.connId = this.connId;
    full.seq = 0;
    this.journal.recordBuilt(full);
  }

  /** A chunk read or written: the busiest event, built whole in one step (no spread of a partial event). */
  private recordData(dir: 'in' | 'out', bytes: Uint8Array): void {
    // A chunk read is the socket event itself (stamped); a write reads the clock anew, and what the
    // same event causes after it shares that later reading (the journal's times never go back).
    if (dir === 'out' && this.eventMono >= 0) this.stampEvent();
    const t = this.now() - this.t0;
    this.journal.recordBuilt({
      kind: 'data',
      dir,
      length: bytes.length,
      bytes,
      at: this.wallNow(),
      t,
      connId: this.connId,
      seq: 0,
    });
  }
}

const EMPTY = new Uint8Array(0);

