// How connections end: the half-close (FIN one way, data still flowing the other, RFC 9293
// section 3.6) and the reset (RST: the peer's next read fails with ECONNRESET).
import { afterEach, describe, expect, it } from 'vitest';
import type { JournalEvent } from '../../shared/contract/contract';
import { ascii, EngineProbe, kinds, payload, wireKinds } from '../host/testing/engine-probe';
import { counts, READ_TO_EOF_SERVER, startPythonServer } from './testing/peers';

let probe: EngineProbe;
afterEach(async () => {
  await probe.engine.close();
});

describe('half-close', () => {
  it('still receives the whole answer after our own FIN', async () => {
    probe = new EngineProbe();
    const server = await startPythonServer(READ_TO_EOF_SERVER);
    const { connId } = await probe.call('client.connect', { host: '127.0.0.1', port: server.port });
    const request = ascii('GET /after-fin HTTP/1.0\r\n\r\n');
    await probe.call('client.send', { connId, bytes: request });
    await probe.call('client.halfClose', { connId });
    // The server answers only once it has read our FIN: the answer crossing means the
    // connection stayed open in the other direction.
    await probe.waitForKind(connId, 'peer_fin');
    await probe.call('client.close', { connId });
    const events = await probe.waitForKind(connId, 'closed');

    const k = wireKinds(events); // without the client's `resolved` note
    expect(k[0]).toBe('opened');
    expect(k[1]).toBe('data out');
    expect(k[2]).toBe('fin_sent');
    expect(k.slice(3, -2).every((kind) => kind === 'data in')).toBe(true);
    expect(k.slice(3, -2).length).toBeGreaterThan(0);
    expect(k.slice(-2)).toEqual(['peer_fin', 'closed']);
    expect(payload(events, 'in').toString('latin1')).toBe(
      `HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nYou sent ${request.length} bytes, then your FIN.\r\n`,
    );
    const python = await server.done;
    const seen = counts(python.stderr);
    expect(await probe.conn(connId)).toMatchObject({
      bytesOut: seen.received,
      bytesIn: seen.sent,
      finSent: true,
      finReceived: true,
      closed: true,
    });
  });
});

describe('reset', () => {
  const errorCodes = (events: JournalEvent[]): string[] =>
    events.flatMap((e) => (e.kind === 'error' ? [e.code] : []));

  it('after the answer: the server reads ECONNRESET instead of a FIN', async () => {
    probe = new EngineProbe();
    const { port } = await probe.call('server.start', { host: '127.0.0.1', port: 0 });
    const { connId } = await probe.call('client.connect', { host: '127.0.0.1', port });
    await probe.call('client.send', { connId, bytes: ascii('GET / HTTP/1.0\r\n\r\n') });
    await probe.waitForKind(connId, 'peer_fin'); // the whole answer and the server's FIN are here
    const serverSide = await probe.serverConn();
    await probe.waitForKind(serverSide.connId, 'fin_sent');

    await probe.call('client.reset', { connId });
    const ours = await probe.waitForKind(connId, 'closed');
    expect(kinds(ours).slice(-2)).toEqual(['rst_sent', 'closed']);
    expect(await probe.conn(connId)).toMatchObject({ reset: true, finSent: false, closed: true });

    const theirs = await probe.waitForKind(serverSide.connId, 'closed');
    expect(wireKinds(theirs)).toEqual(['opened', 'data in', 'data out', 'fin_sent', 'rst_received', 'error', 'closed']);
    expect(errorCodes(theirs)).toEqual(['ECONNRESET']);
    expect(theirs.at(-1)).toMatchObject({ kind: 'closed', hadError: true });
    expect(await probe.conn(serverSide.connId)).toMatchObject({ reset: true, finReceived: false });
    expect(await probe.dispatch('client.reset', { connId })).toMatchObject({
      ok: false,
      error: { code: 'not_writable', params: { connId, state: 'closed' } },
    });
  });

  it('before the server answers: the server never writes, and sees ECONNRESET', async () => {
    probe = new EngineProbe();
    const { port } = await probe.call('server.start', { host: '127.0.0.1', port: 0 });
    const { connId } = await probe.call('client.connect', { host: '127.0.0.1', port });
    const serverSide = await probe.serverConn(); // accepted: the RST cannot beat the accept
    await probe.call('client.reset', { connId });

    const theirs = await probe.waitForKind(serverSide.connId, 'closed');
    expect(kinds(theirs)).toEqual(['opened', 'rst_received', 'error', 'closed']);
    expect(errorCodes(theirs)).toEqual(['ECONNRESET']);
    expect(await probe.conn(serverSide.connId)).toMatchObject({ bytesIn: 0, bytesOut: 0, reset: true });
    expect(wireKinds(await probe.waitForKind(connId, 'closed'))).toEqual(['opened', 'rst_sent', 'closed']);
  });
});
