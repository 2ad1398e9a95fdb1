// Builds the teardown diagram's model (ladder-types.ts) from journals: one connection's, or both
// ends' when both are ours (our client talking to our server), joined on the engine's monotonic
// clock (`opened.mono + t`). What one side sent is an arrow from its lane; when the other side is
// ours too, the arrow lands where that side saw it, else it lands at once (we cannot know better).
// Each side's state follows the TCP state machine (tcp-machine.ts) through those sends and
// arrivals; a state the kernel reported (a tcp_state event) overrides it from that moment on.
// Pure: journal events in, a model out, so the renderer, the CLI and the tests draw the same thing.
import type { JournalEvent } from '../contract';
import { otherSide, type Arrow, type ArrowKind, type EventRef, type LadderModel, type LadderStep, type NarrationCode, type Side, type SideState } from './ladder-types';
import { TcpMachine } from './tcp-machine';
import type { TcpState } from './tcp-states';

type Opened = Extract<JournalEvent, { kind: 'opened' }>;

/** What happened, on the joined timeline, before it is turned into steps. */
type Happening =
  | { t: number; what: 'send'; kind: ArrowKind; from: Side; arrow: number }
  | { t: number; what: 'arrive'; kind: ArrowKind; from: Side; arrow: number }
  | { t: number; what: 'close'; side: Side; ref: EventRef }
  | { t: number; what: 'kernel'; side: Side; state: TcpState; timerMs: number | null; ref: EventRef }
  | { t: number; what: 'gave_up' | 'timed_out'; side: Side; params: Record<string, string | number>; ref: EventRef };

interface Journal {
  side: Side;
  opened: Opened;
  events: readonly JournalEvent[];
  /** ms on the joined timeline for an event of this journal. */
  time(event: JournalEvent): number;
}

const endpoint = (a: Opened['local']): string => (a.family === 'IPv6' ? `[${a.address}]:${a.port}` : `${a.address}:${a.port}`);
const refOf = (e: JournalEvent): EventRef => ({ connId: e.connId, seq: e.seq });

/**
 * The diagram of a connection from its journal, and from the other end's journal when that end is
 * ours too (see findPeerConnection). Null when the journal has no `opened` event.
 */
export function buildLadder(events: readonly JournalEvent[], peerEvents: readonly JournalEvent[] | null = null): LadderModel | null {
  const mine = journalOf(events);
  if (!mine) return null;
  const peer = peerEvents ? journalOf(peerEvents) : null;
  const both = peer !== null && peer.side !== mine.side ? peer : null;
  const start = Math.min(mine.opened.mono, both?.opened.mono ?? Infinity);
  for (const j of [mine, both]) if (j) j.time = (e) => j.opened.mono + e.t - start;

  const arrows: Arrow[] = [];
  const happenings: Happening[] = [];
  const addArrow = (arrow: Arrow): void => {
    arrows.push(arrow);
  };

  connectArrow(mine, both, addArrow);
  for (const j of [mine, both]) {
    if (!j) continue;
    const other = j === mine ? both : mine;
    sentArrows(j, other, addArrow);
    if (!other) peerArrows(j, addArrow);
    for (const e of j.events) {
      const t = j.time(e);
      if (e.kind === 'closed') happenings.push({ t, what: 'close', side: j.side, ref: refOf(e) });
      else if (e.kind === 'tcp_state') happenings.push({ t, what: 'kernel', side: j.side, state: e.state, timerMs: e.timerMs, ref: refOf(e) });
      else if (e.kind === 'timeout') happenings.push({ t, what: 'timed_out', side: j.side, params: { which: e.which, ms: e.ms }, ref: refOf(e) });
      else if (e.kind === 'note' && e.code === 'client_gave_up') happenings.push({ t, what: 'gave_up', side: j.side, params: { ms: Number(e.params.ms ?? 0) }, ref: refOf(e) });
    }
  }

  // Arrows in the order they were sent (the sort is stable: one side's own order stays).
  arrows.sort((x, y) => x.sentT - y.sentT);
  arrows.forEach((arrow, index) => {
    happenings.push({ t: arrow.sentT, what: 'send', kind: arrow.kind, from: arrow.from, arrow: index });
    happenings.push({ t: arrow.arrivedT, what: 'arrive', kind: arrow.kind, from: arrow.from, arrow: index });
  });
  // Sends before arrivals at the same instant (an arrow cannot land before it leaves).
  const order = { send: 0, arrive: 1, close: 2, kernel: 3, gave_up: 2, timed_out: 2 } as const;
  happenings.sort((x, y) => x.t - y.t || order[x.what] - order[y.what]);
  const steps = narrate(happenings, arrows, { client: mine.side === 'client' || both !== null, server: mine.side === 'server' || both !== null });
  const lanes = {
    [mine.side]: { connId: mine.opened.connId, endpoint: endpoint(mine.opened.local) },
    [otherSide(mine.side)]: { connId: both?.opened.connId ?? null, endpoint: endpoint(mine.opened.remote) },
  } as LadderModel['lanes'];
  return { lanes, arrows, steps, duration: Math.max(0, ...happenings.map((h) => h.t)) };
}

function journalOf(events: readonly JournalEvent[]): Journal | null {
  const opened = events.find((e): e is Opened => e.kind === 'opened');
  if (!opened) return null;
  return { side: opened.role, opened, events, time: (e) => e.t };
}

function connectArrow(mine: Journal, both: Journal | null, add: (a: Arrow) => void): void {
  const client = mine.side === 'client' ? mine : both;
  const server = mine.side === 'server' ? mine : both;
  const sentT = client ? client.time(client.opened) : (server as Journal).time((server as Journal).opened);
  const arrivedT = server ? server.time(server.opened) : sentT;
  const ref = refOf((client ?? mine).opened);
  add({ kind: 'connect', from: 'client', sentT, arrivedT: Math.max(sentT, arrivedT), length: 0, offset: 0, ref, arrivalRef: server && client ? refOf(server.opened) : null });
}

/** What `j` sent (data out, FIN, RST), landing where `other` (if ours) saw it. */
function sentArrows(j: Journal, other: Journal | null, add: (a: Arrow) => void): void {
  const received = other ? arrivals(other) : null;
  let offset = 0;
  for (const e of j.events) {
    const t = j.time(e);
    if (e.kind === 'data' && e.dir === 'out') {
      const landed = received?.dataAt(offset + e.length) ?? null;
      add({ kind: 'data', from: j.side, sentT: t, arrivedT: Math.max(t, landed ? (other as Journal).time(landed) : t), length: e.length, offset, ref: refOf(e), arrivalRef: landed && refOf(landed) });
      offset += e.length;
    } else if (e.kind === 'fin_sent' || e.kind === 'rst_sent') {
      const kind = e.kind === 'fin_sent' ? 'fin' : 'rst';
      const landed = received?.[kind] ?? null;
      add({ kind, from: j.side, sentT: t, arrivedT: Math.max(t, landed ? (other as Journal).time(landed) : t), length: 0, offset, ref: refOf(e), arrivalRef: landed && refOf(landed) });
    }
  }
}

/** Where our journal saw the other side's sends arrive: data by its end offset, the FIN, the RST. */
function arrivals(j: Journal): { dataAt(end: number): JournalEvent | null; fin: JournalEvent | null; rst: JournalEvent | null } {
  const ins: { end: number; event: JournalEvent }[] = [];
  let total = 0;
  for (const e of j.events) if (e.kind === 'data' && e.dir === 'in') ins.push({ end: (total += e.length), event: e });
  const peerFin = j.events.find((e) => e.kind === 'peer_fin') ?? null;
  const reset = j.events.find((e) => e.kind === 'error' && e.code === 'ECONNRESET') ?? null;
  return {
    dataAt: (end) => ins.find((x) => x.end >= end)?.event ?? null,
    fin: peerFin,
    // Node reports an RST that follows data to a half-open reader as the stream's end: then the
    // reader's peer_fin is where the RST landed (its sender's journal says it was an RST).
    rst: reset ?? peerFin,
  };
}

/** With only our journal: what the other side sent, as we saw it arrive (data in, its FIN, its RST). */
function peerArrows(j: Journal, add: (a: Arrow) => void): void {
  const from = otherSide(j.side);
  let offset = 0;
  for (const e of j.events) {
    const t = j.time(e);
    if (e.kind === 'data' && e.dir === 'in') {
      add({ kind: 'data', from, sentT: t, arrivedT: t, length: e.length, offset, ref: refOf(e), arrivalRef: null });
      offset += e.length;
    } else if (e.kind === 'peer_fin' || (e.kind === 'error' && e.code === 'ECONNRESET')) {
      add({ kind: e.kind === 'peer_fin' ? 'fin' : 'rst', from, sentT: t, arrivedT: t, length: 0, offset, ref: refOf(e), arrivalRef: null });
    }
  }
}

const SEND_CODES: Record<ArrowKind, NarrationCode> = { connect: 'connected', data: 'data_sent', fin: 'fin_sent', rst: 'rst_sent' };

/** Runs both sides' state machines through the happenings, one step per thing worth saying. */
function narrate(happenings: readonly Happening[], arrows: readonly Arrow[], ours: Record<Side, boolean>): LadderStep[] {
  const machines = { client: new TcpMachine(), server: new TcpMachine() };
  const snapshot = (): Record<Side, SideState> => ({ client: machines.client.snapshot(), server: machines.server.snapshot() });
  const steps: LadderStep[] = [];
  const step = (t: number, code: NarrationCode, side: Side, params: LadderStep['params'], arrow: number | null, ref: EventRef | null): void => {
    steps.push({ t, code, side, params, arrow, ref, states: snapshot() });
  };
  for (const h of happenings) {
    if (h.what === 'send' || h.what === 'arrive') {
      const arrow = arrows[h.arrow] as Arrow;
      const to = otherSide(h.from);
      if (h.what === 'send') {
        if (h.kind === 'connect') continue; // said once, when it lands: both ends are then open
        machines[h.from].send(h.kind);
        step(h.t, SEND_CODES[h.kind], h.from, h.kind === 'data' ? { length: arrow.length } : {}, h.arrow, arrow.ref);
        continue;
      }
      if (h.kind === 'connect') {
        machines.client.open();
        machines.server.open();
        step(h.t, 'connected', 'client', {}, h.arrow, arrow.ref);
      } else if ((h.kind === 'fin' || h.kind === 'rst') && !machines[to].gone) {
        machines[to].receive(h.kind);
        machines[h.from].acknowledged(h.kind);
        step(h.t, h.kind === 'fin' ? 'fin_received' : 'rst_received', to, {}, h.arrow, arrow.arrivalRef ?? arrow.ref);
      }
      continue;
    }
    const machine = machines[h.side];
    if (h.what === 'close') {
      machine.close();
      step(h.t, 'closed', h.side, {}, null, h.ref);
    } else if (h.what === 'kernel') {
      const inferred = machine.state;
      machine.kernelSays(h.state, h.timerMs);
      if (h.state === 'TIME_WAIT') step(h.t, 'time_wait', h.side, { seconds: Math.round((h.timerMs ?? 60_000) / 1000) }, null, h.ref);
      else if (h.state !== inferred) step(h.t, 'kernel_corrects', h.side, { state: h.state, inferred }, null, h.ref);
      else step(h.t, 'kernel_state', h.side, { state: h.state }, null, h.ref);
    } else {
      step(h.t, h.what, h.side, h.params, null, h.ref);
    }
  }
  // A side that is not ours: its states are all inferred, whatever the machine holds.
  for (const s of steps) for (const side of ['client', 'server'] as const) if (!ours[side]) s.states[side] = { ...s.states[side], source: 'inferred', timerMs: null };
  return steps;
}

/**
 * Our connection at the other end of `connId`, if both ends are ours: the one whose local end is
 * this one's remote end and the other way round.
 */
export function findPeerConnection(
  conn: { connId: string; local: Opened['local']; remote: Opened['remote'] },
  others: readonly { connId: string; local: Opened['local']; remote: Opened['remote'] }[],
): string | null {
  const same = (a: Opened['local'], b: Opened['local']): boolean => a.port === b.port && a.address.replace(/^::ffff:/, '') === b.address.replace(/^::ffff:/, '');
  return others.find((o) => o.connId !== conn.connId && same(o.local, conn.remote) && same(o.remote, conn.local))?.connId ?? null;
}
