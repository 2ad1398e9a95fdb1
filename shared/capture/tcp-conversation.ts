// The TCP segments one connection's journal implies, in order: what a capture on the wire would have
// shown, rebuilt from what the engine's socket saw. The journal knows the bytes each way (one `data`
// event per read or write), our FIN and the peer's, and the RSTs; it does not know sequence numbers,
// windows or the ACKs each kernel sent. Those are made up here, consistently (RFC 9293), so that a
// reader such as Wireshark follows the stream without finding anything missing or repeated:
// - the three-way handshake (RFC 9293 section 3.5) at `opened`, SYNs carrying MSS (section 3.2)
//   and window scale (RFC 7323 section 2.2) options;
// - each chunk as segments of at most `mss` octets with ACK set, PSH on the chunk's last one;
// - the receiver's pure ACKs: one after every second full-sized segment (RFC 5681 section 4.2,
//   RFC 9293 section 3.8.6.3) and one at the end of each chunk, unless the receiver's next act is
//   an RST (a closed socket answers data with RST, not with an ACK);
// - FIN (section 3.6) where the journal has fin_sent or peer_fin, ACKed by the other end;
// - RST with ACK (as Linux sends an abort) where it has rst_sent or rst_received; nothing is
//   acknowledged after it (section 3.5.3: the receiver of an RST drops the connection).
// Times are the journal's `t`: all of an event's segments and the ACKs they cause share its time.
import type { JournalEvent, Role } from '../contract/contract';
import type { Segment } from './tcp-frame';
import { TCP_FLAGS } from './wire-numbers';

export interface ConversationInput {
  connId: string;
  role: Role;
  /** This connection's journal events in journal order (`opened` first, when kept). */
  events: readonly JournalEvent[];
  /** Bytes carried each way, from the summary (exact even when events were trimmed), if known. */
  totals: { in: number; out: number } | null;
  /** The largest payload of one segment (the MSS both SYNs announce). */
  mss: number;
}

export interface SynthPacket {
  /** Milliseconds after the connection opened (the journal's `t`). */
  t: number;
  /** Sent by our end of the connection (the journal's `local`), else by the peer. */
  fromLocal: boolean;
  segment: Segment;
  comments: string[];
}

/** The window scale both ends announce: 7, as Linux does by default. */
const WINDOW_SHIFT = 7;
/** The window field after the handshake: 0xffff << 7, about 8 MiB, never filled by our ACK pacing. */
const WINDOW = 0xffff;
const NO_OPTIONS = new Uint8Array(0);

interface Side {
  readonly local: boolean;
  /** The initial sequence number (RFC 9293 section 3.4.1): any 32-bit value; ours is a hash, so output is reproducible. */
  readonly isn: number;
  /** Sequence space used so far, relative to the ISN: the SYN takes 1, then data, then the FIN 1. */
  next: number;
  /** The peer's relative `next` this side last acknowledged (-1 before any ACK). */
  acked: number;
  finSent: boolean;
}

type WireKind = 'data' | 'fin' | 'rst';

/** Which end an event puts something on the wire from, and what; null for events that send nothing. */
function wireOf(e: JournalEvent): { kind: WireKind; local: boolean } | null {
  switch (e.kind) {
    case 'data':
      return { kind: 'data', local: e.dir === 'out' };
    case 'fin_sent':
      return { kind: 'fin', local: true };
    case 'peer_fin':
      return { kind: 'fin', local: false };
    case 'rst_sent':
      return { kind: 'rst', local: true };
    case 'rst_received':
      return { kind: 'rst', local: false };
    default:
      return null;
  }
}

export function synthesizeConversation(input: ConversationInput): SynthPacket[] {
  const { connId, role, events, mss } = input;
  const local: Side = { local: true, isn: isnOf(`${connId}/local`), next: 0, acked: -1, finSent: false };
  const remote: Side = { local: false, isn: isnOf(`${connId}/remote`), next: 0, acked: -1, finSent: false };
  const peerOf = (s: Side): Side => (s === local ? remote : local);
  const packets: SynthPacket[] = [];
  let reset = false;
  let lastT = 0;
  /** Comments waiting for the next packet (a gap found at an event that sends nothing). */
  let pending: string[] = [];

  const send = (from: Side, t: number, flags: number, payload: Uint8Array | null, length: number, comments: string[] = [], options = NO_OPTIONS): void => {
    const to = peerOf(from);
    const syn = (flags & TCP_FLAGS.SYN) !== 0;
    const segment: Segment = {
      seq: (from.isn + from.next) >>> 0,
      ack: (to.isn + to.next) >>> 0,
      flags,
      window: syn ? 0xffff : WINDOW,
      options,
      length,
      payload,
    };
    if (flags & TCP_FLAGS.ACK) from.acked = to.next;
    from.next += length + (syn ? 1 : 0) + (flags & TCP_FLAGS.FIN ? 1 : 0);
    lastT = Math.max(lastT, t); // a journal's times never go back; should one, the file still does not
    packets.push({ t: lastT, fromLocal: from.local, segment, comments: pending.length > 0 ? [...pending, ...comments] : comments });
    pending = [];
  };
  /** `side` acknowledges what its peer has sent, if anything is new since its last ACK. */
  const ackIfOwed = (side: Side, t: number): void => {
    if (!reset && peerOf(side).next > side.acked) send(side, t, TCP_FLAGS.ACK, null, 0);
  };

  // The handshake: the client's SYN, the server's SYN-ACK, the client's ACK (RFC 9293 section 3.5).
  const opened = events[0]?.kind === 'opened' ? events[0] : undefined;
  const t0 = opened?.t ?? 0;
  const client = role === 'client' ? local : remote;
  const server = peerOf(client);
  const synOptions = Uint8Array.of(2, 4, mss >> 8, mss & 0xff, 1, 3, 3, WINDOW_SHIFT);
  send(client, t0, TCP_FLAGS.SYN, null, 0, [`Wirebench ${connId} (${role}): synthesized from the journal, not captured`], synOptions);
  send(server, t0, TCP_FLAGS.SYN | TCP_FLAGS.ACK, null, 0, [], synOptions);
  send(client, t0, TCP_FLAGS.ACK, null, 0);

  const gap = gapBytes(events, input.totals);
  let gapPending = gap !== null;
  let prevSeq = opened ? opened.seq : -1;
  // Index of each event's next wire event: the ACK pacing looks one act ahead.
  const wire = events.map(wireOf);
  const nextWire: number[] = new Array<number>(events.length).fill(-1);
  for (let i = events.length - 2; i >= 0; i--) nextWire[i] = wire[i + 1] ? i + 1 : (nextWire[i + 1] as number);
  const peerResetsNext = (i: number, from: Side): boolean => {
    const j = nextWire[i] as number;
    const w = j >= 0 ? wire[j] : null;
    return w?.kind === 'rst' && w.local !== from.local;
  };

  events.forEach((e, i) => {
    if (gapPending && gap && e.seq > prevSeq + 1) {
      // The journal's event cap let go of the oldest events: their bytes are not in this file, but
      // they were on the wire, so the sequence numbers skip them (a reader says "previous segment not captured").
      local.next += gap.out;
      remote.next += gap.in;
      gapPending = false;
      // Events that carried no bytes (notes, kernel states) leave nothing missing on the wire.
      if (gap.in + gap.out > 0) {
        pending.push(`journal events ${prevSeq + 1}-${e.seq - 1} are no longer kept: ${gap.out} bytes sent and ${gap.in} received in them are missing here`);
      }
    }
    prevSeq = e.seq;
    const w = wire[i];
    if (!w) return;
    const from = w.local ? local : remote;
    const to = peerOf(from);
    if (w.kind === 'data' && e.kind === 'data') {
      if (e.length === 0) return;
      const comments = e.bytes ? [] : [`${e.length} payload bytes no longer kept by the journal (its byte budget): headers only`];
      const count = Math.ceil(e.length / mss);
      for (let k = 0; k < count; k++) {
        const start = k * mss;
        const length = Math.min(mss, e.length - start);
        const last = k === count - 1;
        const payload = e.bytes ? e.bytes.subarray(start, start + length) : null;
        send(from, e.t, TCP_FLAGS.ACK | (last ? TCP_FLAGS.PSH : 0), payload, length, k === 0 ? comments : []);
        if (!last && k % 2 === 1) ackIfOwed(to, e.t);
      }
      if (!peerResetsNext(i, from)) ackIfOwed(to, e.t);
    } else if (w.kind === 'fin') {
      if (from.finSent) return;
      from.finSent = true;
      send(from, e.t, TCP_FLAGS.FIN | TCP_FLAGS.ACK, null, 0);
      if (!peerResetsNext(i, from)) ackIfOwed(to, e.t);
    } else {
      send(from, e.t, TCP_FLAGS.RST | TCP_FLAGS.ACK, null, 0);
      reset = true;
    }
  });
  return packets;
}

/**
 * Bytes each way held by events the journal dropped (its per-connection cap drops the oldest after
 * `opened`, leaving a gap in `seq`): the summary's totals less what the kept events carry. Null
 * when nothing was dropped or the totals are unknown.
 */
function gapBytes(events: readonly JournalEvent[], totals: { in: number; out: number } | null): { in: number; out: number } | null {
  if (!totals) return null;
  let gapFound = false;
  const kept = { in: 0, out: 0 };
  events.forEach((e, i) => {
    if (i > 0 && e.seq !== (events[i - 1] as JournalEvent).seq + 1) gapFound = true;
    if (e.kind === 'data') kept[e.dir] += e.length;
  });
  if (!gapFound) return null;
  return { in: Math.max(0, totals.in - kept.in), out: Math.max(0, totals.out - kept.out) };
}

/** FNV-1a (32 bits) of the text: a fixed, well-spread ISN per connection and end. */
function isnOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
