// TCP segments of a capture, put back together into connections: each direction's bytes in
// sequence order (RFC 9293 section 3.4), once each (a retransmission adds nothing, a segment that
// came early waits for the gap before it), and its SYN, FIN and RST where they happened. Each
// connection becomes a journal as our server would have written it: the side that sent the SYN is
// the client, `in` is what it sent, `out` what the server answered, the server's FIN is fin_sent
// and the client's peer_fin. So a capture opens in every view a live connection has.
import type { Address, JournalEvent } from '../contract/contract';
import type { TcpSegment } from './packet-layers';

/** Bytes missing from a direction (not captured, or cut by the snap length): shown, never guessed. */
export interface StreamGap {
  connId: string;
  dir: 'in' | 'out';
  /** Where in that direction's stream the missing bytes start, and how many. */
  offset: number;
  length: number;
}

export interface CapturedConnection {
  connId: string;
  server: Address;
  client: Address;
  /** Whether the handshake was captured (else who is the client is a guess: the side that sent first). */
  sawSyn: boolean;
  events: JournalEvent[];
}

type Dir = 'in' | 'out';
/** An event before its place and time are filled in (each kind's own fields only). */
type NewEvent = Omit<JournalEvent, 'connId' | 'seq' | 'at' | 't'>;

class Direction {
  /** The sequence number of the stream's first data byte, once known. */
  base: number | null = null;
  /** Stream offset of the next byte to deliver. */
  next = 0;
  /** Segments past a gap, waiting: stream offset → bytes. */
  readonly early = new Map<number, Uint8Array>();
  finAt: number | null = null;
  finSeen = false;
}

class Conversation {
  readonly events: JournalEvent[] = [];
  readonly dirs = { in: new Direction(), out: new Direction() };
  private t0: number | null = null;
  closed = false;

  constructor(
    readonly connId: string,
    readonly server: Address,
    readonly client: Address,
    readonly sawSyn: boolean,
    private readonly gaps: StreamGap[],
  ) {}

  /** `opened` at the connection's first segment (its SYN, when captured). */
  private open(atMs: number): void {
    if (this.t0 !== null) return;
    this.t0 = atMs;
    // mono: the capture's own clock (its wall clock) puts every connection of the file on one timeline.
    this.add(atMs, { kind: 'opened', role: 'server', local: this.server, remote: this.client, mono: atMs } as NewEvent);
  }

  private add(atMs: number, event: NewEvent): void {
    const t = Math.max(0, atMs - (this.t0 ?? atMs));
    this.events.push({ ...event, connId: this.connId, seq: this.events.length, at: atMs, t } as JournalEvent);
  }

  segment(dir: Dir, s: TcpSegment): void {
    this.open(s.atMs);
    const d = this.dirs[dir];
    if (s.syn) d.base = (s.seq + 1) >>> 0;
    d.base ??= s.seq;
    if (s.rst) {
      this.deliverWaiting(dir, s.atMs, true);
      this.add(s.atMs, { kind: dir === 'in' ? 'rst_received' : 'rst_sent', ...(dir === 'in' ? { how: 'read' } : {}) });
      this.close(s.atMs, true);
      return;
    }
    // Offsets in the stream, modulo 2^32 from the first byte (a direction past 4 GiB wraps: not read here).
    const offset = (s.seq + (s.syn ? 1 : 0) - d.base) >>> 0;
    if (s.payloadLength > 0) {
      // Bytes the capture cut (snap length) are a gap of their own, after what was captured.
      if (s.payload.length < s.payloadLength) this.gaps.push({ connId: this.connId, dir, offset: offset + s.payload.length, length: s.payloadLength - s.payload.length });
      if (s.payload.length > 0) this.take(dir, offset, s.payload, s.atMs);
    }
    if (s.fin) {
      d.finAt = (offset + s.payloadLength) >>> 0;
      this.deliverWaiting(dir, s.atMs, false);
    }
  }

  /** Bytes at `offset`: delivered if they continue the stream, kept if they come early, dropped if seen. */
  private take(dir: Dir, offset: number, bytes: Uint8Array, atMs: number): void {
    const d = this.dirs[dir];
    if (offset + bytes.length <= d.next) return; // a retransmission of what was delivered
    if (offset > d.next) {
      const held = d.early.get(offset);
      if (!held || held.length < bytes.length) d.early.set(offset, bytes);
      return;
    }
    this.deliver(dir, bytes.subarray(d.next - offset), atMs);
    this.deliverWaiting(dir, atMs, false);
  }

  private deliver(dir: Dir, bytes: Uint8Array, atMs: number): void {
    this.dirs[dir].next += bytes.length;
    this.add(atMs, { kind: 'data', dir, length: bytes.length, bytes: bytes.slice() } as NewEvent);
  }

  /** What waited behind a gap that is filled now; at the end (`force`), past gaps too, each said. */
  deliverWaiting(dir: Dir, atMs: number, force: boolean): void {
    const d = this.dirs[dir];
    for (;;) {
      let progressed = false;
      for (const [offset, bytes] of [...d.early].sort((a, b) => a[0] - b[0])) {
        if (offset + bytes.length <= d.next) d.early.delete(offset);
        else if (offset <= d.next || force) {
          if (offset > d.next) {
            this.gaps.push({ connId: this.connId, dir, offset: d.next, length: offset - d.next });
            d.next = offset;
          }
          d.early.delete(offset);
          this.deliver(dir, bytes.subarray(d.next - offset), atMs);
          progressed = true;
          break;
        }
      }
      if (!progressed) break;
    }
    if (d.finAt !== null && !d.finSeen && (d.next >= d.finAt || force)) {
      d.finSeen = true;
      this.add(atMs, { kind: dir === 'in' ? 'peer_fin' : 'fin_sent' });
      if (this.dirs.in.finSeen && this.dirs.out.finSeen) this.close(atMs, false);
    }
  }

  close(atMs: number, hadError: boolean): void {
    if (this.closed) return;
    this.closed = true;
    this.add(atMs, { kind: 'closed', hadError } as NewEvent);
  }
}

const key = (a: string, ap: number, b: string, bp: number): string => `${a}|${ap}|${b}|${bp}`;

/** The capture's TCP connections in the order they began, and the bytes it did not hold. */
export function reassemble(segments: readonly TcpSegment[]): { connections: CapturedConnection[]; gaps: StreamGap[] } {
  const gaps: StreamGap[] = [];
  const byKey = new Map<string, { conv: Conversation; clientKey: string }>();
  const all: Conversation[] = [];
  for (const s of segments) {
    const forward = key(s.src, s.srcPort, s.dst, s.dstPort);
    let found = byKey.get(forward);
    // A new SYN on a 4-tuple whose connection ended starts a new connection (a reused port).
    if (found && s.syn && !s.ackFlag && found.conv.closed) found = undefined;
    if (!found) {
      // The SYN's sender is the client; without a handshake, the side heard from first.
      const fromClient = s.syn ? !s.ackFlag : true;
      const client: Address = { address: fromClient ? s.src : s.dst, port: fromClient ? s.srcPort : s.dstPort, family: s.family };
      const server: Address = { address: fromClient ? s.dst : s.src, port: fromClient ? s.dstPort : s.srcPort, family: s.family };
      const conv = new Conversation(`p${all.length + 1}`, server, client, s.syn, gaps);
      all.push(conv);
      const clientKey = key(client.address, client.port, server.address, server.port);
      found = { conv, clientKey };
      byKey.set(clientKey, found);
      byKey.set(key(server.address, server.port, client.address, client.port), found);
    }
    found.conv.segment(forward === found.clientKey ? 'in' : 'out', s);
  }
  for (const conv of all) {
    const last = conv.events.at(-1)?.at ?? 0;
    conv.deliverWaiting('in', last, true);
    conv.deliverWaiting('out', last, true);
  }
  return {
    connections: all.map((c) => ({ connId: c.connId, server: c.server, client: c.client, sawSyn: c.sawSyn, events: c.events })),
    gaps,
  };
}
