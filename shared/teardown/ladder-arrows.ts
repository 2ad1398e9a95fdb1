// The teardown diagram's arrows (ladder-types.ts), from one journal or from both ends' journals
// when both are ours: what each side put on the wire, where it left and where the other side saw
// it land. After an RST nothing more goes on that connection's wire (RFC 9293 section 3.10.7.4:
// the connection is gone on both ends), so what a side's journal records after its own RST, or
// after one reached it, is a local event (a close, a failed write), never an arrow.
import type { JournalEvent } from '../contract/contract';
import { RstWitness } from './rst-reason';
import { otherSide, type Arrow, type EventRef, type Side } from './ladder-types';

export type Opened = Extract<JournalEvent, { kind: 'opened' }>;

export interface Journal {
  side: Side;
  opened: Opened;
  events: readonly JournalEvent[];
  /** ms on the joined timeline for an event of this journal. */
  time(event: JournalEvent): number;
}

export const refOf = (e: JournalEvent): EventRef => ({ connId: e.connId, seq: e.seq });

export function journalOf(events: readonly JournalEvent[]): Journal | null {
  const opened = events.find((e): e is Opened => e.kind === 'opened');
  if (!opened) return null;
  return { side: opened.role, opened, events, time: (e) => e.t };
}

/** Index of `j`'s rst_sent, or -1. */
const rstSentAt = (j: Journal): number => j.events.findIndex((e) => e.kind === 'rst_sent');

/**
 * Where an RST reached `j`'s socket: its rst_received, or (a journal from before that event
 * existed) the ECONNRESET its read reported. When the other end is ours and reset the connection
 * without a FIN first, `j`'s peer_fin counts as well: Node reports an RST that follows data to a
 * half-open reader as the stream's end, and that `end` is the moment the RST landed.
 */
export function resetArrival(j: Journal, peer: Journal | null): JournalEvent | null {
  const hasReceived = j.events.some((e) => e.kind === 'rst_received');
  const peerRst = peer ? rstSentAt(peer) : -1;
  const peerResetFirst = peer !== null && peerRst >= 0 && !peer.events.slice(0, peerRst).some((e) => e.kind === 'fin_sent');
  return (
    j.events.find(
      (e) => e.kind === 'rst_received' || (!hasReceived && e.kind === 'error' && e.code === 'ECONNRESET') || (peerResetFirst && e.kind === 'peer_fin'),
    ) ?? null
  );
}

/** Index in `j.events` of the event that ended its wire (its RST sent or one received); events.length if none. */
export function wireEnd(j: Journal, peer: Journal | null): number {
  const arrival = resetArrival(j, peer);
  const ends = [rstSentAt(j), arrival ? j.events.indexOf(arrival) : -1].filter((i) => i >= 0);
  return ends.length > 0 ? Math.min(...ends) : j.events.length;
}

/** Every arrow of the diagram, in the order they were sent. */
export function buildArrows(mine: Journal, both: Journal | null): Arrow[] {
  const arrows: Arrow[] = [connectArrow(mine, both)];
  for (const j of [mine, both]) {
    if (!j) continue;
    const other = j === mine ? both : mine;
    arrows.push(...sentArrows(j, other));
    if (!other) arrows.push(...peerArrows(j));
    else {
      // An RST reached j that the other end's journal did not send (its kernel did): from there, at once.
      const arrival = resetArrival(j, other);
      if (arrival && rstSentAt(other) < 0 && j.events.indexOf(arrival) === wireEnd(j, other)) arrows.push(resetFromOther(j, arrival));
    }
  }
  if (both) for (const j of [mine, both]) closedSecond(j, arrows);
  // In the order they were sent (the sort is stable: one side's own order stays).
  return arrows.sort((x, y) => x.sentT - y.sentT);
}

/**
 * When both sent FIN, `j`'s journal may show its own FIN leaving before the other's arrived, as
 * if the two crossed (RFC 9293 section 3.6, case 2: both would end in TIME_WAIT). But Node reports
 * a FIN that reached the kernel only on a later turn of its event loop, and over loopback Linux
 * delivers a FIN within the very call that sends it. If `j`'s kernel then shows its socket gone
 * (CLOSED) and never in TIME_WAIT, with no RST, `j` closed second: the other's FIN had landed
 * before `j`'s left, in the call that sent it. Its arrow lands there.
 */
function closedSecond(j: Journal, arrows: Arrow[]): void {
  const states = j.events.flatMap((e) => (e.kind === 'tcp_state' ? [e.state] : []));
  if (states.at(-1) !== 'CLOSED' || states.includes('TIME_WAIT') || arrows.some((a) => a.kind === 'rst')) return;
  const own = arrows.find((a) => a.kind === 'fin' && a.from === j.side);
  const other = arrows.find((a) => a.kind === 'fin' && a.from !== j.side);
  if (own && other && other.sentT <= own.sentT && own.sentT < other.arrivedT) other.arrivedT = other.sentT;
}

function connectArrow(mine: Journal, both: Journal | null): Arrow {
  const client = mine.side === 'client' ? mine : both;
  const server = mine.side === 'server' ? mine : both;
  const sentT = client ? client.time(client.opened) : (server as Journal).time((server as Journal).opened);
  const arrivedT = server ? server.time(server.opened) : sentT;
  const ref = refOf((client ?? mine).opened);
  return { kind: 'connect', from: 'client', sentT, arrivedT: Math.max(sentT, arrivedT), length: 0, offset: 0, ref, arrivalRef: server && client ? refOf(server.opened) : null };
}

/** What `j` sent (data out, FIN, RST) until its wire ended, landing where `other` (if ours) saw it. */
function sentArrows(j: Journal, other: Journal | null): Arrow[] {
  const out: Arrow[] = [];
  const received = other ? arrivals(other, j) : null;
  const end = wireEnd(j, other);
  let offset = 0;
  j.events.forEach((e, i) => {
    if (i > end) return;
    const t = j.time(e);
    const land = (landed: JournalEvent | null): Pick<Arrow, 'arrivedT' | 'arrivalRef'> => ({
      arrivedT: Math.max(t, landed ? (other as Journal).time(landed) : t),
      arrivalRef: landed && refOf(landed),
    });
    if (e.kind === 'data' && e.dir === 'out' && i < end) {
      out.push({ kind: 'data', from: j.side, sentT: t, length: e.length, offset, ref: refOf(e), ...land(received?.dataAt(offset + e.length) ?? null) });
      offset += e.length;
    } else if (e.kind === 'fin_sent' && i < end) {
      out.push({ kind: 'fin', from: j.side, sentT: t, length: 0, offset, ref: refOf(e), ...land(received?.fin ?? null) });
    } else if (e.kind === 'rst_sent') {
      out.push({ kind: 'rst', from: j.side, sentT: t, length: 0, offset, ref: refOf(e), ...land(received?.rst ?? null) });
    }
  });
  return out;
}

/** Where our journal `j` saw `sender`'s sends arrive: data by its end offset, the FIN, the RST. */
function arrivals(j: Journal, sender: Journal): { dataAt(end: number): JournalEvent | null; fin: JournalEvent | null; rst: JournalEvent | null } {
  const ins: { end: number; event: JournalEvent }[] = [];
  let total = 0;
  for (const e of j.events) if (e.kind === 'data' && e.dir === 'in') ins.push({ end: (total += e.length), event: e });
  const rst = resetArrival(j, sender);
  return {
    dataAt: (end) => ins.find((x) => x.end >= end)?.event ?? null,
    fin: j.events.find((e) => e.kind === 'peer_fin' && e !== rst) ?? null,
    rst,
  };
}

/** With only our journal: what the other side sent, as we saw it arrive, until our wire ended. */
function peerArrows(j: Journal): Arrow[] {
  const out: Arrow[] = [];
  const from = otherSide(j.side);
  const end = wireEnd(j, null);
  const arrival = resetArrival(j, null);
  let offset = 0;
  j.events.forEach((e, i) => {
    const t = j.time(e);
    if (i < end && e.kind === 'data' && e.dir === 'in') {
      out.push({ kind: 'data', from, sentT: t, arrivedT: t, length: e.length, offset, ref: refOf(e), arrivalRef: null, landedOnly: true });
      offset += e.length;
    } else if (i < end && e.kind === 'peer_fin') {
      out.push({ kind: 'fin', from, sentT: t, arrivedT: t, length: 0, offset, ref: refOf(e), arrivalRef: null, landedOnly: true });
    } else if (e === arrival && i === end) {
      out.push(resetFromOther(j, e));
    }
  });
  return out;
}

/**
 * An RST from the side across from `j`, drawn where it reached `j` (when it left, we cannot know),
 * with why it came, as every other view says it (shared/teardown/rst-reason.ts: the same witness, fed `j`'s
 * journal up to the arrival; an ECONNRESET from before rst_received existed counts as one).
 */
function resetFromOther(j: Journal, arrival: JournalEvent): Arrow {
  const t = j.time(arrival);
  const witness = new RstWitness();
  for (const e of j.events.slice(0, j.events.indexOf(arrival))) witness.see(e);
  const rstCause = witness.see(arrival.kind === 'rst_received' ? arrival : { ...arrival, kind: 'rst_received', how: 'read' })?.cause;
  return { kind: 'rst', from: otherSide(j.side), sentT: t, arrivedT: t, length: 0, offset: 0, ref: refOf(arrival), arrivalRef: null, landedOnly: true, rstCause };
}
