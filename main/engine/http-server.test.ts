// The skeleton's server against real clients: curl, and lesson L1's python client.
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { L1_HELLO_WORLD } from '../../shared/server/presets';
import { EngineProbe, kinds, notes, payload } from '../host/testing/engine-probe';
import { counts, L1_CLIENT, run, runPython } from './testing/peers';

const L1 = Buffer.from(L1_HELLO_WORLD.bytes);

let probe: EngineProbe;
afterEach(async () => {
  await probe.engine.close();
});

async function startServer(): Promise<number> {
  const info = await probe.call('server.start', { host: '127.0.0.1', port: 0 });
  expect(info.port).toBeGreaterThan(0);
  return info.port;
}

describe('the L1 server', () => {
  it('answers curl with exactly the L1 bytes, then FIN, and closes after the peer FIN', async () => {
    probe = new EngineProbe();
    const port = await startServer();
    const curl = await run('curl', ['-sS', '--include', '--raw', `http://127.0.0.1:${port}/`]);
    expect(curl.stderr).toBe('');
    expect(curl.code).toBe(0); // without Content-Length, exit 0 means curl saw our FIN
    expect(curl.stdout.equals(L1)).toBe(true);

    const conn = await probe.serverConn();
    const events = await probe.waitForKind(conn.connId, 'closed');
    // Our FIN goes before curl's: curl only hangs up once it has read to EOF.
    expect(kinds(events)).toEqual([
      'opened',
      'data in',
      'data out',
      'note answered',
      'note waiting_for_fin',
      'fin_sent',
      'peer_fin',
      'closed',
    ]);
    expect(payload(events, 'in').toString('latin1')).toMatch(/^GET \/ HTTP\/1\.1\r\nHost: 127\.0\.0\.1:\d+\r\n/);
    expect(payload(events, 'out').equals(L1)).toBe(true);
    expect(events.map((e) => e.seq)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(notes(events)).toEqual(['answered responder=canned status= 200 version=1', 'waiting_for_fin ms=10000']);
    const times = events.map((e) => e.t);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const opened = events[0];
    expect(opened?.kind === 'opened' && opened.role).toBe('server');
    expect(opened?.kind === 'opened' && opened.local.port).toBe(port);
  });

  it("counts exactly what lesson L1's python client sent and received", async () => {
    probe = new EngineProbe();
    const port = await startServer();
    const client = await runPython(L1_CLIENT, [port]);
    expect(client.code).toBe(0);
    expect(client.stdout.equals(L1)).toBe(true);
    const seen = counts(client.stderr);
    expect(seen.sent).toBe(43);

    const conn = await probe.serverConn();
    await probe.waitForKind(conn.connId, 'closed');
    const summary = await probe.conn(conn.connId);
    expect(summary).toMatchObject({
      bytesIn: seen.sent,
      bytesOut: seen.received,
      finSent: true,
      finReceived: true,
      closed: true,
      reset: false,
    });
    expect(summary.serverId).not.toBeNull();
    const events = await probe.events(conn.connId);
    expect(payload(events, 'in').toString('latin1')).toBe('GET http://127.0.0.1/romeo.txt HTTP/1.0\r\n\r\n');
  });

  it('hangs up without answering a peer that sends its FIN before any request', async () => {
    probe = new EngineProbe();
    const port = await startServer();
    const received: Buffer[] = [];
    const socket = connect({ host: '127.0.0.1', port, allowHalfOpen: true });
    socket.on('data', (c: Buffer) => received.push(c));
    await new Promise((r) => socket.once('connect', r));
    socket.end();
    await new Promise((r) => socket.once('end', r)); // the server's FIN
    socket.destroy();

    const conn = await probe.serverConn();
    const events = await probe.waitForKind(conn.connId, 'closed');
    expect(kinds(events)).toEqual(['opened', 'peer_fin', 'fin_sent', 'closed']);
    expect(Buffer.concat(received).length).toBe(0);
  });

  it('keeps serving accepted connections after server.stop, and accepts no new ones', async () => {
    probe = new EngineProbe();
    const info = await probe.call('server.start', { host: '127.0.0.1', port: 0 });
    const held = connect({ host: '127.0.0.1', port: info.port, allowHalfOpen: true });
    await new Promise((r) => held.once('connect', r));
    const conn = await probe.serverConn();
    await probe.call('server.stop', { serverId: info.serverId });
    expect((await probe.call('journal.snapshot', {})).servers).toEqual([]);
    expect(probe.serverChanges.at(-1)).toEqual({ servers: [] });

    // The connection accepted before the stop is still answered.
    const answer: Buffer[] = [];
    held.on('data', (c: Buffer) => answer.push(c));
    held.write('hello');
    await new Promise((r) => held.once('end', r));
    expect(Buffer.concat(answer).equals(L1)).toBe(true);
    held.end();
    await probe.waitForKind(conn.connId, 'closed');

    const refused = await runPython(L1_CLIENT, [info.port]);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('ConnectionRefusedError');
  });
});
