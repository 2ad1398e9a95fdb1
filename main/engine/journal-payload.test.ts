// journal.payload: one direction of a connection read back as a stream, page by page, with real
// connections (our client against our server). The pages must be the bytes that crossed the wire,
// whatever the chunking, and a range the journal no longer stores must say so.
import { afterEach, describe, expect, it } from 'vitest';
import { PAYLOAD_PAGE_MAX } from '../../shared/contract/contract';
import { ascii, EngineProbe, payload } from '../host/testing/engine-probe';

let probe: EngineProbe;
afterEach(async () => {
  await probe.engine.close();
});

const text = (bytes: Uint8Array | null): string | null => (bytes ? Buffer.from(bytes).toString('latin1') : null);

/** Sends each piece as its own write, waiting until the server has read it (one chunk each). */
async function sendPieces(connId: string, pieces: string[]): Promise<string> {
  const server = await probe.serverConn(0);
  for (const [i, piece] of pieces.entries()) {
    await probe.call('client.send', { connId, bytes: ascii(piece) });
    await probe.waitFor(`piece ${i} read`, async () => (await probe.conn(server.connId)).bytesIn === pieces.slice(0, i + 1).join('').length);
  }
  return server.connId;
}

describe('journal.payload', () => {
  it('reads a direction as one stream: ranges across chunk boundaries, cut at what was carried', async () => {
    probe = new EngineProbe();
    const answer = 'HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok';
    const { port } = await probe.startServer({ answerWhen: 'peer_fin', responder: { kind: 'canned', bytes: ascii(answer) } });
    const { connId } = await probe.call('client.connect', { host: '127.0.0.1', port });
    // A request line split where no message boundary is: TCP delivers a stream, not lines.
    const pieces = ['GET / HT', 'TP/1.1\r\nHo', 'st: x\r\n\r\n'];
    const request = pieces.join('');
    const serverId = await sendPieces(connId, pieces);
    await probe.call('client.halfClose', { connId });
    await probe.waitForKind(connId, 'peer_fin');
    expect((await probe.conn(serverId)).chunksIn).toBe(3);

    const page = async (dir: 'in' | 'out', offset: number, length: number) =>
      probe.call('journal.payload', { connId: serverId, dir, offset, length });
    expect(text((await page('in', 0, 1000)).bytes)).toBe(request);
    // From the middle of the first chunk to the middle of the third.
    expect(await page('in', 4, 18)).toEqual({ bytes: ascii(request.slice(4, 22)), evicted: false });
    expect(text((await page('in', 8, 10)).bytes)).toBe('TP/1.1\r\nHo');
    // The other direction is a stream of its own, from 0; the client's journal mirrors the server's.
    expect(text((await page('out', 0, 15)).bytes)).toBe('HTTP/1.1 200 OK');
    expect(text((await probe.call('journal.payload', { connId, dir: 'out', offset: 0, length: 100 })).bytes)).toBe(request);
    // Past the end: nothing, and nothing is missing either.
    expect(await page('in', request.length, 10)).toEqual({ bytes: new Uint8Array(0), evicted: false });
    expect(await page('in', 10_000, 10)).toEqual({ bytes: new Uint8Array(0), evicted: false });
    // The same bytes as the events hold.
    expect(text((await page('in', 0, 1000)).bytes)).toBe(payload(await probe.events(serverId), 'in').toString('latin1'));
  });

  it('answers evicted for a range the payload budget dropped, and the bytes of one it kept', async () => {
    const request = 'GET / HTTP/1.0\r\n\r\n'; // 18 bytes; the L1 answer is 100
    // Room for one connection's payload (118 bytes) but not two: the client, opened first, pays.
    probe = new EngineProbe({ payloadBudgetBytes: 150 });
    const { port } = await probe.startServer();
    const { connId } = await probe.call('client.connect', { host: '127.0.0.1', port });
    await probe.call('client.send', { connId, bytes: ascii(request) });
    await probe.waitForKind(connId, 'peer_fin');
    const server = (await probe.serverConn(0)).connId;
    await probe.waitForKind(server, 'fin_sent');

    expect((await probe.conn(connId)).payloadEvicted).toBe(true);
    expect(await probe.call('journal.payload', { connId, dir: 'out', offset: 0, length: 18 })).toEqual({ bytes: null, evicted: true });
    expect(await probe.call('journal.payload', { connId, dir: 'in', offset: 90, length: 10 })).toEqual({ bytes: null, evicted: true });
    expect(text((await probe.call('journal.payload', { connId: server, dir: 'in', offset: 0, length: 18 })).bytes)).toBe(request);
    expect((await probe.call('journal.payload', { connId: server, dir: 'out', offset: 0, length: 1000 })).bytes).toHaveLength(100);
  });

  it('keeps offsets true after the event cap dropped the oldest chunks', async () => {
    const cap = 40;
    probe = new EngineProbe({ maxEventsPerConnection: cap });
    const answer = ascii('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok');
    const { port } = await probe.startServer({ after: 'keep_alive', responder: { kind: 'canned', bytes: answer } });
    const { connId } = await probe.call('client.connect', { host: '127.0.0.1', port });
    // Requests of equal length that say which they are: request i starts at i * length.
    const requestOf = (i: number): string => `GET /${String(i).padStart(3, '0')} HTTP/1.1\r\nHost: x\r\n\r\n`;
    const size = requestOf(0).length;
    const requests = 30;
    for (let i = 0; i < requests; i++) {
      await probe.call('client.send', { connId, bytes: ascii(requestOf(i)) });
      await probe.waitFor(`answer ${i}`, async () => (await probe.conn(connId)).bytesIn === (i + 1) * answer.length);
    }
    const server = (await probe.serverConn(0)).connId;
    // Four events per request on the server's side: the first requests' chunks were dropped.
    expect((await probe.events(server)).length).toBeLessThanOrEqual(cap);
    const read = (offset: number, length: number) => probe.call('journal.payload', { connId: server, dir: 'in', offset, length });
    expect(await read(0, size)).toEqual({ bytes: null, evicted: true });
    expect(text((await read(27 * size, size)).bytes)).toBe(requestOf(27));
    expect(text((await read(28 * size + 4, 4)).bytes)).toBe('/028');
    expect(text((await read((requests - 1) * size, 10 * size)).bytes)).toBe(requestOf(requests - 1));
  });

  it('is guarded at the door: a length within one page, a known connection', async () => {
    probe = new EngineProbe();
    const bad = async (input: unknown) => {
      const result = await probe.dispatch('journal.payload', input);
      return result.ok ? 'ok' : result.error.code;
    };
    expect(await bad({ connId: 'c1', dir: 'in', offset: 0, length: 0 })).toBe('bad_input');
    expect(await bad({ connId: 'c1', dir: 'in', offset: 0, length: PAYLOAD_PAGE_MAX + 1 })).toBe('bad_input');
    expect(await bad({ connId: 'c1', dir: 'sideways', offset: 0, length: 1 })).toBe('bad_input');
    expect(await bad({ connId: 'c1', dir: 'in', offset: -1, length: 1 })).toBe('bad_input');
    expect(await bad({ connId: 'c1', dir: 'in', offset: 0, length: 1, extra: true })).toBe('bad_input');
    expect(await bad({ connId: 'c1', dir: 'in', offset: 0, length: PAYLOAD_PAGE_MAX })).toBe('unknown_connection');
  });
});
