// The client console over a recording: a tab per connection our client made, following it.
import { describe, expect, it } from 'vitest';
import type { JournalEvent } from '../../shared/contract/contract';
import { parseTarget } from '../../shared/client/target';
import { buildSession } from '../../shared/session/session-file';
import { summaryOfEvents } from '../../shared/session/summary-of-events';
import { totals } from '../store/test-data';
import { recordedClientTabs } from './recorded-client-tabs';

const at = 1_700_000_000_000;
const v4 = (port: number) => ({ address: '127.0.0.1', port, family: 'IPv4' }) as const;
const v6 = (port: number) => ({ address: '::1', port, family: 'IPv6' }) as const;

function conn(connId: string, role: 'client' | 'server', local: ReturnType<typeof v4 | typeof v6>, remote: ReturnType<typeof v4 | typeof v6>, openedAt: number) {
  const events: JournalEvent[] = [{ connId, at: openedAt, seq: 0, t: 0, kind: 'opened', role, local, remote, mono: 0 }];
  return { summary: summaryOfEvents({ connId, role, serverId: role === 'server' ? 's1' : null, local, remote, openedAt }, events), events };
}

const session = (connections: ReturnType<typeof conn>[]) => buildSession({ writer: { host: 'web', version: 't' }, servers: [], totals: totals({ connections: connections.length }), connections });

describe('recordedClientTabs', () => {
  it('one tab per client connection, aimed where it connected, the last made active', () => {
    const tabs = recordedClientTabs(
      session([conn('c1', 'server', v4(9000), v4(50001), at), conn('c2', 'client', v4(50001), v4(9000), at), conn('c3', 'client', v6(50002), v6(8080), at + 5)]),
    );
    expect(tabs?.sessions.map((s) => [s.connId, s.targetText])).toEqual([
      ['c2', '127.0.0.1 9000'],
      ['c3', '::1 8080'],
    ]);
    expect(tabs?.activeSessionId).toBe(tabs?.sessions[1]?.id);
    // The console reads each target back as it would a typed one (IPv6 too).
    for (const s of tabs?.sessions ?? []) expect(parseTarget(s.targetText).ok).toBe(true);
    expect(new Set(tabs?.sessions.map((s) => s.id)).size).toBe(2);
  });

  it('none when our client made no connection (a server recorded, a capture)', () => {
    expect(recordedClientTabs(session([conn('c1', 'server', v4(9000), v4(50001), at)]))).toBeNull();
  });
});
