// "Why is it waiting?" (shared/waiting/) on journals of real exchanges: the engine's own client
// talks to the engine's own server over 127.0.0.1, and the hints are read from both journals as
// the renderer reads them: the server's end, our client's end paired with it, and our client's
// end alone (as if the peer were any other program, known only from our bytes).
import { afterEach, describe, expect, it } from 'vitest';
import type { JournalEvent, ServerInfo } from '../../shared/contract/contract';
import type { ServerSettingsPatch } from '../../shared/server/settings';
import { ClientWaiting, ServerWaiting, type ServerSide } from '../../shared/waiting/waiting-hint';
import { ascii, EngineProbe } from '../host/testing/engine-probe';

let probe: EngineProbe;
afterEach(async () => {
  await probe.engine.close();
});

interface Pair {
  server: ServerInfo;
  clientId: string;
  serverConnId: string;
}

/** A server with these settings, and our client connected to it (the server's end found). */
async function connected(settings: ServerSettingsPatch, index = 0, server?: ServerInfo): Promise<Pair> {
  const started = server ?? (await probe.startServer(settings));
  const { connId } = await probe.call('client.connect', { host: '127.0.0.1', port: started.port });
  const serverConn = await probe.serverConn(index);
  return { server: started, clientId: connId, serverConnId: serverConn.connId };
}

const send = (pair: Pair, text: string) => probe.call('client.send', { connId: pair.clientId, bytes: ascii(text) });

/** The three hints, read afresh from the engine's journals and the server's info now. */
async function hints(pair: Pair) {
  const [client, server, info] = await Promise.all([probe.events(pair.clientId), probe.events(pair.serverConnId), probe.serverInfo(pair.server.serverId)]);
  const side: ServerSide = { settings: info.settings, queued: info.stats.queued };
  return {
    server: new ServerWaiting().hint(server, side),
    client: new ClientWaiting().hint(client, { events: server, server: side }),
    alone: new ClientWaiting().hint(client),
    serverEvents: server,
  };
}

/** Waits until the server's end has received `bytes` bytes (what the hint is read after). */
const serverGot = (pair: Pair, bytes: number): Promise<JournalEvent[]> =>
  probe.waitFor(`${bytes} bytes at the server`, async () => {
    const events = await probe.events(pair.serverConnId);
    const got = events.reduce((n, e) => n + (e.kind === 'data' && e.dir === 'in' ? e.length : 0), 0);
    return got >= bytes && events;
  });

const noteOf = (events: readonly JournalEvent[], code: string) => events.find((e) => e.kind === 'note' && e.code === code);

describe('waiting hints from real exchanges', () => {
  it('connected and nothing sent: the server waits for a request', async () => {
    probe = new EngineProbe();
    const pair = await connected({ headerTimeoutMs: 60_000, idleTimeoutMs: 120_000 });
    await probe.waitForKind(pair.serverConnId, 'opened');
    const h = await hints(pair);
    expect(h.server).toMatchObject({ code: 'awaiting_request', source: 'server', timer: 'header' });
    expect(h.client).toEqual(h.server);
    // From our bytes alone, nothing sent says nothing about the peer.
    expect(h.alone).toBeNull();
  });

  it('a request line without its blank line: the server waits for it (answer timing "end of request")', async () => {
    probe = new EngineProbe();
    const pair = await connected({ answerWhen: 'request_end', headerTimeoutMs: 60_000, idleTimeoutMs: 120_000 });
    const line = 'GET / HTTP/1.1\r\n';
    await send(pair, line);
    await serverGot(pair, line.length);
    const h = await hints(pair);
    expect(h.server).toMatchObject({ code: 'awaiting_blank_line', source: 'server', timer: 'header' });
    const opened = h.serverEvents[0] as JournalEvent;
    expect(h.server?.deadlineAt).toBe(opened.at + 60_000);
    expect(h.client).toEqual(h.server);
    expect(h.alone).toEqual({ code: 'awaiting_blank_line', source: 'bytes', params: {} });
  });

  it('a body Content-Length still owes, then the next chunk-size line of a chunked one', async () => {
    probe = new EngineProbe();
    const pair = await connected({ answerWhen: 'request_end' });
    const head = 'POST /f HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nname=';
    await send(pair, head);
    await serverGot(pair, head.length);
    let h = await hints(pair);
    expect(h.server).toMatchObject({ code: 'body_bytes_due', params: { count: 5 } });
    expect(h.alone).toMatchObject({ code: 'body_bytes_due', source: 'bytes', params: { count: 5 } });

    const chunked = await connected({}, 1, pair.server);
    const sent = 'POST /u HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n';
    await send(chunked, sent);
    await serverGot(chunked, sent.length);
    h = await hints(chunked);
    expect(h.server).toMatchObject({ code: 'chunk_size_due', source: 'server' });
    expect(h.client).toMatchObject({ code: 'chunk_size_due', source: 'server' });
    expect(h.alone).toMatchObject({ code: 'chunk_size_due', source: 'bytes' });
  });

  it('the half-close: the server sent FIN and waits for ours, counting down', async () => {
    probe = new EngineProbe();
    const pair = await connected({ answerWhen: 'first_chunk', after: 'half_close', halfCloseWaitMs: 7000 });
    await send(pair, 'GET / HTTP/1.1\r\nHost: x\r\n\r\n');
    await probe.waitForKind(pair.clientId, 'peer_fin');
    const h = await hints(pair);
    const note = noteOf(h.serverEvents, 'waiting_for_fin') as JournalEvent;
    expect(h.server).toEqual({ code: 'awaiting_peer_fin', source: 'server', params: { seconds: 7 }, timer: 'fin_wait', deadlineAt: note.at + 7000 });
    expect(h.client).toEqual(h.server);
    expect(h.alone).toEqual({ code: 'awaiting_peer_fin', source: 'bytes', params: {} });
  });

  it('the half-close wait runs out: the server lets go, and nothing is waited for', async () => {
    probe = new EngineProbe();
    const pair = await connected({ answerWhen: 'first_chunk', after: 'half_close', halfCloseWaitMs: 300 });
    await send(pair, 'GET / HTTP/1.1\r\nHost: x\r\n\r\n');
    await probe.waitForKind(pair.serverConnId, 'timeout');
    expect((await hints(pair)).server).toBeNull();
  });

  it('kept alive and idle: closing after the silence the server allows', async () => {
    probe = new EngineProbe();
    const pair = await connected({ answerWhen: 'request_end', after: 'keep_alive', idleTimeoutMs: 30_000, headerTimeoutMs: 60_000, responder: { kind: 'echo' } });
    await send(pair, 'GET / HTTP/1.1\r\nHost: x\r\n\r\n');
    await probe.waitFor('keep_alive_waiting', async () => noteOf(await probe.events(pair.serverConnId), 'keep_alive_waiting'));
    const h = await hints(pair);
    const note = noteOf(h.serverEvents, 'keep_alive_waiting') as JournalEvent;
    expect(h.server).toMatchObject({ code: 'keep_alive_idle', params: { seconds: 30 }, timer: 'idle' });
    expect(h.server?.deadlineAt).toBeGreaterThanOrEqual(note.at + 30_000);
    // Echo's answer has a Content-Length: our client has it all, and waits as the server does.
    expect(h.client).toEqual(h.server);
    expect(h.alone).toBeNull();
  });

  it('queued in the backlog behind another client (sequential accept)', async () => {
    probe = new EngineProbe();
    const first = await connected({ acceptMode: 'sequential', after: 'hang' });
    await send(first, 'GET / HTTP/1.1\r\nHost: x\r\n\r\n');
    await probe.waitFor('hanging', async () => noteOf(await probe.events(first.serverConnId), 'hanging'));
    const second = await connected({}, 1, first.server);
    await probe.waitForKind(second.serverConnId, 'queued');
    const h = await hints(second);
    expect(h.server).toEqual({ code: 'queued_in_backlog', source: 'server', params: { position: 1 } });
    expect(h.client).toEqual(h.server);
    // Nothing on our side shows the queue: the handshake completed, as the kernel does it.
    expect(h.alone).toBeNull();
    expect((await hints(first)).client).toMatchObject({ code: 'hanging' });
  });

  it('a response with no Content-Length and no chunking is read until the server closes', async () => {
    probe = new EngineProbe();
    // Lesson L1's answer has neither; kept alive, the server never says where it ends.
    const pair = await connected({ after: 'keep_alive', idleTimeoutMs: 30_000, headerTimeoutMs: 60_000 });
    await send(pair, 'GET / HTTP/1.1\r\nHost: x\r\n\r\n');
    await probe.waitFor('the answer at the client', async () => (await probe.events(pair.clientId)).some((e) => e.kind === 'data' && e.dir === 'in'));
    await probe.waitFor('keep_alive_waiting', async () => noteOf(await probe.events(pair.serverConnId), 'keep_alive_waiting'));
    const h = await hints(pair);
    expect(h.server).toMatchObject({ code: 'keep_alive_idle', params: { seconds: 30 } });
    expect(h.client).toMatchObject({ code: 'reads_until_close', source: 'bytes', timer: 'idle', deadlineAt: h.server?.deadlineAt });
    expect(h.alone).toEqual({ code: 'reads_until_close', source: 'bytes', params: {} });
  });

  it('answer timing "at the client\'s FIN": the server answers once we half-close', async () => {
    probe = new EngineProbe();
    const pair = await connected({ answerWhen: 'peer_fin' });
    const request = 'GET / HTTP/1.1\r\nHost: x\r\n\r\n';
    await send(pair, request);
    await serverGot(pair, request.length);
    const h = await hints(pair);
    expect(h.server).toMatchObject({ code: 'answer_on_fin', source: 'server' });
    expect(h.client).toEqual(h.server);
    // A whole request sent, and a peer we do not know: nothing on our side says why no answer comes.
    expect(h.alone).toBeNull();
  });

  it('chunk data still due, counted', async () => {
    probe = new EngineProbe();
    const pair = await connected({ answerWhen: 'request_end' });
    const sent = 'POST /u HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhel';
    await send(pair, sent);
    await serverGot(pair, sent.length);
    const h = await hints(pair);
    expect(h.server).toMatchObject({ code: 'chunk_data_due', source: 'server', params: { count: 2 } });
    expect(h.alone).toEqual({ code: 'chunk_data_due', source: 'bytes', params: { count: 2 } });
  });

  it('a response whose Content-Length promises more than came holds our client, while the server thinks it is done', async () => {
    probe = new EngineProbe();
    const short = ascii('HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nhello');
    const pair = await connected({ after: 'keep_alive', idleTimeoutMs: 30_000, headerTimeoutMs: 60_000, responder: { kind: 'canned', bytes: short } });
    await send(pair, 'GET / HTTP/1.1\r\nHost: x\r\n\r\n');
    await probe.waitFor('the answer at the client', async () => (await probe.events(pair.clientId)).some((e) => e.kind === 'data' && e.dir === 'in'));
    await probe.waitFor('keep_alive_waiting', async () => noteOf(await probe.events(pair.serverConnId), 'keep_alive_waiting'));
    const h = await hints(pair);
    expect(h.server).toMatchObject({ code: 'keep_alive_idle' });
    expect(h.client).toMatchObject({ code: 'response_bytes_due', source: 'bytes', params: { count: 5 }, deadlineAt: h.server?.deadlineAt });
    expect(h.alone).toEqual({ code: 'response_bytes_due', source: 'bytes', params: { count: 5 } });
  });

  it('a finished exchange waits for nothing', async () => {
    probe = new EngineProbe();
    const pair = await connected({});
    await send(pair, 'GET / HTTP/1.1\r\nHost: x\r\n\r\n');
    await probe.waitForKind(pair.clientId, 'peer_fin');
    await probe.call('client.halfClose', { connId: pair.clientId });
    await probe.waitForKind(pair.serverConnId, 'closed');
    await probe.waitForKind(pair.clientId, 'closed');
    const h = await hints(pair);
    expect(h).toMatchObject({ server: null, client: null, alone: null });
  });
});
