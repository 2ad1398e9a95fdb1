// The teardown diagram's model: what a ladder (sequence) diagram of one TCP connection draws, built
// from journals (ladder-model.ts) and drawn by the renderer (features/teardown). Two lanes, the
// client's and the server's; arrows for the handshake, each chunk, each FIN and RST; each side's
// TCP state along its lane (from the kernel where it was read, else inferred from the events);
// what each side can still do; and a step-by-step narration, as codes with parameters.
import type { RstCause } from './rst-reason';
import type { TcpState } from './tcp-states';

export type Side = 'client' | 'server';
export const otherSide = (side: Side): Side => (side === 'client' ? 'server' : 'client');

/** Where a state came from: read from the kernel (Linux /proc/net/tcp), or inferred from events. */
export type StateSource = 'kernel' | 'inferred';

/** A journal event a part of the diagram stands for: selecting it selects that entry. */
export interface EventRef {
  connId: string;
  seq: number;
}

export interface Lane {
  /** Our connection on this side; null when the peer is not ours (a Python server, curl...). */
  connId: string | null;
  /** address:port of this side's end. */
  endpoint: string;
}

export type ArrowKind = 'connect' | 'data' | 'fin' | 'rst';

/** Something one side sent, drawn from the sender's lane at `sentT` to the other's at `arrivedT`. */
export interface Arrow {
  kind: ArrowKind;
  from: Side;
  /** ms on the diagram's timeline (0: the first event). */
  sentT: number;
  /** When the other side saw it; equal to sentT when only one side is ours (we cannot know). */
  arrivedT: number;
  /** data: its size, and where its bytes sit in the sender's direction of the stream. */
  length: number;
  offset: number;
  /** The event it stands for on our side (the sender's if ours, else the receiver's). */
  ref: EventRef;
  /** The receiver's event for it, when the receiver is ours too. */
  arrivalRef: EventRef | null;
  /**
   * Known only where it landed: no journal of ours sent it (an RST the other side's kernel sent,
   * or anything from a side that is not ours). `ref` is then the receiver's event.
   */
  landedOnly?: boolean;
  /** An RST known only where it landed: why it came, as the receiver's journal shows (shared/teardown/rst-reason.ts). */
  rstCause?: RstCause;
}

export interface SideState {
  state: TcpState;
  /**
   * Where the state came from: 'kernel' when the kernel was read in this state at some moment of
   * its span (the reading stands for the whole span), else 'inferred' from the events.
   */
  source: StateSource;
  /** Time left on the kernel's timer for this state (TIME_WAIT), as read; else null. */
  timerMs: number | null;
  /** The tcp_state entry that timer was read from (its wall clock says when), or null. */
  timerRef: EventRef | null;
  /** Can this side still send (it has sent no FIN or RST, and is not closed)? */
  canSend: boolean;
  /** Can it still receive (no FIN or RST has reached it, and it is not closed)? */
  canReceive: boolean;
}

/**
 * What a step says, as a code (the English words: shared/i18n/en/ui-teardown.ts, narrate.*). A step
 * is either something a side did or saw (an event: its own code says what follows from it for that
 * side), or a change of a side's state that no event of its own explains (the other side's ACK, a
 * timer, the kernel's reading).
 */
export const NARRATION_CODES = [
  /** The handshake is done; both can send and receive. */
  'connected',
  /** params: { length } — `side` sent bytes. */
  'data_sent',
  /** `side` sent FIN first: FIN_WAIT_1, it can still receive. */
  'fin_sent',
  /** `side` sent FIN after the other's had reached it: LAST_ACK. */
  'fin_sent_last',
  /** The other's FIN reached `side`, which had sent none: EOF, CLOSE_WAIT. */
  'fin_received',
  /** The other's FIN reached `side`, whose own FIN was acknowledged already: both directions closed. */
  'fin_received_last',
  /** The other's FIN reached `side` while its own was unacknowledged: a simultaneous close, CLOSING. */
  'fins_crossed',
  /** `side` sent RST (an abort). */
  'rst_sent',
  /** The RST the other side sent reached `side`. */
  'rst_received',
  /** An RST reached `side` from the other's kernel: the other had closed, and `side` sent it bytes. */
  'rst_after_close',
  /** An RST reached `side` from the other side, for a reason its journal does not show. */
  'rst_arrived',
  /** `side`'s program closed its socket. */
  'closed',
  /** `side`'s program closed a socket the RST had already torn down: nothing goes on the wire. */
  'closed_after_reset',
  /** `side` (the client) gave up waiting for an answer. params: { ms } */
  'gave_up',
  /** `side` (the server) timed out. params: { which, ms } */
  'timed_out',
  /** The other side acknowledged `side`'s FIN: FIN_WAIT_2. */
  'fin_acked',
  /** `side` closed first and waits in TIME_WAIT. params: { seconds } */
  'time_wait',
  /** The other side acknowledged `side`'s last FIN: LAST_ACK is over, the socket is gone. */
  'last_ack_done',
  /** `side`'s TIME_WAIT ran out: the socket is gone. */
  'time_wait_over',
  /**
   * `side` closed first and the peer's FIN never came: Linux drops such an orphaned FIN_WAIT_2
   * socket after tcp_fin_timeout (60 s by default). Nothing crossed the wire: not an RST.
   */
  'fin_wait_2_timed_out',
  /** The kernel shows `side`'s socket gone with no FIN exchange of its own: an RST tore it down. */
  'reset_seen_by_kernel',
  /** The kernel shows `side` in a state no event of its journal explains. params: { state } */
  'kernel_state',
] as const;
export type NarrationCode = (typeof NARRATION_CODES)[number];

/** One moment of the diagram, in time order: what happened, in words, and where both sides are. */
export interface LadderStep {
  t: number;
  code: NarrationCode;
  /** The side the sentence is about. */
  side: Side;
  params: Record<string, string | number>;
  /** The arrow this step sent or received, by index into `arrows`, if any. */
  arrow: number | null;
  ref: EventRef | null;
  /** Both sides after this step. */
  states: Record<Side, SideState>;
}

export interface LadderModel {
  lanes: Record<Side, Lane>;
  arrows: Arrow[];
  steps: LadderStep[];
  /** The diagram's timeline in ms: from the first event to the last. */
  duration: number;
}
