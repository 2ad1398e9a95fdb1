// Our client (the telnet emulator) against lesson-style python servers, and its refusals.
import type { Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { Connection } from './connection';
import { Journal } from './journal';
import { connectClient } from './telnet-client';
import { ascii, EngineProbe, kinds, payload } from '../host/testing/engine-probe';
import { counts, FULL_BACKLOG_SERVER, L2_SERVER, startPythonServer } from './testing/peers';

let probe: EngineProbe;
afterEach(async () => {
  await probe.engine.close();
});

describe('the telnet client', () => {
  it("receives lesson L2's answer byte for byte, and sees the server's FIN before closing", async () => {
    probe = new EngineProbe();
    const server = await startPythonServer(L2_SERVER);
    const summary = await probe.call('client.connect', { host: '127.0.0.1', port: server.port });
    expect(summary).toMatchObject({ role: 'client', serverId: null, bytesIn: 0, bytesOut: 0, closed: false });
    expect(summary.remote).toEqual({ address: '127.0.0.1', port: server.port, family: 'IPv4' });

    const request = ascii('GET /hello HTTP/1.1\r\n\r\n');
    expect(await probe.call('client.send', { connId: summary.connId, bytes: request })).toEqual({
      length: request.length,
    });
    // allowHalfOpen: the server's FIN leaves our side open until we say otherwise.
    await probe.waitForKind(summary.connId, 'peer_fin');
    expect(await probe.conn(summary.connId)).toMatchObject({ finReceived: true, finSent: false, closed: false });

    await probe.call('client.close', { connId: summary.connId });
    const events = await probe.waitForKind(summary.connId, 'closed');
    const k = kinds(events);
    expect(k.slice(0, 3)).toEqual(['opened', 'note resolved', 'data out']);
    expect(k.indexOf('peer_fin')).toBeGreaterThan(k.lastIndexOf('data in'));
    expect(k.slice(-3)).toEqual(['peer_fin', 'fin_sent', 'closed']);
    expect(payload(events, 'in').toString('latin1')).toBe('HTTP/1.1 200 OK\n\nHello, World!');

    const python = await server.done;
    expect(python.code).toBe(0);
    const seen = counts(python.stderr);
    expect(await probe.conn(summary.connId)).toMatchObject({ bytesOut: seen.received, bytesIn: seen.sent });
  });

  it('explains a refused connection with the host and port', async () => {
    probe = new EngineProbe();
    // A port that was just listening and is not any more.
    const info = await probe.call('server.start', { host: '127.0.0.1', port: 0 });
    await probe.call('server.stop', { serverId: info.serverId });
    const result = await probe.dispatch('client.connect', { host: '127.0.0.1', port: info.port });
    expect(result).toEqual({ ok: false, error: { code: 'conn_refused', params: { host: '127.0.0.1', port: info.port } } });
    expect(await probe.conns()).toEqual([]);
  });

  it('explains a name that does not resolve', async () => {
    probe = new EngineProbe();
    const result = await probe.dispatch('client.connect', { host: 'no-such-host.invalid', port: 80 });
    expect(result).toEqual({ ok: false, error: { code: 'host_not_found', params: { host: 'no-such-host.invalid' } } });
  });

  it('refuses to send after our FIN or after close, and knows no strangers', async () => {
    probe = new EngineProbe();
    const info = await probe.call('server.start', { host: '127.0.0.1', port: 0 });
    const { connId } = await probe.call('client.connect', { host: '127.0.0.1', port: info.port });
    const bytes = ascii('x');

    await probe.call('client.halfClose', { connId });
    expect(await probe.dispatch('client.send', { connId, bytes })).toEqual({
      ok: false,
      error: { code: 'not_writable', params: { connId, state: 'fin_sent' } },
    });
    // The server answers a FIN-before-request by hanging up too: wait for our side to close.
    await probe.waitForKind(connId, 'peer_fin');
    await probe.call('client.close', { connId });
    await probe.waitForKind(connId, 'closed');
    expect(await probe.dispatch('client.send', { connId, bytes })).toEqual({
      ok: false,
      error: { code: 'not_writable', params: { connId, state: 'closed' } },
    });
    expect(await probe.dispatch('client.close', { connId })).toEqual({ ok: true, value: {} });

    for (const name of ['client.send', 'client.halfClose', 'client.close', 'client.reset'] as const) {
      const result = await probe.dispatch(name, { connId: 'c999', ...(name === 'client.send' ? { bytes } : {}) });
      expect(result).toEqual({ ok: false, error: { code: 'unknown_connection', params: { connId: 'c999' } } });
    }
    // A server-side connection is not the client's to drive.
    const serverSide = await probe.serverConn();
    expect(await probe.dispatch('client.send', { connId: serverSide.connId, bytes })).toMatchObject({
      ok: false,
      error: { code: 'unknown_connection' },
    });
  });
});

describe('connectClient', () => {
  it('gives up with conn_timeout when the SYN is never answered, leaving nothing behind', async () => {
    probe = new EngineProbe(); // only for afterEach
    const server = await startPythonServer(FULL_BACKLOG_SERVER);
    const journal = new Journal({ payloadBudgetBytes: 1000, maxClosedConnections: 10, maxEventsPerConnection: 100, maxEvents: 1000 }, () => {});
    const pending = new Set<Socket>();
    try {
      const started = Date.now();
      const attempt = connectClient({
        host: '127.0.0.1',
        port: server.port,
        timeoutMs: 300,
        adopt: (socket) => new Connection(socket, journal, 'client', null),
        pending,
      });
      // The socket exists once the (instant) resolution of the IP literal is done.
      await new Promise((r) => setImmediate(r));
      expect(pending.size).toBe(1);
      await expect(attempt).rejects.toMatchObject({
        code: 'conn_timeout',
        params: { host: '127.0.0.1', port: server.port },
      });
      expect(Date.now() - started).toBeGreaterThanOrEqual(290);
      expect(pending.size).toBe(0);
      expect(journal.summaries()).toEqual([]);
    } finally {
      server.stop();
      await server.done;
    }
  });
});
