// The teardown diagram's model: what a ladder (sequence) diagram of one TCP connection draws, built
// from journals (ladder-model.ts) and drawn by the renderer (features/teardown). Two lanes, the
// client's and the server's; arrows for the handshake, each chunk, each FIN and RST; each side's
// TCP state along its lane (from the kernel where it was read, else inferred from the events);
// what each side can still do; and a step-by-step narration, as codes with parameters.
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
}

export interface SideState {
  state: TcpState;
  source: StateSource;
  /** Time left on the kernel's timer for this state (TIME_WAIT), as last read; else null. */
  timerMs: number | null;
  /** Can this side still send (it has sent no FIN or RST, and is not closed)? */
  canSend: boolean;
  /** Can it still receive (no FIN or RST has reached it, and it is not closed)? */
  canReceive: boolean;
}

export const NARRATION_CODES = [
  /** params: {} — the handshake is done; both can send and receive. */
  'connected',
  /** params: { length } — `side` sent bytes. */
  'data_sent',
  /** `side` sent FIN: it will send no more, but can still receive. */
  'fin_sent',
  /** `side` got the other's FIN: it has read everything; its next read returns 0 (EOF). */
  'fin_received',
  /** `side` sent RST: the connection is torn down at once, unread data thrown away. */
  'rst_sent',
  /** `side` got the other's RST: its next read or write fails with ECONNRESET. */
  'rst_received',
  /** `side` closed its socket (released the descriptor). */
  'closed',
  /** `side`'s socket is in TIME_WAIT: it closed first. params: { seconds } */
  'time_wait',
  /** The kernel reports a state for `side`'s socket. params: { state } */
  'kernel_state',
  /** The kernel disagrees with what the events suggest; its state wins. params: { state, inferred } */
  'kernel_corrects',
  /** `side` (the client) gave up waiting for an answer. params: { ms } */
  'gave_up',
  /** `side` (the server) timed out. params: { which, ms } */
  'timed_out',
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
