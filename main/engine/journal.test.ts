// The journal's bounds, with real connections: lesson L1's python client against our server for
// connections that end, and our own client against our server for a pair that stays open.
import { afterEach, describe, expect, it } from 'vitest';
import type { ConnSummary } from '../../shared/contract/contract';
import { ascii, EngineProbe } from '../host/testing/engine-probe';
import { L1_CLIENT, runPython } from './testing/peers';

let probe: EngineProbe;
afterEach(async () => {
  await probe.engine.close();
});

const REQUEST = ascii('GET / HTTP/1.0\r\n\r\n'); // 18 bytes
const L1_REQUEST = 43; // what L1_CLIENT sends
const L1_ANSWER = 100; // the L1 preset's length

/** Our client and its server-side peer, both left open: 118 stored bytes each. */
async function openPair(port: number): Promise<{ client: string; server: string }> {
  const { connId } = await probe.call('client.connect', { host: '127.0.0.1', port });
  await probe.call('client.send', { connId, bytes: REQUEST });
  await probe.waitForKind(connId, 'peer_fin'); // the whole answer arrived; we do not hang up
  const server = await probe.serverConn(0);
  await probe.waitForKind(server.connId, 'fin_sent');
  return { client: connId, server: server.connId };
}

/** One L1 python client, start to end; returns the server-side connection once it has closed. */
async function closedExchange(): Promise<ConnSummary> {
  const before = (await probe.call('journal.snapshot', {})).totals.connections;
  const { port } = (await probe.call('journal.snapshot', {})).servers[0] ?? { port: 0 };
  expect((await runPython(L1_CLIENT, [port])).code).toBe(0);
  const connId = `c${before + 1}`;
  await probe.waitFor(`${connId} closed`, async () => (await probe.conn(connId).catch(() => undefined))?.closed);
  return probe.conn(connId);
}

async function storedBytesOf(connId: string): Promise<(number | null)[]> {
  return (await probe.events(connId)).flatMap((e) => (e.kind === 'data' ? [e.bytes ? e.bytes.length : null] : []));
}

describe('the payload budget', () => {
  it('evicts the earliest closed connections first, keeps open ones, and every counter exact', async () => {
    probe = new EngineProbe({ payloadBudgetBytes: 118 * 2 + 143 * 2 + 20 });
    const { port } = await probe.call('server.start', { host: '127.0.0.1', port: 0 });
    const pair = await openPair(port);
    const closed: string[] = [];
    for (let i = 0; i < 4; i++) closed.push((await closedExchange()).connId);

    const snapshot = await probe.call('journal.snapshot', {});
    const byId = new Map(snapshot.conns.map((c) => [c.connId, c]));
    // The two that closed first lost their payloads; the later two and the open pair kept theirs.
    expect(closed.map((id) => byId.get(id)?.payloadEvicted)).toEqual([true, true, false, false]);
    expect(byId.get(pair.client)?.payloadEvicted).toBe(false);
    expect(byId.get(pair.server)?.payloadEvicted).toBe(false);
    expect(await storedBytesOf(closed[0] as string)).toEqual([null, null]);
    expect(await storedBytesOf(closed[3] as string)).toEqual([L1_REQUEST, L1_ANSWER]);
    expect(await storedBytesOf(pair.client)).toEqual([REQUEST.length, L1_ANSWER]);
    // Eviction keeps lengths and counters.
    const evicted = await probe.events(closed[0] as string);
    expect(evicted.flatMap((e) => (e.kind === 'data' ? [e.length] : []))).toEqual([L1_REQUEST, L1_ANSWER]);
    for (const id of closed) {
      expect(byId.get(id)).toMatchObject({ bytesIn: L1_REQUEST, bytesOut: L1_ANSWER, chunksIn: 1, chunksOut: 1 });
    }
    expect(snapshot.totals).toEqual({
      connections: 6,
      bytesIn: REQUEST.length + L1_ANSWER + 4 * L1_REQUEST,
      bytesOut: REQUEST.length + L1_ANSWER + 4 * L1_ANSWER,
      storedPayloadBytes: 2 * 118 + 2 * 143,
      droppedConnections: 0,
    });
    // Hosts learn of the eviction through a delta.
    await probe.waitFor('a delta showing the eviction', () =>
      probe.deltas.some((d) => d.conns.some((c) => c.connId === closed[0] && c.payloadEvicted)),
    );
  });

  it('evicts closed connections first, and open ones (oldest chunks first) only when no closed one holds any', async () => {
    probe = new EngineProbe({ payloadBudgetBytes: 150 });
    const { port } = await probe.call('server.start', { host: '127.0.0.1', port: 0 });
    const pair = await openPair(port);
    // The open pair holds 2 x 118 bytes, and no closed connection holds any: the client (opened
    // first) loses its chunks, oldest first, until the total fits.
    expect(await storedBytesOf(pair.client)).toEqual([null, null]);
    expect(await storedBytesOf(pair.server)).toEqual([REQUEST.length, L1_ANSWER]);
    // An exchange in flight is open too: the pair's server side, older, pays for it.
    const first = await closedExchange();
    expect(await storedBytesOf(pair.server)).toEqual([null, null]);
    expect(first.payloadEvicted).toBe(false);
    // Now a closed connection holds payload: it goes before anything open.
    const second = await closedExchange();
    expect((await probe.conn(first.connId)).payloadEvicted).toBe(true);
    expect(second.payloadEvicted).toBe(false);
    const { totals, conns } = await probe.call('journal.snapshot', {});
    expect(totals.storedPayloadBytes).toBe(L1_REQUEST + L1_ANSWER);
    expect(totals.bytesIn).toBe(REQUEST.length + L1_ANSWER + 2 * L1_REQUEST);
    expect(conns.find((c) => c.connId === pair.client)).toMatchObject({
      payloadEvicted: true,
      closed: false,
      bytesOut: REQUEST.length,
      bytesIn: L1_ANSWER,
    });
  });
});

describe('the per-connection event cap', () => {
  it('keeps a kept-alive connection bounded: opened, then the latest events, seq unbroken, counters exact', async () => {
    const cap = 40;
    probe = new EngineProbe({ maxEventsPerConnection: cap });
    const answer = ascii('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok');
    const { port } = await probe.startServer({ after: 'keep_alive', responder: { kind: 'canned', bytes: answer } });
    const { connId } = await probe.call('client.connect', { host: '127.0.0.1', port });
    const request = ascii('GET / HTTP/1.1\r\nHost: x\r\n\r\n');
    const requests = 50;
    for (let i = 0; i < requests; i++) {
      await probe.call('client.send', { connId, bytes: request });
      await probe.waitFor(`answer ${i}`, async () => (await probe.conn(connId)).bytesIn === (i + 1) * answer.length);
    }
    const server = await probe.serverConn();
    const events = await probe.events(server.connId);
    // Each request: data in, data out, answered, keep_alive_waiting.
    const total = 1 + 4 * requests;
    expect(events.length).toBeLessThanOrEqual(cap);
    expect(events[0]?.kind).toBe('opened');
    expect(events.at(-1)?.seq).toBe(total - 1);
    const seqs = events.slice(1).map((e) => e.seq);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => total - seqs.length + i));
    expect(await probe.conn(server.connId)).toMatchObject({
      bytesIn: requests * request.length,
      bytesOut: requests * answer.length,
      chunksIn: requests,
      chunksOut: requests,
    });
    // What was trimmed is gone from the stored payload too.
    const stored = events.reduce((n, e) => n + (e.kind === 'data' && e.bytes ? e.bytes.length : 0), 0);
    const client = (await probe.events(connId)).reduce((n, e) => n + (e.kind === 'data' && e.bytes ? e.bytes.length : 0), 0);
    expect((await probe.call('journal.snapshot', {})).totals.storedPayloadBytes).toBe(stored + client);
  });
});

describe('the closed-connection cap', () => {
  it('drops the earliest closed connections whole and keeps only their totals', async () => {
    probe = new EngineProbe({ maxClosedConnections: 2 });
    await probe.call('server.start', { host: '127.0.0.1', port: 0 });
    for (let i = 0; i < 4; i++) await closedExchange();

    await probe.waitFor('two dropped', async () => (await probe.call('journal.snapshot', {})).totals.droppedConnections === 2);
    const snapshot = await probe.call('journal.snapshot', {});
    expect(snapshot.conns.map((c) => c.connId)).toEqual(['c3', 'c4']);
    expect(snapshot.totals).toEqual({
      connections: 4,
      bytesIn: 4 * L1_REQUEST,
      bytesOut: 4 * L1_ANSWER,
      storedPayloadBytes: 2 * (L1_REQUEST + L1_ANSWER),
      droppedConnections: 2,
    });
    expect(await probe.dispatch('journal.events', { connId: 'c1' })).toEqual({
      ok: false,
      error: { code: 'unknown_connection', params: { connId: 'c1' } },
    });
  });

  it('names the dropped connections in a delta, and no delta mentions them afterwards', async () => {
    probe = new EngineProbe({ maxClosedConnections: 1 });
    await probe.call('server.start', { host: '127.0.0.1', port: 0 });
    for (let i = 0; i < 3; i++) await closedExchange();

    await probe.waitFor('c1 and c2 reported dropped', () =>
      Promise.resolve(probe.deltas.flatMap((d) => d.dropped).filter((id) => id === 'c1' || id === 'c2').length === 2),
    );
    const dropped = probe.deltas.flatMap((d) => d.dropped);
    expect(dropped.filter((id) => id === 'c1')).toHaveLength(1);
    const lastDropIndex = probe.deltas.findIndex((d) => d.dropped.includes('c2'));
    for (const later of probe.deltas.slice(lastDropIndex + 1)) {
      expect(later.conns.map((c) => c.connId)).not.toContain('c2');
      expect(later.events.map((e) => e.connId)).not.toContain('c2');
    }
  });
});

describe('the event budget, all connections together', () => {
  it('holds every connection to it, cutting the ones holding the most, seq kept and counters exact', async () => {
    const budget = 80;
    probe = new EngineProbe({ maxEvents: budget, maxEventsPerConnection: 5000 });
    const answer = ascii('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok');
    const { port } = await probe.startServer({ after: 'keep_alive', responder: { kind: 'canned', bytes: answer } });
    const request = ascii('GET / HTTP/1.1\r\nHost: x\r\n\r\n');
    const totalEvents = async (): Promise<number> => {
      let n = 0;
      for (const c of await probe.conns()) n += (await probe.events(c.connId)).length;
      return n;
    };
    /** `count` requests on a kept-alive connection of our client's, each answered before the next. */
    const exchange = async (connId: string, count: number): Promise<void> => {
      for (let i = 0; i < count; i++) {
        const before = (await probe.conn(connId)).bytesIn;
        await probe.call('client.send', { connId, bytes: request });
        await probe.waitFor(`answer ${i}`, async () => (await probe.conn(connId)).bytesIn === before + answer.length);
        expect(await totalEvents()).toBeLessThanOrEqual(budget);
      }
    };
    // A short exchange first (older, small), then a long one (newer, big): the big one pays.
    const small = (await probe.call('client.connect', { host: '127.0.0.1', port })).connId;
    await exchange(small, 3);
    const big = (await probe.call('client.connect', { host: '127.0.0.1', port })).connId;
    await exchange(big, 40);
    const smallServer = (await probe.serverConn(0)).connId;
    const bigServer = (await probe.serverConn(1)).connId;

    // Per request, our client journals its write and the answer's read (after `opened` and its
    // `resolved` note); the server its read, its write, `answered` and `keep_alive_waiting` (the
    // existing per-connection test's count).
    const expected = new Map([
      [small, { events: 2 + 2 * 3, requests: 3 }],
      [smallServer, { events: 1 + 4 * 3, requests: 3 }],
      [big, { events: 2 + 2 * 40, requests: 40 }],
      [bigServer, { events: 1 + 4 * 40, requests: 40 }],
    ]);
    let stored = 0;
    for (const [connId, { events: total, requests }] of expected) {
      const events = await probe.events(connId);
      expect(events[0]?.kind, connId).toBe('opened');
      expect(events.at(-1)?.seq, connId).toBe(total - 1);
      // The latest events kept, with their own seq: the gap after `opened` shows what was cut.
      const seqs = events.slice(1).map((e) => e.seq);
      expect(seqs, connId).toEqual(Array.from({ length: seqs.length }, (_, i) => total - seqs.length + i));
      const summary = await probe.conn(connId);
      const client = connId === small || connId === big;
      expect(summary, connId).toMatchObject({
        bytesIn: requests * (client ? answer.length : request.length),
        bytesOut: requests * (client ? request.length : answer.length),
        chunksIn: requests,
        chunksOut: requests,
      });
      stored += events.reduce((n, e) => n + (e.kind === 'data' && e.bytes ? e.bytes.length : 0), 0);
    }
    // The small, older pair kept everything; the big pair was cut.
    expect((await probe.events(small)).length).toBe(2 + 2 * 3);
    expect((await probe.events(smallServer)).length).toBe(1 + 4 * 3);
    expect((await probe.events(big)).length).toBeLessThan(2 + 2 * 40);
    expect((await probe.events(bigServer)).length).toBeLessThan(1 + 4 * 40);
    const { totals } = await probe.call('journal.snapshot', {});
    expect(totals).toMatchObject({
      connections: 4,
      bytesIn: 43 * (request.length + answer.length),
      bytesOut: 43 * (request.length + answer.length),
      storedPayloadBytes: stored,
      droppedConnections: 0,
    });
  });
});

describe('a summary tells what a card shows, without the events', () => {
  it('carries the first line each way, cut across chunks, kept once the payloads are evicted', async () => {
    probe = new EngineProbe({ payloadBudgetBytes: 0 });
    const { port } = await probe.startServer({ answerWhen: 'request_end' });
    const { connId } = await probe.call('client.connect', { host: '127.0.0.1', port });
    await probe.call('client.send', { connId, bytes: ascii('GET /a') });
    await probe.waitFor('the first chunk', async () => (await probe.conn(connId)).firstLines.out === 'GET /a');
    await probe.call('client.send', { connId, bytes: ascii('b HTTP/1.1\r\nHost: x\r\n\r\n') });
    await probe.waitForKind(connId, 'peer_fin');
    const server = await probe.serverConn(0);
    expect((await probe.conn(connId)).firstLines).toEqual({ out: 'GET /ab HTTP/1.1', in: 'HTTP/1.1 200 OK' });
    expect((await probe.conn(server.connId)).firstLines).toEqual({ in: 'GET /ab HTTP/1.1', out: 'HTTP/1.1 200 OK' });
    // A budget of 0 bytes kept no payload: the lines were read as the bytes passed.
    expect((await probe.conn(connId)).payloadEvicted).toBe(true);
    expect((await probe.conn(connId)).rstCause).toBeNull();
  });
});
