// `serve` says why a client's RST came; it keeps each connection's facts only while it is open.
import { describe, expect, it } from 'vitest';
import type { JournalEvent } from '../../shared/contract/contract';
import { RstReasons } from './rst-reasons';

const ends = { local: { address: '127.0.0.1', port: 9000, family: 'IPv4' as const }, remote: { address: '127.0.0.1', port: 50000, family: 'IPv4' as const } };
const ev = (connId: string, seq: number, body: Record<string, unknown>): JournalEvent => ({ connId, seq, at: seq, t: seq, ...body }) as JournalEvent;

describe('RstReasons', () => {
  it('names the reason at the RST, per connection, and forgets a connection once closed', () => {
    const reasons = new RstReasons('server');
    const seen = [
      ev('c1', 0, { kind: 'opened', role: 'server', ...ends, mono: 0 }),
      ev('c2', 0, { kind: 'opened', role: 'server', ...ends, mono: 0 }),
      ev('c1', 1, { kind: 'peer_fin' }),
      ev('c1', 2, { kind: 'data', dir: 'out', length: 1, bytes: null }),
      ev('c2', 1, { kind: 'rst_received', how: 'read' }),
      ev('c1', 3, { kind: 'rst_received', how: 'kernel' }),
      ev('c1', 4, { kind: 'closed', hadError: false }),
      ev('c2', 2, { kind: 'error', code: 'ECONNRESET' }),
      ev('c2', 3, { kind: 'closed', hadError: true }),
      ev('c1', 5, { kind: 'tcp_state', state: 'CLOSED', timerMs: null }),
    ].map((e) => reasons.see(e));
    expect(seen).toEqual([null, null, null, null, 'rst.server.before_data', 'rst.server.sent_after_fin', null, null, null, null]);
    expect(reasons.size).toBe(0);
  });
});
