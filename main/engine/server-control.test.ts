// Running servers from the contract: where they may listen, what a taken port suggests instead,
// live setting changes, restart, several servers at once, and the throttled server.changed.
import { connect, createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { EngineProbe, ascii, kinds } from '../host/testing/engine-probe';
import { run, startScript } from './testing/peers';

let probe: EngineProbe;
const held: Server[] = [];
afterEach(async () => {
  await probe.engine.close();
  for (const server of held.splice(0)) server.close();
});

const canned = (text: string): { kind: 'canned'; bytes: Uint8Array<ArrayBuffer> } => ({
  kind: 'canned',
  bytes: ascii(`HTTP/1.1 200 OK\r\nContent-Length: ${text.length}\r\n\r\n${text}`),
});

const curlBody = async (url: string, ...args: string[]): Promise<string> => {
  const seen = await run('curl', ['-sS', ...args, url]);
  if (seen.code !== 0) throw new Error(`curl ${url} exited ${seen.code}: ${seen.stderr}`);
  return seen.stdout.toString();
};

function listenOn(host: string, port: number): Promise<Server> {
  const server = createServer();
  held.push(server);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host, port }, () => resolve(server));
  });
}

const portOf = (server: Server): number => {
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('not listening');
  return address.port;
};

function connected(port: number, host = '127.0.0.1'): Promise<Socket> {
  const socket = connect({ host, port });
  return new Promise((resolve, reject) => socket.once('connect', () => resolve(socket)).once('error', reject));
}

describe('where a server listens', () => {
  it('refuses a host beyond loopback unless exposeToNetwork, and says so in ServerInfo', async () => {
    probe = new EngineProbe();
    for (const host of ['0.0.0.0', '::', '192.0.2.1', 'example.com']) {
      expect(await probe.dispatch('server.start', { host, port: 0 })).toEqual({
        ok: false,
        error: { code: 'not_loopback', params: { host } },
      });
    }
    expect((await probe.call('journal.snapshot', {})).servers).toEqual([]);
    const everywhere = await probe.call('server.start', { host: '0.0.0.0', port: 0, exposeToNetwork: true });
    expect(everywhere).toMatchObject({ host: '0.0.0.0', exposed: true, listening: true });
    const local = await probe.call('server.start', { host: 'localhost', port: 0 });
    expect(local.exposed).toBe(false);
    expect(['127.0.0.1', '::1']).toContain(local.host);
  });

  it('serves on IPv6 loopback (::1)', async () => {
    probe = new EngineProbe();
    const info = await probe.call('server.start', { host: '::1', port: 0 });
    expect(info).toMatchObject({ host: '::1', family: 'IPv6', exposed: false });
    expect(await curlBody(`http://[::1]:${info.port}/`, '-g')).toContain('Hello World');
    const conn = await probe.serverConn();
    expect(conn.remote).toMatchObject({ address: '::1', family: 'IPv6' });
  });

  it('explains a port in use, with a nearby port that really is free', async () => {
    probe = new EngineProbe();
    const taken = await listenOn('127.0.0.1', 0);
    const port = portOf(taken);
    // The next port is taken as well (if we can get it), so the suggestion has to skip it.
    const next = await listenOn('127.0.0.1', port + 1).catch(() => null);
    const result = await probe.dispatch('server.start', { host: '127.0.0.1', port });
    expect(result.ok).toBe(false);
    if (result.ok || result.error.code !== 'port_in_use') throw new Error(`expected port_in_use, got ${JSON.stringify(result)}`);
    expect(result.error).toMatchObject({ code: 'port_in_use', params: { host: '127.0.0.1', port } });
    const suggestion = result.error.params.suggestion;
    expect(suggestion).toBeGreaterThan(next ? port + 1 : port);
    expect(suggestion).toBeLessThanOrEqual(port + 100);
    // Free when suggested: we can start there.
    const info = await probe.call('server.start', { host: '127.0.0.1', port: suggestion });
    expect(info.port).toBe(suggestion);
  });

  it('runs several servers at once, each with its own settings', async () => {
    probe = new EngineProbe();
    const a = await probe.startServer({ responder: canned('nine thousand') });
    const b = await probe.startServer({ responder: canned('eight eight') });
    expect(await curlBody(`http://127.0.0.1:${a.port}/`)).toBe('nine thousand');
    expect(await curlBody(`http://127.0.0.1:${b.port}/`)).toBe('eight eight');
    const { servers, conns } = await probe.call('journal.snapshot', {});
    expect(servers.map((s) => s.serverId)).toEqual([a.serverId, b.serverId]);
    expect(conns.map((c) => c.serverId).sort()).toEqual([a.serverId, b.serverId].sort());
  });
});

describe('changing a running server', () => {
  it('server.update: the next connection gets the new answer; the info shows the settings', async () => {
    probe = new EngineProbe();
    const { port, serverId } = await probe.startServer({ responder: canned('before') });
    expect(await curlBody(`http://127.0.0.1:${port}/`)).toBe('before');
    const updated = await probe.call('server.update', { serverId, settings: { responder: canned('after'), after: 'close' } });
    expect(updated.settings).toMatchObject({ responder: canned('after'), after: 'close', answerWhen: 'first_chunk' });
    expect(probe.serverChanges.at(-1)?.servers[0]?.settings.after).toBe('close');
    expect(await curlBody(`http://127.0.0.1:${port}/`)).toBe('after');
    expect(await probe.dispatch('server.update', { serverId: 'nope', settings: {} })).toMatchObject({
      ok: false,
      error: { code: 'unknown_server' },
    });
  });

  it('server.update under keep-alive: the next request on the same connection gets the new answer', async () => {
    probe = new EngineProbe();
    const { port, serverId } = await probe.startServer({ after: 'keep_alive', responder: canned('one') });
    const request = 'GET / HTTP/1.1\r\nHost: x\r\n\r\n';
    const client = startScript(port, [
      ['send', request],
      ['quiet', 0.2],
      ['mark', 'first'],
      ['wait_stdin'],
      ['send', request + request.replace('Host: x', 'Host: x\r\nConnection: close')],
      ['read_all'],
    ]);
    await client.reached('first');
    await probe.call('server.update', { serverId, settings: { responder: canned('two') } });
    client.proceed();
    const seen = await client.done;
    const answers = [canned('one'), canned('two'), canned('two')].map((c) => Buffer.from(c.bytes).toString());
    expect(seen.stdout.toString()).toBe(answers.join(''));
    expect((await probe.serverInfo(serverId)).stats.accepted).toBe(1);
  });

  it('server.restart: listens again with the same id and settings; accepted connections carry on', async () => {
    probe = new EngineProbe();
    const first = await probe.startServer({ answerWhen: 'peer_fin', responder: canned('still here') });
    const holder = startScript(first.port, [['send', 'GET / HTTP/1.1\r\n\r\n'], ['wait_stdin'], ['shut_wr'], ['read_all']]);
    await probe.serverConn(0);

    // Elsewhere: a new port; the old one is closed.
    const moved = await probe.call('server.restart', { serverId: first.serverId, port: 0 });
    expect(moved).toMatchObject({ serverId: first.serverId, listening: true, settings: first.settings });
    expect(moved.port).not.toBe(first.port);
    await expect(connected(first.port)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    const seen = await run('sh', ['-c', `printf 'GET / HTTP/1.0\\r\\n\\r\\n' | nc -N 127.0.0.1 ${moved.port}`]);
    expect(seen.stdout.toString()).toContain('still here');

    // Where it was: with no port given, the port it had.
    const again = await probe.call('server.restart', { serverId: first.serverId });
    expect(again.port).toBe(moved.port);
    (await connected(again.port)).destroy();

    holder.proceed();
    expect((await holder.done).stdout.toString()).toContain('still here');
    expect(kinds(await probe.events((await probe.serverConn(0)).connId))).toContain('data out');
    expect((await probe.call('journal.snapshot', {})).servers.map((s) => s.serverId)).toEqual([first.serverId]);
  });

  it('server.restart onto a taken port: explained, and the server stays, not listening', async () => {
    probe = new EngineProbe();
    const { serverId } = await probe.startServer();
    const taken = portOf(await listenOn('127.0.0.1', 0));
    const result = await probe.dispatch('server.restart', { serverId, port: taken });
    expect(result).toMatchObject({ ok: false, error: { code: 'port_in_use', params: { port: taken } } });
    expect(await probe.serverInfo(serverId)).toMatchObject({ listening: false, port: taken });
    expect(probe.serverChanges.at(-1)?.servers[0]?.listening).toBe(false);
    expect(await probe.dispatch('server.restart', { serverId, host: '0.0.0.0' })).toMatchObject({
      ok: false,
      error: { code: 'not_loopback' },
    });
    const back = await probe.call('server.restart', { serverId, port: 0 });
    expect(back.listening).toBe(true);
  });
});

describe('server.changed', () => {
  it('follows the counters, at most once per interval, ending with the exact totals', async () => {
    const interval = 40;
    probe = new EngineProbe({ deltaIntervalMs: interval });
    // A backlog of 5 would make most of these wait for SYN-ACK retransmits, seconds apart.
    const { port, serverId } = await probe.call('server.start', { port: 0, backlog: 512, settings: { after: 'close' } });
    const before = probe.serverChanges.length;
    const startedAt = performance.now();
    const total = 200;
    await Promise.all(
      Array.from({ length: total }, async () => {
        const socket = await connected(port);
        socket.write('GET / HTTP/1.0\r\n\r\n');
        socket.resume();
        await new Promise((resolve) => socket.once('close', resolve));
      }),
    );
    const last = await probe.waitFor('the final counters', () => {
      const info = probe.serverChanges.at(-1)?.servers[0];
      return info?.stats.served === total && info.stats.open === 0 && info;
    });
    expect(last.stats).toEqual({ accepted: total, open: 0, queued: [], served: total });
    expect((await probe.serverInfo(serverId)).stats).toEqual(last.stats);
    const times = probe.serverChangeTimes.slice(before);
    for (let i = 1; i < times.length; i++) expect((times[i] ?? 0) - (times[i - 1] ?? 0)).toBeGreaterThanOrEqual(interval - 2);
    expect(times.length).toBeLessThanOrEqual(Math.ceil((performance.now() - startedAt) / interval) + 1);
  });
});
