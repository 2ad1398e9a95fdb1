import { describe, expect, it } from 'vitest';
import type { JournalEvent } from '../contract/contract';
import { synthesizeConversation, type SynthPacket } from './tcp-conversation';
import { TCP_FLAGS } from './wire-numbers';

const A = { address: '127.0.0.1', port: 9000, family: 'IPv4' } as const;
const B = { address: '127.0.0.1', port: 40000, family: 'IPv4' } as const;
type Body = JournalEvent extends infer E ? (E extends JournalEvent ? Omit<E, 'connId' | 'seq' | 'at'> : never) : never;

/** A journal from its events' bodies: seq in order (or as given), at = 1000 + t. */
function journal(bodies: Body[], seqs?: number[]): JournalEvent[] {
  return bodies.map((b, i) => ({ ...b, connId: 'c1', seq: seqs?.[i] ?? i, at: 1000 + b.t }));
}
const opened = (role: 'server' | 'client'): Body => ({ kind: 'opened', role, local: A, remote: B, t: 0, mono: 50 });
const data = (dir: 'in' | 'out', text: string | number, t: number, stored = true): Body => {
  const bytes = typeof text === 'number' ? new Uint8Array(text).fill(0x61) : Uint8Array.from(text, (c) => c.charCodeAt(0));
  return { kind: 'data', dir, length: bytes.length, bytes: stored ? bytes : null, t };
};

const F = TCP_FLAGS;
/** Each packet as `L|R FLAGS len`: who sent it (local, remote), its flags, its payload length. */
function shape(packets: readonly SynthPacket[]): string[] {
  const names: Array<[number, string]> = [[F.SYN, 'S'], [F.FIN, 'F'], [F.RST, 'R'], [F.PSH, 'P'], [F.ACK, '.']];
  return packets.map((p) => `${p.fromLocal ? 'L' : 'R'} ${names.filter(([bit]) => p.segment.flags & bit).map(([, n]) => n).join('')} ${p.segment.length}`);
}

/** Every packet's seq is where its sender's stream is, and its ack is where the other's is (RFC 9293 section 3.4). */
function expectConsistent(packets: readonly SynthPacket[]): void {
  const next = new Map<boolean, number>();
  for (const p of packets) {
    const s = p.segment;
    const mine = next.get(p.fromLocal);
    if (mine !== undefined) expect(s.seq).toBe(mine);
    const theirs = next.get(!p.fromLocal);
    if (s.flags & F.ACK && theirs !== undefined) expect(s.ack).toBe(theirs);
    next.set(p.fromLocal, (s.seq + s.length + (s.flags & (F.SYN | F.FIN) ? 1 : 0)) >>> 0);
  }
}

const synth = (events: JournalEvent[], role: 'server' | 'client' = 'server', mss = 65495, totals: { in: number; out: number } | null = null) =>
  synthesizeConversation({ connId: 'c1', role, events, totals, mss });

describe('synthesizeConversation', () => {
  it("L1 as the server journals it: the peer's SYN, our answer, our FIN first, then the peer's", () => {
    const packets = synth(journal([opened('server'), data('in', 'GET /\r\n\r\n', 1), data('out', 'HTTP/1.0 200 OK\r\n\r\nhi', 2), { kind: 'fin_sent', t: 3 }, { kind: 'peer_fin', t: 4 }, { kind: 'closed', hadError: false, t: 4 }]));
    expect(shape(packets)).toEqual(['R S 0', 'L S. 0', 'R . 0', 'R P. 9', 'L . 0', 'L P. 21', 'R . 0', 'L F. 0', 'R . 0', 'R F. 0', 'L . 0']);
    expectConsistent(packets);
    expect(packets.map((p) => p.t)).toEqual([0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4]);
    expect(Array.from(packets[0]?.segment.options ?? [])).toEqual([2, 4, 0xff, 0xd7, 1, 3, 3, 7]);
  });

  it('the client role sends the SYN from our end', () => {
    expect(shape(synth(journal([opened('client')]), 'client'))).toEqual(['L S 0', 'R S. 0', 'L . 0']);
  });

  it('a chunk larger than the MSS: segments of at most MSS, PSH on the last, an ACK after every second', () => {
    const packets = synth(journal([opened('server'), data('out', 45, 1)]), 'server', 10);
    expect(shape(packets).slice(3)).toEqual(['L . 10', 'L . 10', 'R . 0', 'L . 10', 'L . 10', 'R . 0', 'L P. 5', 'R . 0']);
    expectConsistent(packets);
  });

  it('an RST: no ACK before it for the data it answers, and none after', () => {
    const packets = synth(journal([opened('client'), data('out', 'late line\r\n', 1), { kind: 'rst_received', how: 'write', t: 2 }, { kind: 'error', code: 'EPIPE', t: 2 }, data('out', 'x', 3)]), 'client');
    expect(shape(packets).slice(3)).toEqual(['L P. 11', 'R R. 0', 'L P. 1']);
    expectConsistent(packets);
  });

  it('our RST after our answer: the peer has ACKed the answer, then nothing more', () => {
    const packets = synth(journal([opened('server'), data('in', 'GET /\r\n\r\n', 1), data('out', 'HTTP/1.1 200 OK\r\n\r\n', 2), { kind: 'rst_sent', t: 2 }, { kind: 'closed', hadError: false, t: 2 }]));
    expect(shape(packets).slice(3)).toEqual(['R P. 9', 'L . 0', 'L P. 19', 'R . 0', 'L R. 0']);
  });

  it('a payload evicted by the byte budget: its segments carry no bytes, and say why', () => {
    const packets = synth(journal([opened('server'), data('in', 'GET /\r\n\r\n', 1, false)]));
    expect(packets[3]?.segment).toMatchObject({ length: 9, payload: null });
    expect(packets[3]?.comments).toEqual(['9 payload bytes no longer kept by the journal (its byte budget): headers only']);
  });

  it('events dropped by the event cap: the sequence numbers skip their bytes, and the next packet says so', () => {
    // Kept: opened (0), then events 5 on; the summary counts 100 bytes in and 40 out in all.
    const events = journal([opened('server'), data('in', 'last', 5), { kind: 'fin_sent', t: 6 }], [0, 5, 6]);
    const packets = synth(events, 'server', 65495, { in: 104, out: 40 });
    const first = packets[3];
    expect(first?.comments).toEqual(['journal events 1-4 are no longer kept: 40 bytes sent and 100 received in them are missing here']);
    const handshakeAck = packets[2]?.segment;
    expect(first?.segment.seq).toBe(((handshakeAck?.seq ?? 0) + 100) >>> 0);
    expect(packets[5]?.segment.seq).toBe(((packets[1]?.segment.seq ?? 0) + 1 + 40) >>> 0); // our FIN after the 40 bytes
  });

  it('times never go back, even if a journal did', () => {
    const packets = synth(journal([opened('server'), data('in', 'a', 5), data('out', 'b', 4)]));
    expect(packets.map((p) => p.t)).toEqual([0, 0, 0, 5, 5, 5, 5]);
  });
});

describe('synthesizeConversation, a gap of events that carried no bytes', () => {
  it('changes nothing on the wire and says nothing', () => {
    const events = journal([opened('server'), data('in', 'ab', 5)], [0, 9]);
    const packets = synth(events, 'server', 65495, { in: 2, out: 0 });
    expect(packets[3]?.comments).toEqual([]);
    expectConsistent(packets);
  });
});
