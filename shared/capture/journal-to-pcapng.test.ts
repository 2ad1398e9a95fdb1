import { describe, expect, it } from 'vitest';
import type { Address, ConnSummary, JournalEvent } from '../contract/contract';
import { journalToPcapng } from './journal-to-pcapng';

const v4 = (port: number): Address => ({ address: '127.0.0.1', port, family: 'IPv4' });

interface Conn {
  summary: ConnSummary;
  events: JournalEvent[];
}

/** A closed connection: opened at wall `at` / monotonic `mono`, one chunk each way. */
function conn(connId: string, role: 'server' | 'client', local: Address, remote: Address, at: number, mono: number): Conn {
  const base = { connId, at };
  const events: JournalEvent[] = [
    { ...base, seq: 0, t: 0, kind: 'opened', role, local, remote, mono },
    { ...base, seq: 1, t: 1.5, at: at + 1, kind: 'data', dir: 'in', length: 2, bytes: Uint8Array.of(1, 2) },
    { ...base, seq: 2, t: 2.25, at: at + 2, kind: 'data', dir: 'out', length: 3, bytes: Uint8Array.of(3, 4, 5) },
  ];
  // Only what the export reads: the summary's other fields are for the views.
  const summary = {
    connId, role, serverId: null, local, remote, openedAt: at, bytesIn: 2, bytesOut: 3, chunksIn: 1, chunksOut: 1,
    finReceived: false, finSent: false, reset: false, closed: true, payloadEvicted: false,
  } as ConnSummary;
  return { summary, events };
}

interface Epb {
  ts: bigint;
  frame: Uint8Array;
  originalLength: number;
}

/** The file's blocks: each EPB's timestamp, frame and original length; the IDB's if_tsresol. */
function readFile(file: Uint8Array): { epbs: Epb[]; types: number[] } {
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const epbs: Epb[] = [];
  const types: number[] = [];
  for (let at = 0; at < file.length; at += view.getUint32(at + 4, true)) {
    const type = view.getUint32(at, true);
    types.push(type);
    if (type !== 6) continue;
    const ts = (BigInt(view.getUint32(at + 12, true)) << 32n) | BigInt(view.getUint32(at + 16, true));
    const captured = view.getUint32(at + 20, true);
    epbs.push({ ts, frame: file.subarray(at + 28, at + 28 + captured), originalLength: view.getUint32(at + 24, true) });
  }
  return { epbs, types };
}

const export_ = (conns: Conn[], options = {}) =>
  readFile(journalToPcapng(conns.map((c) => c.summary), conns.flatMap((c) => c.events), options));
const portsOf = (frame: Uint8Array): number => new DataView(frame.buffer, frame.byteOffset).getUint16(14 + 20);

describe('journalToPcapng', () => {
  it('one SHB, one IDB, then the frames; times are opened.at + t, to the nanosecond by default', () => {
    const { epbs, types } = export_([conn('c1', 'server', v4(9000), v4(40000), 1_765_000_000_123, 10)]);
    expect(types.slice(0, 2)).toEqual([0x0a0d0d0a, 1]);
    expect(types.slice(2).every((t) => t === 6)).toBe(true);
    expect(epbs[0]?.ts).toBe(1_765_000_000_123_000_000n);
    expect(epbs[3]?.ts).toBe(1_765_000_000_124_500_000n); // the first chunk, t = 1.5 ms
    expect(epbs.at(-1)?.ts).toBe(1_765_000_000_125_250_000n);
  });

  it('microseconds on request', () => {
    const { epbs } = export_([conn('c1', 'server', v4(9000), v4(40000), 1_765_000_000_123, 10)], { tsresol: 6 });
    expect(epbs[3]?.ts).toBe(1_765_000_000_124_500n);
  });

  it("connections of one engine are placed by the monotonic clock, beside each other's frames", () => {
    // c2 opened 0.4 ms after c1 by performance.now(); its Date.now() reading had ticked to the next ms.
    const c1 = conn('c1', 'server', v4(9000), v4(40001), 1_765_000_000_000, 100.3);
    const c2 = conn('c2', 'server', v4(9000), v4(40002), 1_765_000_000_001, 100.7);
    const { epbs } = export_([c2, c1]);
    expect(epbs.map((e) => e.ts).every((t, i, all) => i === 0 || (all[i - 1] as bigint) <= t)).toBe(true);
    const firstOf = (port: number) => epbs.find((e) => portsOf(e.frame) === port)?.ts;
    expect(firstOf(40002)).toBe(1_765_000_000_000_400_000n);
    // A connection whose clocks disagree with the others' (another engine) keeps its own `at`.
    const c3 = conn('c3', 'server', v4(9000), v4(40003), 1_765_000_100_000, 100.9);
    expect(export_([c1, c3]).epbs.find((e) => portsOf(e.frame) === 40003)?.ts).toBe(1_765_000_100_000_000_000n);
  });

  it('our client and our server journaling one connection: its frames once', () => {
    const server = conn('c1', 'server', v4(9000), v4(40000), 1_765_000_000_000, 100);
    const client = conn('c2', 'client', v4(40000), v4(9000), 1_765_000_000_000, 100.1);
    const both = export_([client, server]);
    expect(both.epbs.length).toBe(export_([server]).epbs.length);
    expect(new Set(both.epbs.map((e) => portsOf(e.frame)))).toEqual(new Set([40000, 9000]));
  });

  it('a dual-stack listener reports ::ffff:127.0.0.1: the frames are IPv4', () => {
    const mapped = (port: number): Address => ({ address: '::ffff:127.0.0.1', port, family: 'IPv6' });
    const { epbs } = export_([conn('c1', 'server', mapped(9000), mapped(40000), 1_765_000_000_000, 1)]);
    expect(Array.from(epbs[0]?.frame.subarray(12, 14) ?? [])).toEqual([0x08, 0x00]);
  });

  it('the MSS may be chosen: a 3-byte chunk with mss 2 is two segments', () => {
    const { epbs } = export_([conn('c1', 'server', v4(9000), v4(40000), 1_765_000_000_000, 1)], { mss: 2 });
    const lengths = epbs.map((e) => e.originalLength - 54);
    expect(lengths).toEqual([8, 8, 0, 2, 0, 2, 1, 0]); // SYN options (8), ACK, data, ACK, 2 + 1, ACK
  });
});
