// One side's TCP state machine (RFC 9293 section 3.3.2), driven by what the diagram sees: its own
// sends, what arrives from the other side, the acknowledgement of its own FIN (when that FIN
// lands, the other side's ACK is taken to be immediate: on loopback it is), its close, and what
// the kernel reports, which overrides the inferred state and is the base from then on.
import type { ArrowKind, SideState, StateSource } from './ladder-types';
import type { TcpState } from './tcp-states';

export class TcpMachine {
  state: TcpState = 'SYN_SENT';
  private source: StateSource = 'inferred';
  private timerMs: number | null = null;
  private sentFin = false;
  private gotFin = false;
  private torn = false;
  private released = false;

  /** The handshake is done. */
  open(): void {
    this.set('ESTABLISHED');
  }

  send(kind: ArrowKind): void {
    if (kind === 'fin') {
      this.sentFin = true;
      if (this.state === 'ESTABLISHED' || this.state === 'SYN_SENT') this.set('FIN_WAIT_1');
      else if (this.state === 'CLOSE_WAIT') this.set('LAST_ACK');
    } else if (kind === 'rst') {
      this.torn = true;
      this.set('CLOSED');
    }
  }

  /** The other side's FIN or RST reached this one. */
  receive(kind: 'fin' | 'rst'): void {
    if (kind === 'rst') {
      this.torn = true;
      this.set('CLOSED');
      return;
    }
    this.gotFin = true;
    if (this.state === 'ESTABLISHED') this.set('CLOSE_WAIT');
    // Both FINs crossed on the wire: a simultaneous close.
    else if (this.state === 'FIN_WAIT_1') this.set('CLOSING');
    else if (this.state === 'FIN_WAIT_2') this.set('TIME_WAIT');
  }

  /** This side's FIN (or RST) reached the other side, which acknowledges a FIN at once. */
  acknowledged(kind: 'fin' | 'rst'): void {
    if (kind === 'rst') return;
    if (this.state === 'FIN_WAIT_1') this.set('FIN_WAIT_2');
    else if (this.state === 'CLOSING') this.set('TIME_WAIT');
    else if (this.state === 'LAST_ACK') this.set('CLOSED');
  }

  /**
   * The program closed the socket. A closing state (FIN_WAIT, CLOSING, LAST_ACK, TIME_WAIT) goes on
   * in the kernel without it; an open one ends here.
   */
  close(): void {
    this.released = true;
    if (this.state === 'ESTABLISHED' || this.state === 'CLOSE_WAIT' || this.state === 'SYN_SENT') this.set('CLOSED');
  }

  /** Closed and released: nothing that arrives now reaches a program (the kernel answers RST). */
  get gone(): boolean {
    return this.released && this.state === 'CLOSED';
  }

  kernelSays(state: TcpState, timerMs: number | null): void {
    this.state = state;
    this.source = 'kernel';
    this.timerMs = timerMs;
    if (state === 'CLOSED') this.torn = this.torn || (!this.sentFin && !this.gotFin);
  }

  snapshot(): SideState {
    const over = this.torn || this.state === 'CLOSED' || this.state === 'TIME_WAIT';
    return {
      state: this.state,
      source: this.source,
      timerMs: this.timerMs,
      canSend: !this.sentFin && !over && !this.released,
      canReceive: !this.gotFin && !over && !this.released,
    };
  }

  private set(state: TcpState): void {
    this.state = state;
    this.source = 'inferred';
    this.timerMs = null;
  }
}
