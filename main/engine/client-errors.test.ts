// The client's failures, each produced for real (a closed port, a name that cannot resolve, a peer
// that resets or has gone, a SYN nobody answers) and each explained through the door as a code with
// its params, never a stack trace; and what a name resolves to, shown as the client tried it.
import { readFileSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeLines } from '../../shared/client/typed-input';
import { EngineProbe, notes, payload, wireKinds } from '../host/testing/engine-probe';
import { freePort, typed } from './testing/client-peers';
import { CLOSE_AT_ONCE_SERVER, FULL_BACKLOG_SERVER, L2_SERVER, reported, RESETTER, startPythonServer } from './testing/peers';

let probe: EngineProbe;
afterEach(async () => {
  await probe.engine.close();
});

const hello = typed(encodeLines('hello', 'crlf'));

describe('connect failures, explained', () => {
  it('a closed port: conn_refused with the host and port, and no connection journaled', async () => {
    probe = new EngineProbe();
    const port = await freePort();
    expect(await probe.dispatch('client.connect', { host: '127.0.0.1', port })).toEqual({
      ok: false,
      error: { code: 'conn_refused', params: { host: '127.0.0.1', port } },
    });
    expect(await probe.conns()).toEqual([]);
  });

  it('a name that does not resolve: host_not_found', async () => {
    probe = new EngineProbe();
    expect(await probe.dispatch('client.connect', { host: 'no-such-host.invalid', port: 80 })).toEqual({
      ok: false,
      error: { code: 'host_not_found', params: { host: 'no-such-host.invalid' } },
    });
  });

  it('a SYN nobody answers (a full accept queue): conn_timeout after timeoutMs', async () => {
    probe = new EngineProbe();
    const server = await startPythonServer(FULL_BACKLOG_SERVER);
    try {
      const started = performance.now();
      const result = await probe.dispatch('client.connect', { host: '127.0.0.1', port: server.port, timeoutMs: 300 });
      const took = performance.now() - started;
      expect(result).toEqual({ ok: false, error: { code: 'conn_timeout', params: { host: '127.0.0.1', port: server.port } } });
      expect(took).toBeGreaterThanOrEqual(295);
      expect(took).toBeLessThan(1500);
      expect(await probe.conns()).toEqual([]);
    } finally {
      server.stop();
      await server.done;
    }
  });
});

describe('a peer that goes away while we are connected', () => {
  it('resets after reading: we journal error ECONNRESET, closed with hadError, and send says why', async () => {
    probe = new EngineProbe();
    const server = await startPythonServer(RESETTER);
    const { connId } = await probe.call('client.connect', { host: '127.0.0.1', port: server.port });
    await probe.call('client.send', { connId, bytes: hello });
    const events = await probe.waitForKind(connId, 'closed');
    expect((await server.done).stderr).toContain(`received ${hello.length}\nreset\n`);

    // The RST as the event it is, then the OS's report of it (rst-received.test.ts covers its kinds).
    expect(wireKinds(events)).toEqual(['opened', 'data out', 'rst_received', 'error', 'closed']);
    expect(events).toContainEqual(expect.objectContaining({ kind: 'rst_received', how: 'read' }));
    expect(events.flatMap((e) => (e.kind === 'error' ? [e.code] : []))).toEqual(['ECONNRESET']);
    expect(events.at(-1)).toMatchObject({ kind: 'closed', hadError: true });
    expect(await probe.conn(connId)).toMatchObject({ reset: true, closed: true, finReceived: false });
    // The peer hung up on us: said as such, not as a plain "closed".
    expect(await probe.dispatch('client.send', { connId, bytes: hello })).toEqual({
      ok: false,
      error: { code: 'conn_reset', params: { connId } },
    });
  });

  it('closed fully: we may keep sending until the OS says EPIPE or ECONNRESET, then send is refused', async () => {
    probe = new EngineProbe();
    const server = await startPythonServer(CLOSE_AT_ONCE_SERVER);
    try {
      const { connId } = await probe.call('client.connect', { host: '127.0.0.1', port: server.port });
      await server.said('closed', (stderr) => stderr.includes('closed\n'));
      // Its FIN looks like a half-close; only our next writes find out it is gone: the first is
      // answered by an RST, and a write after that fails.
      await probe.waitForKind(connId, 'peer_fin');
      const results = [];
      for (let i = 0; i < 50; i++) {
        const result = await probe.dispatch('client.send', { connId, bytes: hello });
        results.push(result);
        if (!result.ok) break;
        // Time for the RST to come back before the next write; no sleep: the next send goes as
        // soon as the error is in the journal, or after a moment anyway.
        await probe.waitFor('the error', async () => (await probe.events(connId)).some((e) => e.kind === 'error'), 100).catch(() => {});
      }
      const events = await probe.waitForKind(connId, 'closed');
      const errors = events.flatMap((e) => (e.kind === 'error' ? [e.code] : []));
      expect(errors).toHaveLength(1);
      expect(['EPIPE', 'ECONNRESET']).toContain(errors[0]);
      expect(events.at(-1)).toMatchObject({ kind: 'closed', hadError: true });
      expect(results.length).toBeGreaterThanOrEqual(2);
      expect(results.at(-1)).toEqual({
        ok: false,
        error: { code: errors[0] === 'EPIPE' ? 'broken_pipe' : 'conn_reset', params: { connId } },
      });
      expect(results.slice(0, -1).every((r) => r.ok)).toBe(true);
      const k = wireKinds(events);
      expect(k.slice(0, 3)).toEqual(['opened', 'peer_fin', 'data out']);
      expect(k.slice(-3)).toEqual(['rst_received', 'error', 'closed']);
      expect(events).toContainEqual(expect.objectContaining({ kind: 'rst_received', how: 'write' }));
    } finally {
      server.stop();
    }
  });
});

/** The addresses /etc/hosts gives `name`, in its order. */
function hostsFile(name: string): string[] {
  let text: string;
  try {
    text = readFileSync('/etc/hosts', 'latin1');
  } catch {
    return [];
  }
  return text
    .split('\n')
    .map((line) => line.replace(/#.*/, '').trim().split(/\s+/))
    .filter((fields) => fields.length > 1 && fields.slice(1).includes(name))
    .map((fields) => fields[0] as string);
}

const hasIpv6Loopback = Object.values(networkInterfaces()).some((list) => list?.some((a) => a.address === '::1'));

describe('resolution: every address the name has, each one tried in turn', () => {
  it('localhost, to a server on 127.0.0.1 only: an IPv6 address first is refused, 127.0.0.1 answers', async () => {
    probe = new EngineProbe();
    const server = await startPythonServer(L2_SERVER, ['127.0.0.1']);
    const summary = await probe.call('client.connect', { host: 'localhost', port: server.port });
    const { resolution } = summary;
    const addresses = resolution.addresses.map((a) => a.address);
    expect(resolution.host).toBe('localhost');
    expect(addresses).toContain('127.0.0.1');
    // The resolver reads /etc/hosts first (nsswitch "files"): whatever it lists for localhost is there.
    for (const listed of hostsFile('localhost')) expect(addresses).toContain(listed);

    // Tried in the resolver's order up to the one that answered; those before it were refused
    // (::1 when it is listed first: nothing listens there on this port).
    const answered = addresses.indexOf('127.0.0.1');
    expect(resolution.attempts.map((a) => a.address)).toEqual(addresses.slice(0, answered + 1));
    expect(resolution.attempts.at(-1)).toEqual({ address: '127.0.0.1', family: 'IPv4', errno: null });
    for (const before of resolution.attempts.slice(0, -1)) expect(before.errno).toBe('ECONNREFUSED');
    expect(summary.remote).toEqual({ address: '127.0.0.1', port: server.port, family: 'IPv4' });

    const events = await probe.events(summary.connId);
    const failed = resolution.attempts.slice(0, -1).map((a) => `${a.address} ${a.errno}`);
    expect(notes(events)).toEqual([
      `resolved host=localhost addresses=${addresses.join(' ')} connected=127.0.0.1 failed=${failed.length ? failed.join(', ') : '—'}`,
    ]);
    await probe.call('client.send', { connId: summary.connId, bytes: typed(encodeLines('GET /hello HTTP/1.1', 'crlf')) });
    const answer = await probe.waitForKind(summary.connId, 'peer_fin');
    const python = await server.done;
    expect(payload(answer, 'in')).toEqual(reported(python.stderr, 'sent'));
    expect(python.stderr).toContain('peer 127.0.0.1\n');
  });

  it.skipIf(!hasIpv6Loopback)('::1, an IPv6 literal: one address, no lookup, and it answers (skipped without IPv6 loopback)', async () => {
    probe = new EngineProbe();
    const server = await startPythonServer(L2_SERVER, ['::1']);
    const summary = await probe.call('client.connect', { host: '::1', port: server.port });
    expect(summary.resolution).toEqual({
      host: '::1',
      addresses: [{ address: '::1', family: 'IPv6' }],
      attempts: [{ address: '::1', family: 'IPv6', errno: null }],
    });
    expect(summary.remote).toEqual({ address: '::1', port: server.port, family: 'IPv6' });
    expect(summary.local).toMatchObject({ address: '::1', family: 'IPv6' });
    expect(notes(await probe.events(summary.connId))).toEqual(['resolved host=::1 addresses=::1 connected=::1 failed=—']);

    await probe.call('client.send', { connId: summary.connId, bytes: typed(encodeLines('GET /hello HTTP/1.1', 'crlf')) });
    const events = await probe.waitForKind(summary.connId, 'peer_fin');
    const python = await server.done;
    expect(python.stderr).toContain('peer ::1\n');
    expect(payload(events, 'in')).toEqual(reported(python.stderr, 'sent'));
    expect(Buffer.from(payload(events, 'in')).toString('latin1')).toBe('HTTP/1.1 200 OK\n\nHello, World!');
  });
});
