// The diagram's steps, from what happened on the joined timeline: each side's inferred state
// machine is run through the happenings, its states are merged with the kernel's readings into one
// track per side (ladder-track.ts), and each change on a track is told by the step of the event
// that caused it, when that event's own words say it (a FIN sent: FIN_WAIT_1), or by a step of its
// own right after (the other side's ACK: FIN_WAIT_2; a last FIN: TIME_WAIT), or, when only the
// kernel showed it, by a step where it was read.
import type { ArrowKind, Arrow, EventRef, LadderStep, NarrationCode, Side, SideState } from './ladder-types';
import { otherSide } from './ladder-types';
import { mergeTrack, type Inferred, type Reading, type TrackEntry } from './ladder-track';
import { TcpMachine } from './tcp-machine';
import type { TcpState } from './tcp-states';

/** What happened, on the joined timeline, before it is turned into steps. */
export type Happening =
  | { t: number; what: 'send'; kind: ArrowKind; from: Side; arrow: number }
  | { t: number; what: 'arrive'; kind: ArrowKind; from: Side; arrow: number }
  | { t: number; what: 'close'; side: Side; ref: EventRef }
  | { t: number; what: 'gave_up'; side: Side; params: Record<string, string | number>; ref: EventRef }
  | { t: number; what: 'timed_out'; side: Side; params: Record<string, string | number>; ref: EventRef };

interface Draft {
  t: number;
  code: NarrationCode;
  side: Side;
  params: LadderStep['params'];
  arrow: number | null;
  ref: EventRef | null;
  /** The track changes this step tells. */
  changes: { side: Side; entry: TrackEntry }[];
}

/** Linux keeps a socket in TIME_WAIT for 60 s (TCP_TIMEWAIT_LEN), whatever RFC 9293's 2 MSL would be. */
const TIME_WAIT_S = 60;

/** The state each event code tells of its own side (the rest get steps of their own). */
const OWN_STATE: Partial<Record<NarrationCode, TcpState>> = {
  fin_sent: 'FIN_WAIT_1',
  fin_sent_last: 'LAST_ACK',
  fin_received: 'CLOSE_WAIT',
  fins_crossed: 'CLOSING',
  rst_sent: 'CLOSED',
  rst_received: 'CLOSED',
  rst_after_close: 'CLOSED',
  rst_arrived: 'CLOSED',
  closed: 'CLOSED',
  closed_after_reset: 'CLOSED',
};

export function stepsOf(happenings: readonly Happening[], arrows: readonly Arrow[], readings: Record<Side, readonly Reading[]>, ours: Record<Side, boolean>): LadderStep[] {
  const inferred: Record<Side, Inferred[]> = { client: [], server: [] };
  const at = { t: 0, cause: -1 };
  const machine = (side: Side): TcpMachine => new TcpMachine((state) => inferred[side].push({ t: at.t, state, cause: at.cause }));
  const machines = { client: machine('client'), server: machine('server') };

  const events = happenings.map((h, i): Draft | null => {
    at.t = h.t;
    at.cause = i;
    const draft = (code: NarrationCode, side: Side, params: LadderStep['params'], arrow: number | null, ref: EventRef | null): Draft => ({ t: h.t, code, side, params, arrow, ref, changes: [] });
    if (h.what === 'close') {
      const m = machines[h.side];
      const code = m.torn ? 'closed_after_reset' : 'closed';
      m.close();
      return draft(code, h.side, {}, null, h.ref);
    }
    if (h.what === 'gave_up' || h.what === 'timed_out') return draft(h.what, h.side, h.params, null, h.ref);
    const arrow = arrows[h.arrow] as Arrow;
    const from = machines[h.from];
    const to = machines[otherSide(h.from)];
    if (h.what === 'send') {
      if (h.kind === 'connect') return null; // said once, when it lands: both ends are then open
      // An RST no journal of ours sent came from the other side's kernel: told where it landed.
      if (h.kind === 'rst' && arrow.landedOnly) return null;
      const code = h.kind === 'data' ? 'data_sent' : h.kind === 'rst' ? 'rst_sent' : from.gotFin ? 'fin_sent_last' : 'fin_sent';
      from.send(h.kind);
      return draft(code, h.from, h.kind === 'data' ? { length: arrow.length } : {}, h.arrow, arrow.ref);
    }
    if (h.kind === 'connect') {
      machines.client.open();
      machines.server.open();
      return draft('connected', 'client', {}, h.arrow, arrow.ref);
    }
    if (h.kind === 'data' || to.gone) return null;
    const ref = arrow.arrivalRef ?? arrow.ref;
    if (h.kind === 'rst') {
      // Why it came: the other's program reset (its rst_sent is ours to see); or, known only where
      // it landed, as shared/teardown/rst-reason.ts reads the receiver's journal: its kernel answering bytes
      // sent after its FIN, to a socket its program had closed (RFC 9293 section 3.10.7.1), or another cause.
      const cause = arrow.rstCause ?? 'mid_exchange';
      const code = !arrow.landedOnly ? 'rst_received' : cause === 'sent_after_fin' ? 'rst_after_close' : 'rst_arrived';
      to.receive('rst');
      if (arrow.landedOnly) from.send('rst');
      return draft(code, otherSide(h.from), code === 'rst_arrived' ? { cause } : {}, h.arrow, ref);
    }
    const code = !to.sentFin ? 'fin_received' : to.state === 'FIN_WAIT_1' ? 'fins_crossed' : 'fin_received_last';
    to.receive('fin');
    from.acknowledged();
    return draft(code, otherSide(h.from), {}, h.arrow, ref);
  });

  const tracks = {
    client: mergeTrack(inferred.client, ours.client ? readings.client : []),
    server: mergeTrack(inferred.server, ours.server ? readings.server : []),
  };
  return statesAlong(order(happenings, events, tracks), ours);
}

/** The drafts in time order, each track change attached to the step that tells it. */
function order(happenings: readonly Happening[], events: readonly (Draft | null)[], tracks: Record<Side, TrackEntry[]>): Draft[] {
  const byCause = new Map<number, { side: Side; entry: TrackEntry }[]>();
  const kernelOnly: { side: Side; entry: TrackEntry }[] = [];
  for (const side of ['client', 'server'] as const) {
    for (const entry of tracks[side]) {
      if ('happening' in entry.cause) byCause.set(entry.cause.happening, [...(byCause.get(entry.cause.happening) ?? []), { side, entry }]);
      else kernelOnly.push({ side, entry });
    }
  }
  kernelOnly.sort((x, y) => x.entry.t - y.entry.t);
  const drafts: Draft[] = [];
  const flushKernel = (until: number): void => {
    while (kernelOnly.length > 0 && (kernelOnly[0] as { entry: TrackEntry }).entry.t < until) drafts.push(stateDraft(kernelOnly.shift() as { side: Side; entry: TrackEntry }, null));
  };
  happenings.forEach((h, i) => {
    flushKernel(h.t);
    const event = events[i] ?? null;
    const own: { side: Side; entry: TrackEntry }[] = [];
    // The side the event is about first: its FIN reached, then the other's ACK of it.
    const changes = (byCause.get(i) ?? []).sort((x, y) => Number(x.side !== event?.side) - Number(y.side !== event?.side));
    for (const change of changes) {
      if (event && tells(event, change)) event.changes.push(change);
      else own.push(change);
    }
    if (event) drafts.push(event);
    // The other side's ACK, a last FIN's TIME_WAIT: told right after the event that caused them.
    for (const change of own) drafts.push(stateDraft(change, event));
  });
  flushKernel(Infinity);
  return drafts;
}

/** Does the event's own sentence tell this change? */
function tells(event: Draft, { side, entry }: { side: Side; entry: TrackEntry }): boolean {
  if (event.code === 'connected') return entry.state === 'ESTABLISHED';
  // An RST that came from the other's kernel ends both sockets, and its sentence says so.
  if ((event.code === 'rst_after_close' || event.code === 'rst_arrived') && entry.state === 'CLOSED') return true;
  return side === event.side && OWN_STATE[event.code] === entry.state;
}

/** A step for a change of state no event of that side's own tells. */
function stateDraft({ side, entry }: { side: Side; entry: TrackEntry }, parent: Draft | null): Draft {
  const reading = 'reading' in entry.cause ? entry.cause.reading : null;
  const ref = reading?.ref ?? parent?.ref ?? null;
  const draft = (code: NarrationCode, params: LadderStep['params'] = {}): Draft => ({ t: entry.t, code, side, params, arrow: null, ref, changes: [{ side, entry }] });
  switch (entry.state) {
    case 'FIN_WAIT_2':
      return draft('fin_acked');
    case 'TIME_WAIT': {
      // The timer as first read, plus how long after the state began that read came: its full length.
      const seconds = entry.timer?.timerMs != null ? Math.round((entry.timer.timerMs + entry.timer.t - entry.t) / 1000) : TIME_WAIT_S;
      return draft('time_wait', { seconds });
    }
    case 'CLOSING':
      return draft('fins_crossed');
    case 'CLOSED':
      if (entry.from === 'LAST_ACK') return draft('last_ack_done');
      if (entry.from === 'TIME_WAIT') return draft('time_wait_over');
      // An orphaned FIN_WAIT_2 (our socket closed, the peer's FIN never came) is dropped by the
      // kernel's own timer, with nothing on the wire: the peer still sits in CLOSE_WAIT.
      if (entry.from === 'FIN_WAIT_2') return draft('fin_wait_2_timed_out');
      return draft('reset_seen_by_kernel');
    default:
      return draft('kernel_state', { state: entry.state });
  }
}

/** Each step with both sides' standing after it: its track's state, and what it can still do. */
function statesAlong(drafts: readonly Draft[], ours: Record<Side, boolean>): LadderStep[] {
  const now: Record<Side, TrackEntry | null> = { client: null, server: null };
  const facts = { client: { sentFin: false, gotFin: false, torn: false, released: false }, server: { sentFin: false, gotFin: false, torn: false, released: false } };
  const standing = (side: Side): SideState => {
    const entry = now[side];
    const state = entry?.state ?? 'SYN_SENT';
    const f = facts[side];
    const over = f.torn || f.released || state === 'CLOSED' || state === 'TIME_WAIT';
    const kernel = ours[side] && entry?.source === 'kernel';
    return {
      state,
      source: kernel ? 'kernel' : 'inferred',
      timerMs: kernel ? (entry?.timer?.timerMs ?? null) : null,
      timerRef: kernel ? (entry?.timer?.ref ?? null) : null,
      canSend: !f.sentFin && !over,
      canReceive: !f.gotFin && !over,
    };
  };
  return drafts.map((d) => {
    const f = facts[d.side];
    if (d.code === 'fin_sent' || d.code === 'fin_sent_last') f.sentFin = true;
    else if (d.code === 'fin_received' || d.code === 'fin_received_last' || d.code === 'fins_crossed') f.gotFin = true;
    else if (d.code.startsWith('rst_') || d.code === 'reset_seen_by_kernel') f.torn = true;
    else if (d.code === 'closed' || d.code === 'closed_after_reset') f.released = true;
    for (const change of d.changes) now[change.side] = change.entry;
    return { t: d.t, code: d.code, side: d.side, params: d.params, arrow: d.arrow, ref: d.ref, states: { client: standing('client'), server: standing('server') } };
  });
}
