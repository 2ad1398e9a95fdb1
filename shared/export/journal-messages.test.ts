// connectionMessages on journals written out here (pure data in, messages out): pipelined requests
// split across chunks, interim responses, a payload the journal's budget evicted.
import { describe, expect, it } from 'vitest';
import type { Address, ConnSummary, JournalEvent } from '../contract/contract';
import { connectionMessages, serverEnd } from './journal-messages';

const A: Address = { address: '127.0.0.1', port: 40000, family: 'IPv4' };
const B: Address = { address: '127.0.0.1', port: 9000, family: 'IPv4' };
const ascii = (text: string): Uint8Array<ArrayBuffer> => new Uint8Array(Array.from(text, (c) => c.charCodeAt(0)));
const text = (bytes: Uint8Array): string => String.fromCharCode(...bytes);

/** A server-role journal: each step is [dir, text, t] (a chunk) or 'fin' (the peer's) or 'closed'. */
function journal(steps: ([ 'in' | 'out', string | null, number ] | 'fin' | 'closed')[]): JournalEvent[] {
  const events: JournalEvent[] = [{ connId: 'c1', seq: 0, at: 1_000_000, t: 0, kind: 'opened', role: 'server', local: B, remote: A, mono: 0 }];
  for (const step of steps) {
    const base = { connId: 'c1', seq: events.length };
    if (step === 'fin') events.push({ ...base, at: 1_000_000, t: 0, kind: 'peer_fin' });
    else if (step === 'closed') events.push({ ...base, at: 1_000_000, t: 0, kind: 'closed', hadError: false });
    else {
      const [dir, body, t] = step;
      const length = body === null ? 7 : body.length;
      events.push({ ...base, at: 1_000_000 + t, t, kind: 'data', dir, length, bytes: body === null ? null : ascii(body) });
    }
  }
  return events;
}

const server = { role: 'server' } as const satisfies Pick<ConnSummary, 'role'>;

describe('connectionMessages', () => {
  it('finds pipelined requests across chunks, with the chunks that carried their first and last bytes', () => {
    const events = journal([
      ['in', 'GET /a HTTP/1.1\r\nHost: x\r\n\r\nGET /b HT', 1],
      ['in', 'TP/1.1\r\nHost: x\r\n\r\n', 5],
      ['out', 'HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\na', 8],
      ['out', 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nb\r\n0\r\n\r\n', 9],
      'fin',
      'closed',
    ]);
    const { requests, responses, wholeStreams } = connectionMessages(server, events);
    expect(wholeStreams).toBe(true);
    expect(requests.map((r) => [r.message.target, r.first.t, r.last.t])).toEqual([
      ['/a', 1, 1],
      ['/b', 1, 5],
    ]);
    expect(text((requests[1]?.bytes) ?? new Uint8Array())).toBe('GET /b HTTP/1.1\r\nHost: x\r\n\r\n');
    expect(responses.map((r) => [r.message.status, text(r.content)])).toEqual([
      [100, ''],
      [200, 'a'],
      [200, 'b'],
    ]);
  });

  it('stops at a chunk whose payload was evicted, and says so', () => {
    const events = journal([
      ['in', 'GET /a HTTP/1.1\r\nHost: x\r\n\r\n', 1],
      ['in', null, 2],
      ['in', 'GET /c HTTP/1.1\r\nHost: x\r\n\r\n', 3],
    ]);
    const { requests, wholeStreams } = connectionMessages(server, events);
    expect(wholeStreams).toBe(false);
    expect(requests.map((r) => r.message.target)).toEqual(['/a']);
  });

  it('takes the server end from the side that accepted', () => {
    expect(serverEnd({ role: 'server', local: B, remote: A })).toEqual({ host: '127.0.0.1', port: 9000 });
    expect(serverEnd({ role: 'client', local: A, remote: B })).toEqual({ host: '127.0.0.1', port: 9000 });
  });
});
