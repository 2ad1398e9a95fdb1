// A sequential server's counters and accept() queue, replayed: as they stood at each step, not as
// they were saved, and exactly as saved once everything is shown.
import { describe, expect, it } from 'vitest';
import type { JournalEvent } from '../../shared/contract/contract';
import { buildSession } from '../../shared/session/session-file';
import { summaryOfEvents } from '../../shared/session/summary-of-events';
import { server, totals } from '../store/test-data';
import { createRecordingBridge } from './recording-bridge';

const local = { address: '127.0.0.1', port: 9000, family: 'IPv4' } as const;
const remote = (port: number) => ({ address: '127.0.0.1', port, family: 'IPv4' }) as const;
const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);
const at = 1_700_000_000_000;

/** Both connections on one clock (mono 100): a is served, b waits for accept() until a closes. */
const a: JournalEvent[] = [
  { connId: 'a', at, seq: 0, t: 0, kind: 'opened', role: 'server', local, remote: remote(50001), mono: 100 },
  { connId: 'a', at, seq: 1, t: 20, kind: 'data', dir: 'in', length: 3, bytes: bytes('GET') },
  { connId: 'a', at, seq: 2, t: 30, kind: 'data', dir: 'out', length: 2, bytes: bytes('ok') },
  { connId: 'a', at, seq: 3, t: 40, kind: 'closed', hadError: false },
];
const b: JournalEvent[] = [
  { connId: 'b', at, seq: 0, t: 10, kind: 'opened', role: 'server', local, remote: remote(50002), mono: 100 },
  { connId: 'b', at, seq: 1, t: 10, kind: 'queued', position: 1 },
  { connId: 'b', at, seq: 2, t: 41, kind: 'dequeued' },
  { connId: 'b', at, seq: 3, t: 42, kind: 'data', dir: 'in', length: 3, bytes: bytes('GET') },
  { connId: 'b', at, seq: 4, t: 43, kind: 'data', dir: 'out', length: 2, bytes: bytes('ok') },
];
const summary = (connId: string, events: JournalEvent[]) =>
  summaryOfEvents({ connId, role: 'server', serverId: 's1', local, remote: remote(50000), openedAt: at }, events);
// Saved while b was still open, served: the saved counters say so.
const saved = server('s1', 9000, true, { stats: { accepted: 2, open: 1, queued: [], served: 2 } });
const session = buildSession({
  writer: { host: 'web', version: 't' },
  servers: [saved],
  totals: totals({ connections: 2 }),
  connections: [
    { summary: summary('a', a), events: a },
    { summary: summary('b', b), events: b },
  ],
});
const noLive = { host: 'web' as const, invoke: () => Promise.reject(new Error('not live')), on: () => () => undefined, onLink: () => () => undefined };

describe('a recording of a sequential server, replayed', () => {
  it('shows its queue and counters as they stood at each step, and as saved at the end', async () => {
    const bridge = createRecordingBridge(noLive, session, 'start');
    const seen: { queued: string[]; open: number; accepted: number; served: number }[] = [];
    bridge.on('server.changed', ({ servers }) => seen.push(servers[0]?.stats ?? { queued: [], open: -1, accepted: -1, served: -1 }));
    const stats = async () => {
      const snap = await bridge.invoke('journal.snapshot', {});
      return snap.ok ? snap.value.servers[0]?.stats : undefined;
    };
    expect(await stats()).toEqual({ accepted: 0, open: 0, queued: [], served: 0 });
    bridge.step(); // a opened
    bridge.step(); // b opened
    bridge.step(); // b queued
    expect(await stats()).toEqual({ accepted: 2, open: 1, queued: ['b'], served: 0 });
    bridge.step(); // a's request
    bridge.step(); // a's answer
    expect(await stats()).toEqual({ accepted: 2, open: 1, queued: ['b'], served: 1 });
    bridge.step(); // a closed
    bridge.step(); // b dequeued
    expect(await stats()).toEqual({ accepted: 2, open: 1, queued: [], served: 1 });
    bridge.toEnd();
    expect(await stats()).toEqual(saved.stats);
    // A step that changes no counter (a's request) sends none.
    expect(seen.map((s) => s.queued.join())).toEqual(['', '', 'b', 'b', 'b', '', '']);
    expect(seen.at(-1)).toEqual(saved.stats);
  });

  it('opened at its end: the servers as saved', async () => {
    const bridge = createRecordingBridge(noLive, session);
    const snap = await bridge.invoke('journal.snapshot', {});
    expect(snap.ok && snap.value.servers).toEqual([saved]);
  });
});
