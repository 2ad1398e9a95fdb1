// Copy as: each form names the request by its offset, aims at the connection's server, and says
// null for a request whose bytes are gone. (That the commands send the right bytes is
// shared/export/copy-as.test.ts, run with the real tools, and e2e/export.spec.ts.)
import { describe, expect, it } from 'vitest';
import type { JournalEvent } from '../../../shared/contract/contract';
import { dataEvent, openedEvent, summary } from '../../store/test-data';
import { copyRequestAs, requestAt } from './copy-as-forms';

const FIRST = 'GET /one HTTP/1.1\r\nHost: h.test\r\n\r\n';
const SECOND = 'GET /two HTTP/1.1\r\nHost: h.test\r\n\r\n';
const conn = summary('c1');
// Keep-alive: two requests in one write, as a pipelining client sends them.
const events: JournalEvent[] = [openedEvent('c1'), dataEvent('c1', 1, 'out', FIRST + SECOND), dataEvent('c1', 2, 'in', 'HTTP/1.1 204 No Content\r\n\r\n')];

describe('copyRequestAs', () => {
  it('finds each request of a keep-alive connection by where it starts', () => {
    expect(requestAt(conn, events, 0)?.message.target).toBe('/one');
    expect(requestAt(conn, events, FIRST.length)?.message.target).toBe('/two');
    expect(requestAt(conn, events, 5)).toBeNull();
  });

  it('copies the second request, aimed at the server end (the remote one for our client)', () => {
    const curl = copyRequestAs('curl', conn, events, FIRST.length);
    expect(curl).toContain("'http://127.0.0.1:9000/two'");
    expect(copyRequestAs('nc', conn, events, FIRST.length)).toContain("| nc -N '127.0.0.1' 9000");
    const python = copyRequestAs('python', conn, events, FIRST.length) ?? '';
    expect(python).toContain("b'GET /two HTTP/1.1\\r\\n'");
    expect(python).not.toContain('/one');
  });

  it('aims at our own end for a connection our server accepted (requests come in)', () => {
    const accepted = summary('s1', { role: 'server', local: { address: '127.0.0.1', port: 8080, family: 'IPv4' } });
    const inEvents: JournalEvent[] = [openedEvent('s1'), { ...dataEvent('s1', 1, 'in', FIRST), connId: 's1' }];
    expect(copyRequestAs('nc', accepted, inEvents, 0)).toContain("| nc -N '127.0.0.1' 8080");
  });

  it('gives null when the request’s bytes are no longer stored', () => {
    const evicted = events.map((e) => (e.kind === 'data' ? { ...e, bytes: null } : e));
    expect(copyRequestAs('curl', conn, evicted, 0)).toBeNull();
  });
});
