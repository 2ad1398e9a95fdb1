// What the server does once it has answered (shared/server/settings.ts AfterAnswer), each against
// curl: what curl sees (its exit code and the body) and what the journal recorded.
import { afterEach, describe, expect, it } from 'vitest';
import { L1_HELLO_WORLD } from '../../shared/server/presets';
import { ascii, EngineProbe, kinds, notes, payload, wireKinds } from '../host/testing/engine-probe';
import { run } from './testing/peers';

const L1 = Buffer.from(L1_HELLO_WORLD.bytes);
const L1_BODY = L1.subarray(L1.indexOf('\r\n\r\n') + 4);
/** With Content-Length, so a client knows where the body ends without waiting for our FIN. */
const WITH_LENGTH = ascii('HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\r\nhello');

let probe: EngineProbe;
afterEach(async () => {
  await probe.engine.close();
});

const curl = (...args: string[]): ReturnType<typeof run> => run('curl', ['-sS', ...args]);

describe('after answering', () => {
  it('close: FIN and release at once; curl reads the body to EOF and exits 0', async () => {
    probe = new EngineProbe();
    const { port } = await probe.startServer({ after: 'close' });
    const seen = await curl(`http://127.0.0.1:${port}/`);
    expect(seen.stderr).toBe('');
    expect(seen.code).toBe(0);
    expect(seen.stdout.equals(L1_BODY)).toBe(true);
    const conn = await probe.serverConn();
    const events = await probe.waitForKind(conn.connId, 'closed');
    // No wait for curl's FIN: the socket is gone before it comes (the kernel answers it).
    expect(kinds(events)).toEqual(['opened', 'data in', 'data out', 'note answered', 'fin_sent', 'closed']);
  });

  it("half_close: FIN, then the peer's FIN releases the socket (two hang-ups)", async () => {
    probe = new EngineProbe();
    const { port } = await probe.startServer({ after: 'half_close', halfCloseWaitMs: 5000 });
    const seen = await curl(`http://127.0.0.1:${port}/`);
    expect(seen.code).toBe(0);
    expect(seen.stdout.equals(L1_BODY)).toBe(true);
    const conn = await probe.serverConn();
    const events = await probe.waitForKind(conn.connId, 'closed');
    expect(wireKinds(events)).toEqual(['opened', 'data in', 'data out', 'fin_sent', 'peer_fin', 'closed']);
    expect(notes(events)).toEqual(['answered responder=canned status= 200 version=1', 'waiting_for_fin ms=5000']);
  });

  it('keep_alive: curl reuses one connection for two URLs and gets both answers', async () => {
    probe = new EngineProbe();
    const { port, serverId } = await probe.startServer({ after: 'keep_alive', responder: { kind: 'canned', bytes: WITH_LENGTH } });
    const url = `http://127.0.0.1:${port}/`;
    const seen = await run('curl', ['-sS', '-v', `${url}one`, `${url}two`]);
    expect(seen.code).toBe(0);
    expect(seen.stdout.toString()).toBe('hellohello');
    expect(seen.stderr).toContain('Re-using existing connection');

    const conn = await probe.serverConn();
    const events = await probe.waitForKind(conn.connId, 'closed');
    expect(kinds(events)).toEqual([
      'opened',
      'data in',
      'data out',
      'note answered',
      'note keep_alive_waiting',
      'data in',
      'data out',
      'note answered',
      'note keep_alive_waiting',
      'peer_fin', // curl exits: nothing more will be asked
      'fin_sent',
      'closed',
    ]);
    expect(payload(events, 'in').toString('latin1')).toMatch(/^GET \/one HTTP\/1\.1\r\n[^]*\r\n\r\nGET \/two HTTP\/1\.1\r\n[^]*\r\n\r\n$/);
    const info = await probe.waitFor('the counters', async () => {
      const s = await probe.serverInfo(serverId);
      return s.stats.open === 0 && s;
    });
    expect(info.stats).toEqual({ accepted: 1, open: 0, queued: [], served: 1 });
  });

  it('keep_alive: declined for HTTP/1.0 and for Connection: close, then half-closed', async () => {
    probe = new EngineProbe();
    const { port } = await probe.startServer({ after: 'keep_alive', responder: { kind: 'canned', bytes: WITH_LENGTH } });
    expect((await curl('--http1.0', `http://127.0.0.1:${port}/`)).code).toBe(0);
    expect((await curl('-H', 'Connection: close', `http://127.0.0.1:${port}/`)).code).toBe(0);
    for (const [index, reason] of [
      [0, 'http_1_0'],
      [1, 'connection_close'],
    ] as const) {
      const conn = await probe.serverConn(index);
      const events = await probe.waitForKind(conn.connId, 'closed');
      expect(notes(events)).toEqual([
        'answered responder=canned status= 200 version=1',
        `keep_alive_declined reason=${reason}`,
        'waiting_for_fin ms=10000',
      ]);
      expect(wireKinds(events)).toEqual(['opened', 'data in', 'data out', 'fin_sent', 'peer_fin', 'closed']);
    }
  });

  it('reset: the answer, then RST; without Content-Length curl reads the body, then fails with 56', async () => {
    probe = new EngineProbe();
    const { port } = await probe.startServer({ after: 'reset' });
    const seen = await curl(`http://127.0.0.1:${port}/`);
    // On Linux the bytes that arrived before the RST stay readable: curl gets the whole body, and
    // its next read (it reads to EOF, having no Content-Length) fails with ECONNRESET.
    expect(seen.code).toBe(56);
    expect(seen.stderr).toContain('Connection reset by peer');
    expect(seen.stdout.equals(L1_BODY)).toBe(true);
    const conn = await probe.serverConn();
    const events = await probe.waitForKind(conn.connId, 'closed');
    expect(kinds(events)).toEqual(['opened', 'data in', 'data out', 'note answered', 'rst_sent', 'closed']);
    expect(await probe.conn(conn.connId)).toMatchObject({ reset: true, finSent: false, bytesOut: L1.length });
  });

  it('reset: with Content-Length curl has the whole body before the RST matters, and exits 0', async () => {
    probe = new EngineProbe();
    const { port } = await probe.startServer({ after: 'reset', responder: { kind: 'canned', bytes: WITH_LENGTH } });
    const seen = await curl(`http://127.0.0.1:${port}/`);
    expect(seen.code).toBe(0);
    expect(seen.stdout.toString()).toBe('hello');
    const conn = await probe.serverConn();
    expect(wireKinds(await probe.waitForKind(conn.connId, 'closed'))).toEqual(['opened', 'data in', 'data out', 'rst_sent', 'closed']);
  });

  it('hang: never answers; curl gives up (exit 28) and the server hangs up after its FIN', async () => {
    probe = new EngineProbe();
    const { port, serverId } = await probe.startServer({ after: 'hang' });
    const seen = await curl('--max-time', '1', `http://127.0.0.1:${port}/`);
    expect(seen.code).toBe(28);
    expect(seen.stdout.length).toBe(0);
    const conn = await probe.serverConn();
    const events = await probe.waitForKind(conn.connId, 'closed');
    expect(kinds(events)).toEqual(['opened', 'data in', 'note hanging', 'peer_fin', 'fin_sent', 'closed']);
    expect((await probe.conn(conn.connId)).bytesOut).toBe(0);
    expect((await probe.serverInfo(serverId)).stats.served).toBe(0);
  });

  it('drip: dripBytes per write, dripEveryMs apart, then FIN; curl gets the whole body', async () => {
    probe = new EngineProbe();
    const every = 20;
    const { port } = await probe.startServer({ after: 'drip', dripBytes: 8, dripEveryMs: every });
    const seen = await curl('--include', `http://127.0.0.1:${port}/`);
    expect(seen.code).toBe(0);
    expect(seen.stdout.equals(L1)).toBe(true);
    const conn = await probe.serverConn();
    const events = await probe.waitForKind(conn.connId, 'closed');
    const outs = events.filter((e) => e.kind === 'data' && e.dir === 'out');
    expect(outs.length).toBe(Math.ceil(L1.length / 8)); // 13 writes for 100 bytes
    expect(outs.map((e) => (e.kind === 'data' ? e.length : 0))).toEqual([...Array.from({ length: 12 }, () => 8), 4]);
    expect(payload(events, 'out').equals(L1)).toBe(true);
    // Timers never fire early: twelve waits between thirteen writes.
    expect((outs.at(-1)?.t ?? 0) - (outs[0]?.t ?? 0)).toBeGreaterThanOrEqual(12 * every - 2);
    expect(notes(events)).toEqual([
      'drip_started bytes=8 everyMs=20',
      'answered responder=canned status= 200 version=1',
      'waiting_for_fin ms=10000',
    ]);
    expect(wireKinds(events).slice(-3)).toEqual(['fin_sent', 'peer_fin', 'closed']);
  });

  it('drip: stops when the client goes away mid-drip', async () => {
    probe = new EngineProbe();
    const { port } = await probe.startServer({ after: 'drip', dripBytes: 8, dripEveryMs: 100 });
    const seen = await curl('--max-time', '0.35', `http://127.0.0.1:${port}/`);
    expect(seen.code).toBe(28);
    const conn = await probe.serverConn();
    const events = await probe.waitForKind(conn.connId, 'closed');
    const outs = events.filter((e) => e.kind === 'data' && e.dir === 'out').length;
    expect(outs).toBeGreaterThan(0);
    expect(outs).toBeLessThan(Math.ceil(L1.length / 8));
    expect(notes(events)).toEqual(['drip_started bytes=8 everyMs=100']); // never answered in full
    // Nothing after the close: the drip's timer died with the socket.
    const before = (await probe.events(conn.connId)).length;
    await new Promise((r) => setTimeout(r, 250)); // longer than two drip steps
    expect((await probe.events(conn.connId)).length).toBe(before);
  });
});
