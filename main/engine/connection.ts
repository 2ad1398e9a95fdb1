// One TCP connection, accepted or connected: wraps its net.Socket and records everything the OS
// tells us about it in the journal, in order. What to *do* with the connection (answer it, send
// what a user typed) is decided elsewhere; this file only observes and carries out.
//
// The socket must have been created with allowHalfOpen: true. Then a peer's FIN (our read
// returns EOF) leaves our side open for writing, as TCP allows (RFC 9293 section 3.6: a
// half-closed connection can still carry data in the other direction), and the half-close is
// something the learner watches and controls rather than something Node does behind their back.
import { isIPv6, type Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { Address, Role } from '../../shared/contract';
import type { DistributiveOmit, Journal, NewJournalEvent } from './journal';
import { errnoOf } from './os-errors';

/** An event as this file knows it; the clock readings are added when it is recorded. */
type EventBody = DistributiveOmit<NewJournalEvent, 'at' | 't'>;

/** What the server decided (not something the OS told us), journaled in order with the rest. */
export type DecisionEvent = Extract<EventBody, { kind: 'note' | 'timeout' | 'queued' | 'dequeued' }>;

/** Why a connection cannot send any more, as the `state` of the not_writable error. */
export type NotWritableState = 'fin_sent' | 'reset' | 'closed';

export interface ConnectionHooks {
  /** A chunk arrived (already journaled). */
  onData?(chunk: Uint8Array): void;
  /** The peer's FIN arrived (already journaled). */
  onPeerFin?(): void;
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
  private readonly closedPromise: Promise<void>;

  constructor(
    private readonly socket: Socket,
    private readonly journal: Journal,
    role: Role,
    serverId: string | null,
  ) {
    this.connId = journal.open(serverId, {
      kind: 'opened',
      role,
      local: address(socket.localAddress, socket.localPort),
      remote: address(socket.remoteAddress, socket.remotePort),
      at: Date.now(),
      t: 0,
    });
    this.closedPromise = new Promise((resolve) => socket.once('close', () => resolve()));
    socket.on('data', (chunk: Buffer) => {
      // A copy in a plain Uint8Array: Node may slice chunks out of a larger shared buffer, and a
      // structured clone (Electron IPC) of a view would carry the whole underlying buffer.
      const bytes = new Uint8Array(chunk);
      this.record({ kind: 'data', dir: 'in', length: bytes.length, bytes });
      this.hooks.onData?.(bytes);
    });
    socket.on('end', () => {
      this.record({ kind: 'peer_fin' });
      this.hooks.onPeerFin?.();
    });
    // 'finish' fires once end() was called and everything written before it has been handed to
    // the OS, which then sends the FIN: that is the moment our half of the connection is closed.
    socket.on('finish', () => this.record({ kind: 'fin_sent' }));
    socket.on('error', (err) => this.record({ kind: 'error', code: errnoOf(err) ?? 'unknown' }));
    socket.on('close', (hadError) => {
      this.isClosed = true;
      this.record({ kind: 'closed', hadError });
      this.hooks.onClosed?.();
    });
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
    const copy = new Uint8Array(bytes);
    this.record({ kind: 'data', dir: 'out', length: copy.length, bytes: copy });
    this.socket.write(copy, onFlushed && (() => onFlushed()));
  }

  /** Journals a decision of the server's (a note, a timeout, a place in the accept queue). */
  recordDecision(event: DecisionEvent): void {
    this.record(event);
  }

  /** Runs `listener` once the socket has closed (after `closed` is journaled and hooks.onClosed). */
  onceClosed(listener: () => void): void {
    if (this.isClosed) queueMicrotask(listener);
    else this.socket.once('close', () => listener());
  }

  /** Lets a paused socket's bytes flow again (a queued connection whose turn has come). */
  resume(): void {
    this.socket.resume();
  }

  /** Sends our FIN after what was written (shutdown(SHUT_WR)); we keep receiving. */
  halfClose(): void {
    if (this.ended) return;
    this.ended = true;
    this.socket.end();
  }

  /** FIN, then release the socket once everything is flushed; a peer's late data is dropped. */
  closeWhenFlushed(): void {
    this.ended = true;
    this.socket.destroySoon();
  }

  /** Aborts with an RST (SO_LINGER 0, then close): the peer's next read or write fails. */
  reset(): void {
    if (this.socket.destroyed) return; // reset or closed already: there is nothing left to abort
    this.wasReset = true;
    this.record({ kind: 'rst_sent' });
    this.socket.resetAndDestroy();
  }

  /** Releases the socket now, whatever its state (engine shutdown). Resolves once closed. */
  destroy(): Promise<void> {
    this.socket.destroy();
    return this.closedPromise;
  }

  private record(event: EventBody): void {
    this.journal.record(this.connId, event, Date.now(), performance.now() - this.t0);
  }
}

/**
 * An endpoint as the contract shows it. The OS may already have forgotten the peer (a connection
 * reset while it waited in the accept queue has no peer name any more): it is then shown empty.
 */
function address(ip: string | undefined, port: number | undefined): Address {
  return { address: ip ?? '', port: port ?? 0, family: ip !== undefined && isIPv6(ip) ? 'IPv6' : 'IPv4' };
}
