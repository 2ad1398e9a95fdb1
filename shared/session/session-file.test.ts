// The session file's text: what is saved comes back exactly (bytes included), and a file that is
// not a session, a newer one, or a damaged one is refused with the code that says which.
import { describe, expect, it } from 'vitest';
import type { ConnSummary, JournalEvent } from '../contract/contract';
import { DEFAULT_SERVER_SETTINGS } from '../server/defaults';
import { buildSession, decodeSession, encodeSession, type SessionFile } from './session-file';

const local = { address: '127.0.0.1', port: 9000, family: 'IPv4' } as const;
const remote = { address: '127.0.0.1', port: 40000, family: 'IPv4' } as const;
const base = { connId: 'c1', at: 1_700_000_000_000 };

const events: JournalEvent[] = [
  { ...base, seq: 0, t: 0, kind: 'opened', role: 'server', local, remote, mono: 5 },
  { ...base, seq: 1, t: 1.5, kind: 'data', dir: 'in', length: 4, bytes: new Uint8Array([0x00, 0x0d, 0x0a, 0xff]) },
  { ...base, seq: 2, t: 2, kind: 'data', dir: 'out', length: 3, bytes: null },
  { ...base, seq: 3, t: 2.5, kind: 'fin_sent' },
  { ...base, seq: 5, t: 3, kind: 'closed', hadError: false },
];
const summary: ConnSummary = {
  connId: 'c1',
  role: 'server',
  serverId: 's1',
  local,
  remote,
  openedAt: base.at,
  bytesIn: 4,
  bytesOut: 3,
  chunksIn: 1,
  chunksOut: 1,
  finReceived: false,
  finSent: true,
  reset: false,
  closed: true,
  payloadEvicted: true,
  firstLines: { in: null, out: null },
  rstCause: null,
};

function session(): SessionFile {
  return buildSession({
    writer: { host: 'cli', version: '0.1.0' },
    servers: [
      {
        serverId: 's1',
        host: '127.0.0.1',
        port: 9000,
        family: 'IPv4',
        listening: true,
        backlog: 5,
        exposed: false,
        settings: DEFAULT_SERVER_SETTINGS,
        responseVersion: 1,
        stats: { accepted: 1, open: 0, queued: [], served: 1 },
      },
    ],
    totals: { connections: 1, bytesIn: 4, bytesOut: 3, storedPayloadBytes: 4, droppedConnections: 0 },
    connections: [{ summary, events }],
    savedAt: 1_700_000_001_000,
  });
}

/** The session's JSON with `change` applied to it, as text again. */
function edited(change: (json: Record<string, unknown>) => void): string {
  const json = JSON.parse(encodeSession(session())) as Record<string, unknown>;
  change(json);
  return JSON.stringify(json);
}

const firstEvents = (json: Record<string, unknown>): Record<string, unknown>[] =>
  (json.connections as { events: Record<string, unknown>[] }[])[0]?.events ?? [];

describe('session file', () => {
  it('comes back exactly as saved: bytes that are not text, evicted payloads, a gap in seq', () => {
    const decoded = decodeSession(encodeSession(session()), 'a.wbsession');
    expect(decoded).toEqual({ ok: true, session: session() });
    if (!decoded.ok) return;
    const chunk = decoded.session.connections[0]?.events[1];
    expect(chunk?.kind === 'data' && chunk.bytes).toEqual(new Uint8Array([0x00, 0x0d, 0x0a, 0xff]));
  });

  it('names what it is and its version, first, for any tool that opens it', () => {
    expect(encodeSession(session())).toMatch(/^\{"format":"wirebench-session","version":1,/);
  });

  it('refuses what is not a session: not JSON, or JSON of another kind', () => {
    for (const text of ['', 'GET / HTTP/1.1', '{"format":"har"}', '[1,2]', 'null']) {
      expect(decodeSession(text, 'x')).toEqual({ ok: false, error: { code: 'session_unreadable', params: { file: 'x' } } });
    }
  });

  it('refuses a newer version by name rather than misreading it', () => {
    const text = edited((json) => (json.version = 2));
    expect(decodeSession(text, 'x')).toEqual({ ok: false, error: { code: 'session_version', params: { file: 'x', version: '2', supported: '1' } } });
  });

  it('says where a damaged file breaks the schema', () => {
    const text = edited((json) => {
      const chunk = firstEvents(json)[1];
      if (chunk) chunk.dir = 'sideways';
    });
    const decoded = decodeSession(text, 'x');
    expect(decoded.ok).toBe(false);
    if (decoded.ok) return;
    expect(decoded.error).toMatchObject({ code: 'session_invalid', params: { where: 'connections[0].events[1].dir' } });
  });

  it("says where it breaks the journal's own rules", () => {
    const cases: [string, (json: Record<string, unknown>) => void, string][] = [
      ['a chunk longer than its bytes', (json) => ((firstEvents(json)[1] as Record<string, unknown>).length = 5), 'connections[0].events[1].bytes'],
      ['seq going back', (json) => ((firstEvents(json)[3] as Record<string, unknown>).seq = 1), 'connections[0].events[3].seq'],
      ["another connection's event", (json) => ((firstEvents(json)[2] as Record<string, unknown>).connId = 'c9'), 'connections[0].events[2].connId'],
      ['no opened first', (json) => firstEvents(json).shift(), 'connections[0].events[0]'],
    ];
    for (const [what, change, where] of cases) {
      const decoded = decodeSession(edited(change), 'x');
      expect(decoded.ok, what).toBe(false);
      if (!decoded.ok) expect(decoded.error.params, what).toMatchObject({ where });
    }
  });
});
