// Reassembly on segments made by hand: what loopback never shows in a real capture (a segment
// sent twice, one that arrives early, one never captured, one the snap length cut), and the
// round trip through our own pcapng export (shared/capture).
import { describe, expect, it } from 'vitest';
import type { ConnSummary, JournalEvent } from '../contract/contract';
import { journalToPcapng } from '../capture/journal-to-pcapng';
import { captureToSession } from './capture-to-session';
import type { TcpSegment } from './packet-layers';
import { reassemble } from './tcp-streams';

const CLIENT = { address: '10.0.0.1', port: 40000 };
const SERVER = { address: '10.0.0.2', port: 80 };
const ISN_C = 0xfffffff0; // wraps past 2^32 within the first bytes
const ISN_S = 1000;

function seg(from: 'client' | 'server', seq: number, text: string, flags: Partial<Pick<TcpSegment, 'syn' | 'fin' | 'rst' | 'ackFlag'>> = {}, atMs = 0): TcpSegment {
  const [src, dst] = from === 'client' ? [CLIENT, SERVER] : [SERVER, CLIENT];
  const payload = new TextEncoder().encode(text);
  return { atMs, family: 'IPv4', src: src.address, dst: dst.address, srcPort: src.port, dstPort: dst.port, seq: seq >>> 0, ack: 0, syn: false, ackFlag: true, fin: false, rst: false, payload, payloadLength: payload.length, ...flags };
}

const handshake = [seg('client', ISN_C, '', { syn: true, ackFlag: false }), seg('server', ISN_S, '', { syn: true }), seg('client', ISN_C + 1, '')];
const text = (events: readonly JournalEvent[], dir: 'in' | 'out'): string =>
  events.map((e) => (e.kind === 'data' && e.dir === dir && e.bytes ? new TextDecoder().decode(e.bytes) : '')).join('');

describe('reassemble', () => {
  it('puts each direction in sequence order, once: a retransmission adds nothing, an early segment waits', () => {
    const { connections, gaps } = reassemble([
      ...handshake,
      seg('client', ISN_C + 1, 'GET / HT'),
      seg('client', ISN_C + 17, '\r\n'), // early: bytes 16.. before 8..16 came
      seg('client', ISN_C + 1, 'GET / HT'), // sent again
      seg('client', ISN_C + 9, 'TP/1.0\r\n'),
      seg('server', ISN_S + 1, 'HTTP/1.0 200 OK\r\n\r\nhi', { fin: true }),
      seg('client', ISN_C + 19, '', { fin: true }),
    ]);
    expect(gaps).toEqual([]);
    const conn = connections[0];
    expect(conn?.sawSyn).toBe(true);
    expect(conn?.client).toEqual({ ...CLIENT, family: 'IPv4' });
    expect(text(conn?.events ?? [], 'in')).toBe('GET / HTTP/1.0\r\n\r\n');
    expect(text(conn?.events ?? [], 'out')).toBe('HTTP/1.0 200 OK\r\n\r\nhi');
    expect(conn?.events.map((e) => e.kind)).toEqual(['opened', 'data', 'data', 'data', 'data', 'fin_sent', 'peer_fin', 'closed']);
  });

  it('says where bytes are missing: a segment never captured, and one the snap length cut', () => {
    const cut = { ...seg('server', ISN_S + 1, 'HTTP/1.0 200 OK\r\n'), payloadLength: 30 };
    const { connections, gaps } = reassemble([...handshake, seg('client', ISN_C + 1, 'GET '), seg('client', ISN_C + 9, 'HTTP/1.0\r\n\r\n'), cut]);
    expect(gaps).toEqual([
      { connId: 'p1', dir: 'out', offset: 17, length: 13 },
      { connId: 'p1', dir: 'in', offset: 4, length: 4 },
    ]);
    expect(text(connections[0]?.events ?? [], 'in')).toBe('GET HTTP/1.0\r\n\r\n');
  });

  it("an RST from the client is the server's rst_received; a new SYN on the same ports is a new connection", () => {
    const { connections } = reassemble([...handshake, seg('client', ISN_C + 1, 'GET'), seg('client', ISN_C + 4, '', { rst: true }), ...handshake]);
    expect(connections.map((c) => c.events.map((e) => e.kind))).toEqual([['opened', 'data', 'rst_received', 'closed'], ['opened']]);
  });

  it('without the handshake, the side heard from first is the client', () => {
    const { connections } = reassemble([seg('server', 5, 'HTTP/1.0 200 OK\r\n'), seg('client', 9, 'more')]);
    expect(connections[0]).toMatchObject({ sawSyn: false, client: { port: SERVER.port } });
  });
});

describe('our own pcapng export, opened', () => {
  it('gives back the journal it was made from: bytes, FINs, addresses', () => {
    const at = 1_700_000_000_000;
    const local = { address: '127.0.0.1', port: 9000, family: 'IPv4' } as const;
    const remote = { address: '127.0.0.1', port: 51000, family: 'IPv4' } as const;
    const body = new Uint8Array(200_000).map((_, i) => (i * 31) & 0xff);
    const events: JournalEvent[] = [
      { connId: 'c1', seq: 0, at, t: 0, kind: 'opened', role: 'server', local, remote, mono: 0 },
      { connId: 'c1', seq: 1, at, t: 1, kind: 'data', dir: 'in', length: 18, bytes: new TextEncoder().encode('GET / HTTP/1.0\r\n\r\n') },
      { connId: 'c1', seq: 2, at, t: 2, kind: 'data', dir: 'out', length: body.length, bytes: body },
      { connId: 'c1', seq: 3, at, t: 3, kind: 'fin_sent' },
      { connId: 'c1', seq: 4, at, t: 4, kind: 'peer_fin' },
      { connId: 'c1', seq: 5, at, t: 5, kind: 'closed', hadError: false },
    ];
    const summary = { connId: 'c1', role: 'server', serverId: null, local, remote, openedAt: at } as ConnSummary;
    const opened = captureToSession(journalToPcapng([summary], events), 'x.pcapng', 'test');
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    const conn = opened.capture.session.connections[0];
    expect(conn?.summary).toMatchObject({ local, remote, bytesIn: 18, bytesOut: body.length, finSent: true, finReceived: true, closed: true });
    const out = (conn?.events ?? []).flatMap((e) => (e.kind === 'data' && e.dir === 'out' && e.bytes ? [...e.bytes] : []));
    expect(Buffer.from(out).equals(Buffer.from(body))).toBe(true);
    expect(opened.capture.gaps).toEqual([]);
  });

  it('refuses what is not a capture', () => {
    expect(captureToSession(new TextEncoder().encode('GET / HTTP/1.1\r\n\r\n plus some more bytes'), 'x', 'test')).toEqual({ ok: false, error: { code: 'capture_unreadable', params: { file: 'x' } } });
  });
});
