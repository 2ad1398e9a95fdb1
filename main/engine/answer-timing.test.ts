// When the server answers (shared/server/settings.ts AnswerWhen): on the first chunk, at the end
// of the request, or at the client's FIN, against python clients that send in pieces and pause,
// checking that nothing arrives before the trigger, and netcat's -N (FIN after stdin's EOF).
import { afterEach, describe, expect, it } from 'vitest';
import { L1_HELLO_WORLD } from '../../shared/server/presets';
import { EngineProbe, kinds, notes, payload, wireKinds } from '../host/testing/engine-probe';
import { counts, run, runScript } from './testing/peers';

const L1 = Buffer.from(L1_HELLO_WORLD.bytes);

let probe: EngineProbe;
afterEach(async () => {
  await probe.engine.close();
});

const HEAD = 'POST /form HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n';

describe('answering', () => {
  it('request_end: waits for the whole Content-Length body, however it is split', async () => {
    probe = new EngineProbe();
    const { port } = await probe.startServer({ answerWhen: 'request_end' });
    const client = await runScript(port, [
      ['send', HEAD],
      ['quiet', 0.15],
      ['send', 'name='],
      ['quiet', 0.15],
      ['send', 'alice'],
      ['read_all'],
    ]);
    expect(counts(client.stderr)).toMatchObject({ early: 0, received: L1.length });
    expect(client.stdout.equals(L1)).toBe(true);
    const conn = await probe.serverConn();
    const events = await probe.waitForKind(conn.connId, 'closed');
    expect(kinds(events).slice(0, 7)).toEqual([
      'opened',
      'data in',
      'data in',
      'data in',
      'note request_complete',
      'data out',
      'note answered',
    ]);
    expect(notes(events)[0]).toBe(`request_complete length=${HEAD.length + 10}`);
  });

  it('request_end: waits for the last chunk of a chunked body and its trailer section', async () => {
    probe = new EngineProbe();
    const { port } = await probe.startServer({ answerWhen: 'request_end' });
    const head = 'POST /up HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n';
    const client = await runScript(port, [
      ['send', head + '5\r\nhel'],
      ['quiet', 0.1],
      ['send', 'lo\r\n0\r\n'],
      ['quiet', 0.1],
      ['send', '\r\n'],
      ['read_all'],
    ]);
    expect(counts(client.stderr)).toMatchObject({ early: 0, received: L1.length });
    const conn = await probe.serverConn();
    const events = await probe.waitForKind(conn.connId, 'closed');
    expect(notes(events)[0]).toBe(`request_complete length=${head.length + 15}`);
  });

  it('request_end: answers at once what cannot be a request (binary garbage), saying why', async () => {
    probe = new EngineProbe();
    const { port } = await probe.startServer({ answerWhen: 'request_end' });
    const client = await runScript(port, [['send', '\x16\x03\x01\x02\x00\x01\x00'], ['read_all']]);
    expect(client.stdout.equals(L1)).toBe(true);
    const conn = await probe.serverConn();
    const events = await probe.waitForKind(conn.connId, 'closed');
    expect(notes(events)[0]).toBe('request_invalid reason=bad_request_line');
    expect(kinds(events).slice(0, 4)).toEqual(['opened', 'data in', 'note request_invalid', 'data out']);
  });

  it('request_end: a client that sends its FIN mid-request gets what arrived answered', async () => {
    probe = new EngineProbe();
    const { port } = await probe.startServer({ answerWhen: 'request_end' });
    const client = await runScript(port, [['send', 'GET / HTTP/1.1\r\nHost: x\r\n'], ['quiet', 0.15], ['shut_wr'], ['read_all']]);
    expect(counts(client.stderr)).toMatchObject({ early: 0, received: L1.length });
    const conn = await probe.serverConn();
    const events = await probe.waitForKind(conn.connId, 'closed');
    expect(kinds(events).slice(0, 5)).toEqual(['opened', 'data in', 'peer_fin', 'note request_invalid', 'data out']);
    expect(notes(events)[0]).toBe('request_invalid reason=incomplete');
  });

  it("first_chunk: answers the first chunk, like the lessons' single recv(), even if incomplete", async () => {
    probe = new EngineProbe();
    const { port } = await probe.startServer({ answerWhen: 'first_chunk', after: 'half_close' });
    const client = await runScript(port, [['send', 'GET / HT'], ['quiet', 0.3], ['send', 'TP/1.1\r\n\r\n'], ['read_all']]);
    expect(counts(client.stderr)).toMatchObject({ early: L1.length, received: 0 });
    const conn = await probe.serverConn();
    const events = await probe.waitForKind(conn.connId, 'closed');
    // The rest still arrives after our FIN, and is journaled: the half-close leaves reading open.
    expect(wireKinds(events)).toEqual(['opened', 'data in', 'data out', 'fin_sent', 'data in', 'peer_fin', 'closed']);
  });

  it('peer_fin: answers only once the client half-closes, with everything it sent', async () => {
    probe = new EngineProbe();
    const { port } = await probe.startServer({ answerWhen: 'peer_fin' });
    const request = 'GET / HTTP/1.1\r\nHost: x\r\n\r\n';
    const client = await runScript(port, [['send', request], ['quiet', 0.3], ['shut_wr'], ['read_all']]);
    expect(counts(client.stderr)).toMatchObject({ early: 0, received: L1.length });
    const conn = await probe.serverConn();
    const events = await probe.waitForKind(conn.connId, 'closed');
    // The client's FIN is in already, so the answer's FIN is the second hang-up: release at once.
    expect(kinds(events)).toEqual(['opened', 'data in', 'peer_fin', 'data out', 'note answered', 'fin_sent', 'closed']);
    expect(payload(events, 'in').toString('latin1')).toBe(request);
  });

  it('peer_fin: netcat -N (FIN at the end of its input) gets the answer', async () => {
    probe = new EngineProbe();
    const { port } = await probe.startServer({ answerWhen: 'peer_fin' });
    const nc = await run('sh', ['-c', `printf 'GET / HTTP/1.0\\r\\n\\r\\n' | nc -N 127.0.0.1 ${port}`]);
    expect(nc.code).toBe(0);
    expect(nc.stdout.equals(L1)).toBe(true);
    const conn = await probe.serverConn();
    const events = await probe.waitForKind(conn.connId, 'closed');
    expect(wireKinds(events)).toEqual(['opened', 'data in', 'peer_fin', 'data out', 'fin_sent', 'closed']);
  });

  it('keep_alive: two requests in one chunk get two answers, in order', async () => {
    probe = new EngineProbe();
    const { port } = await probe.startServer({ answerWhen: 'request_end', after: 'keep_alive', responder: { kind: 'echo' } });
    const first = 'GET /a HTTP/1.1\r\nHost: x\r\n\r\n';
    const second = 'GET /b HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n';
    const client = await runScript(port, [['send', first + second], ['read_all']]);
    // Echo: each answer's body is its own request, so the order shows.
    const echoed = client.stdout.toString('latin1');
    const bodyA = echoed.indexOf(`\r\n\r\n${first}`);
    const bodyB = echoed.indexOf(`\r\n\r\n${second}`);
    expect(bodyA).toBeGreaterThan(0);
    expect(bodyB).toBeGreaterThan(bodyA + first.length);
    expect(echoed.match(/HTTP\/1\.1 200 OK/g)).toHaveLength(2);
    const conn = await probe.serverConn();
    const events = await probe.waitForKind(conn.connId, 'closed');
    expect(kinds(events)).toEqual([
      'opened',
      'data in', // both requests, one chunk
      'note request_complete',
      'data out', // head
      'data out', // body
      'note answered',
      'note keep_alive_waiting',
      'note request_complete',
      'data out',
      'data out',
      'note answered',
      'note keep_alive_declined', // the second said Connection: close
      'note waiting_for_fin',
      'fin_sent',
      'peer_fin',
      'closed',
    ]);
    expect(notes(events).filter((n) => n.startsWith('request_complete'))).toEqual([
      `request_complete length=${first.length}`,
      `request_complete length=${second.length}`,
    ]);
  });
});
