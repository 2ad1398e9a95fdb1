// A recording played back: its events on one timeline across connections, revealed step by step,
// and read as the engine's journal is read, by what is revealed so far only.
import { describe, expect, it } from 'vitest';
import type { ConnSummary, JournalEvent } from '../contract/contract';
import { freshSummary } from '../contract/conn-summary';
import { buildSession } from './session-file';
import { SessionReplay } from './session-replay';
import { summaryOfEvents } from './summary-of-events';

const at = 1_700_000_000_000;
const server = { address: '127.0.0.1', port: 9000, family: 'IPv4' } as const;
const text = (s: string): Uint8Array => new TextEncoder().encode(s);
/** An event's own fields, kind by kind (a distributive Omit). */
type Body<E = JournalEvent> = E extends unknown ? Omit<E, 'connId' | 'seq' | 'at' | 't'> : never;

/** A server connection opened at `mono` (the engine's clock), with `rest` at their `t`. */
function conn(connId: string, port: number, mono: number, rest: [number, Body][]): { summary: ConnSummary; events: JournalEvent[] } {
  const remote = { address: '127.0.0.1', port, family: 'IPv4' } as const;
  const events = [[0, { kind: 'opened', role: 'server', local: server, remote, mono }] as const, ...rest].map(
    ([t, e], seq) => ({ ...e, connId, seq, at: at + mono + t, t }),
  );
  const summary = summaryOfEvents({ connId, role: 'server', serverId: 's1', local: server, remote, openedAt: at + mono }, events);
  return { summary, events };
}

const first = conn('c1', 50001, 0, [
  [1, { kind: 'data', dir: 'in', length: 4, bytes: text('GET ') }],
  [5, { kind: 'data', dir: 'in', length: 12, bytes: text('/ HTTP/1.0\r\n') }],
  [6, { kind: 'data', dir: 'out', length: 8, bytes: text('HTTP/1.0') }],
  [7, { kind: 'fin_sent' }],
  [9, { kind: 'closed', hadError: false }],
]);
const second = conn('c2', 50002, 3, [
  [1, { kind: 'data', dir: 'in', length: 3, bytes: null }],
  [2, { kind: 'rst_received', how: 'read' }],
]);
const session = () =>
  buildSession({
    writer: { host: 'cli', version: 't' },
    servers: [],
    totals: { connections: 2, bytesIn: 19, bytesOut: 8, storedPayloadBytes: 24, droppedConnections: 0 },
    connections: [first, second],
  });

describe('SessionReplay', () => {
  it('puts every connection on one timeline by the engine clock, and times each event from the first', () => {
    const replay = new SessionReplay(session());
    expect(replay.length).toBe(9);
    const order: string[] = [];
    for (let i = 1; i <= replay.length; i++) order.push(...replay.revealTo(i).events.map((e) => `${e.connId}:${e.kind}`));
    expect(order).toEqual(['c1:opened', 'c1:data', 'c2:opened', 'c2:data', 'c1:data', 'c2:rst_received', 'c1:data', 'c1:fin_sent', 'c1:closed']);
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8].map((i) => replay.timeOf(i))).toEqual([0, 1, 3, 4, 5, 5, 6, 7, 9]);
  });

  it('reveals forward only; each step says which connections changed and how they stand', () => {
    const replay = new SessionReplay(session());
    const step = replay.revealTo(4);
    expect(step.events.map((e) => e.seq)).toEqual([0, 1, 0, 1]);
    expect(step.conns.map((c) => [c.connId, c.bytesIn, c.closed])).toEqual([
      ['c1', 4, false],
      ['c2', 3, false],
    ]);
    expect(step.totals).toMatchObject({ connections: 2, bytesIn: 7, bytesOut: 0 });
    expect(replay.revealTo(2).events).toEqual([]); // backwards is no step
    expect(replay.position).toBe(4);
  });

  it('answers as the journal would, from what is revealed: snapshot, events from a seq, byte ranges', () => {
    const replay = new SessionReplay(session());
    expect(replay.snapshot().conns).toEqual([]);
    expect(replay.eventsFrom('c1')).toBeUndefined();
    replay.revealTo(5);
    expect(replay.snapshot().conns.map((c) => c.connId)).toEqual(['c1', 'c2']);
    expect(replay.eventsFrom('c1', 1)?.map((e) => e.seq)).toEqual([1, 2]);
    expect(new TextDecoder().decode(replay.payload('c1', 'in', 2, 6)?.bytes ?? new Uint8Array())).toBe('T / HT');
    expect(replay.payload('c2', 'in', 0, 3)).toEqual({ bytes: null, evicted: true });
    expect(replay.payload('c9', 'in', 0, 3)).toBeUndefined();
  });

  it('at the end, every summary is the one saved, and the snapshot the whole session', () => {
    const replay = new SessionReplay(session());
    const end = replay.revealTo(replay.length);
    expect(end.conns).toEqual([first.summary, second.summary]);
    expect(replay.snapshot().conns).toEqual([first.summary, second.summary]);
    expect(first.summary).toMatchObject({ finSent: true, closed: true, firstLines: { in: 'GET / HTTP/1.0', out: 'HTTP/1.0' } });
    expect(second.summary).toMatchObject({ reset: true, rstCause: 'mid_exchange' });
    expect(freshSummary({ ...first.summary })).toMatchObject({ bytesIn: 0, closed: false });
  });
});
