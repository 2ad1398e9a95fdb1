// The server's timeouts: a silent or slow client cannot hold it forever, and every timeout is a
// journal event before the close, never a silent one. Small values (200 ms) keep the tests quick;
// what is asserted are lower bounds (timers never fire early) and the order of events.
import { afterEach, describe, expect, it } from 'vitest';
import type { JournalEvent } from '../../shared/contract/contract';
import { L1_HELLO_WORLD } from '../../shared/server/presets';
import { EngineProbe, kinds, wireKinds } from '../host/testing/engine-probe';
import { counts, runScript, startScript } from './testing/peers';

const L1 = Buffer.from(L1_HELLO_WORLD.bytes);
const MS = 200;

let probe: EngineProbe;
afterEach(async () => {
  await probe.engine.close();
});

function timeoutOf(events: JournalEvent[]): Extract<JournalEvent, { kind: 'timeout' }> {
  const found = events.find((e) => e.kind === 'timeout');
  if (found?.kind !== 'timeout') throw new Error('no timeout event');
  return found;
}

const lastIn = (events: JournalEvent[]): number =>
  events.filter((e) => e.kind === 'data' && e.dir === 'in' && e.seq < timeoutOf(events).seq).at(-1)?.t ?? 0;

/**
 * The events' kinds without the client's bytes that came after the timeout: a byte the script
 * sent as the timer fired (under load, its sleeps stretch) can be read before our FIN has left,
 * which is true of the wire and not what these tests are about.
 */
const kindsAfterTimeoutUnread = (events: JournalEvent[]): string[] => {
  const at = timeoutOf(events).seq;
  return kinds(events.filter((e) => !(e.kind === 'data' && e.dir === 'in' && e.seq > at)));
};

describe('timeouts', () => {
  it('header: a request whose end never comes is closed headerTimeoutMs after accept', async () => {
    probe = new EngineProbe();
    const { port } = await probe.startServer({ answerWhen: 'request_end', headerTimeoutMs: MS, idleTimeoutMs: 0 });
    // A byte every 50 ms keeps the connection busy, but never finishes the head.
    const slow: ['send', string][] = 'Host: x\r\nX: 123'.split('').map((ch) => ['send', ch]);
    const client = await runScript(port, [
      ['send', 'GET / HTTP/1.1\r\n'],
      ...slow.flatMap((s) => [s, ['sleep', 0.05] as ['sleep', number]]),
      ['read_all'],
    ]);
    // Closed on it before it was done: a later send fails, or the read sees EOF at once.
    expect(counts(client.stderr)).toMatchObject({ early: 0, received: 0 });
    const conn = await probe.serverConn();
    const events = await probe.waitForKind(conn.connId, 'closed');
    const timeout = timeoutOf(events);
    expect(timeout).toMatchObject({ which: 'header', ms: MS });
    expect(timeout.t).toBeGreaterThanOrEqual(MS);
    expect(kindsAfterTimeoutUnread(events).slice(-3)).toEqual(['timeout header', 'fin_sent', 'closed']);
    expect((await probe.conn(conn.connId)).bytesOut).toBe(0);
  });

  it('idle: no byte for idleTimeoutMs closes; each byte restarts the count', async () => {
    probe = new EngineProbe();
    const { port } = await probe.startServer({ answerWhen: 'request_end', headerTimeoutMs: 0, idleTimeoutMs: MS });
    const dribble: ['send', string][] = 'GET / HTT'.split('').map((ch) => ['send', ch]);
    const client = await runScript(port, [...dribble.flatMap((s) => [s, ['sleep', 0.1] as ['sleep', number]]), ['read_all']]);
    expect(counts(client.stderr).received).toBe(0);
    const conn = await probe.serverConn();
    const events = await probe.waitForKind(conn.connId, 'closed');
    const timeout = timeoutOf(events);
    expect(timeout).toMatchObject({ which: 'idle', ms: MS });
    // Nine bytes 100 ms apart did not time out; the silence after the last one did.
    expect(lastIn(events)).toBeGreaterThanOrEqual(800);
    expect(timeout.t - lastIn(events)).toBeGreaterThanOrEqual(MS - 1);
    expect(kindsAfterTimeoutUnread(events).slice(-3)).toEqual(['timeout idle', 'fin_sent', 'closed']);
  });

  it('idle: a client that connects and says nothing', async () => {
    probe = new EngineProbe();
    const { port } = await probe.startServer({ idleTimeoutMs: MS });
    const client = await runScript(port, [['read_all']]);
    expect(client.code).toBe(0);
    const conn = await probe.serverConn();
    const events = await probe.waitForKind(conn.connId, 'closed');
    expect(kinds(events)).toEqual(['opened', 'timeout idle', 'fin_sent', 'closed']);
    expect(timeoutOf(events).t).toBeGreaterThanOrEqual(MS);
  });

  it('idle: ends a hang', async () => {
    probe = new EngineProbe();
    const { port } = await probe.startServer({ after: 'hang', idleTimeoutMs: MS });
    const client = await runScript(port, [['send', 'GET / HTTP/1.1\r\n\r\n'], ['read_all']]);
    expect(counts(client.stderr).received).toBe(0);
    const conn = await probe.serverConn();
    const events = await probe.waitForKind(conn.connId, 'closed');
    expect(kinds(events).slice(0, 5)).toEqual(['opened', 'data in', 'note hanging', 'timeout idle', 'fin_sent']);
  });

  it("fin_wait: a client that never sends its FIN is let go halfCloseWaitMs after ours", async () => {
    probe = new EngineProbe();
    const { port } = await probe.startServer({ after: 'half_close', halfCloseWaitMs: MS });
    const client = startScript(port, [['send', 'GET / HTTP/1.1\r\n\r\n'], ['wait_stdin'], ['read_all']]);
    const conn = await probe.serverConn();
    const events = await probe.waitForKind(conn.connId, 'closed');
    client.proceed();
    const seen = await client.done;
    expect(seen.stdout.equals(L1)).toBe(true); // the answer and our FIN were out before
    expect(counts(seen.stderr).reset).toBe(0);
    expect(wireKinds(events)).toEqual(['opened', 'data in', 'data out', 'fin_sent', 'timeout fin_wait', 'closed']);
    const fin = events.find((e) => e.kind === 'fin_sent');
    expect(timeoutOf(events).t - (fin?.t ?? 0)).toBeGreaterThanOrEqual(MS - 1);
  });

  it('header, under keep-alive: counted from the previous answer', async () => {
    probe = new EngineProbe();
    const bytes = new TextEncoder().encode('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok');
    const { port } = await probe.startServer({
      after: 'keep_alive',
      answerWhen: 'request_end',
      headerTimeoutMs: MS,
      responder: { kind: 'canned', bytes },
    });
    const client = await runScript(port, [['sleep', 0.15], ['send', 'GET / HTTP/1.1\r\nHost: x\r\n\r\n'], ['read_all']]);
    expect(client.stdout.toString('latin1')).toBe('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok');
    const conn = await probe.serverConn();
    const events = await probe.waitForKind(conn.connId, 'closed');
    expect(kinds(events).slice(-4)).toEqual(['note keep_alive_waiting', 'timeout header', 'fin_sent', 'closed']);
    const answered = events.find((e) => e.kind === 'data' && e.dir === 'out');
    // The first request came 150 ms after accept, within the limit; the next was waited for anew.
    expect(timeoutOf(events).t - (answered?.t ?? 0)).toBeGreaterThanOrEqual(MS - 1);
  });
});
