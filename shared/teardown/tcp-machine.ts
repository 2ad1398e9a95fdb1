// One side's TCP state machine (RFC 9293 section 3.3.2), inferred from what the diagram sees: its
// own sends, what arrives from the other side, the acknowledgement of its own FIN (when that FIN
// lands, the other side's ACK is taken to be immediate: on loopback it nearly always is), and its
// close. It knows nothing of the kernel: the kernel's readings are merged in afterwards
// (ladder-track.ts), where they replace what is inferred here.
import type { ArrowKind } from './ladder-types';
import type { TcpState } from './tcp-states';

export class TcpMachine {
  state: TcpState = 'SYN_SENT';
  sentFin = false;
  gotFin = false;
  /** An RST was sent or received: the connection is gone (RFC 9293 section 3.10.7.4). */
  torn = false;
  /** The program closed the socket. */
  released = false;

  /** @param onChange called with each new state, as it is entered. */
  constructor(private readonly onChange: (state: TcpState) => void) {}

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
    // Both FINs crossed on the wire: a simultaneous close (RFC 9293 section 3.6, case 2).
    else if (this.state === 'FIN_WAIT_1') this.set('CLOSING');
    else if (this.state === 'FIN_WAIT_2') this.set('TIME_WAIT');
  }

  /** This side's FIN reached the other side, which acknowledges it at once. */
  acknowledged(): void {
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

  private set(state: TcpState): void {
    if (state === this.state) return;
    this.state = state;
    this.onChange(state);
  }
}
