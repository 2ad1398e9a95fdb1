// The engine through the door a host uses (createDispatch): what the contract refuses never
// reaches the engine, and what the OS refuses comes back as a code with its parameters.
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { events as eventSchemas } from '../../shared/contract/contract';
import { DEFAULT_SERVER_SETTINGS } from '../../shared/server/defaults';
import { ascii, EngineProbe } from '../host/testing/engine-probe';

let probe: EngineProbe;
afterEach(async () => {
  await probe.engine.close();
});

describe('the door', () => {
  it('refuses unknown commands and bad input, and changes nothing', async () => {
    probe = new EngineProbe();
    const before = await probe.call('journal.snapshot', {});
    const refusals: [unknown, unknown, string][] = [
      ['server.explode', {}, 'unknown_command'],
      [42, {}, 'unknown_command'],
      ['server.start', { port: '9000' }, 'bad_input'],
      ['server.start', { port: 70000 }, 'bad_input'],
      ['server.start', { port: -1 }, 'bad_input'],
      ['server.start', { port: 0, backlog: 0 }, 'bad_input'],
      ['server.start', { host: 'evil host', port: 0 }, 'bad_input'],
      ['server.start', { port: 0, reuse: true }, 'bad_input'],
      ['client.connect', { host: '127.0.0.1', port: 0 }, 'bad_input'],
      ['client.connect', { host: '127.0.0.1' }, 'bad_input'],
      ['client.send', { connId: 'c1', bytes: 'text is not bytes' }, 'bad_input'],
      ['client.send', { connId: 'c1', bytes: new Uint8Array(0) }, 'bad_input'],
      ['journal.snapshot', { all: true }, 'bad_input'],
    ];
    for (const [name, input, code] of refusals) {
      const result = await probe.dispatch(name, input);
      expect(result, `${String(name)} ${JSON.stringify(input)}`).toMatchObject({ ok: false, error: { code } });
    }
    expect(await probe.call('journal.snapshot', {})).toEqual(before);
    expect(before).toEqual({
      servers: [],
      conns: [],
      totals: { connections: 0, bytesIn: 0, bytesOut: 0, storedPayloadBytes: 0, droppedConnections: 0 },
    });
    expect(probe.serverChanges).toEqual([]);
  });

  it('reports what app.info was given', async () => {
    probe = new EngineProbe({ host: 'web', version: '1.2.3' });
    expect(await probe.dispatch('app.info', {})).toEqual({ ok: true, value: { host: 'web', version: '1.2.3' } });
  });

  it('starts on port 0 with the real port, and explains a port in use', async () => {
    probe = new EngineProbe();
    const info = await probe.call('server.start', { host: '127.0.0.1', port: 0, backlog: 16 });
    expect(info).toEqual({
      serverId: info.serverId,
      host: '127.0.0.1',
      port: info.port,
      family: 'IPv4',
      listening: true,
      backlog: 16,
      exposed: false,
      settings: DEFAULT_SERVER_SETTINGS,
      responseVersion: 1,
      stats: { accepted: 0, open: 0, queued: [], served: 0 },
    });
    expect(info.serverId).toMatch(/^\S+$/);
    expect(info.port).toBeGreaterThan(0);
    expect(probe.serverChanges.at(-1)).toEqual({ servers: [info] });

    const again = await probe.dispatch('server.start', { host: '127.0.0.1', port: info.port });
    expect(again).toEqual({
      ok: false,
      error: { code: 'port_in_use', params: { host: '127.0.0.1', port: info.port, suggestion: expect.any(Number) as number } },
    });
    // The failed start left nothing behind: one server, and the first one still answers.
    expect((await probe.call('journal.snapshot', {})).servers).toEqual([info]);
    const socket = connect({ host: '127.0.0.1', port: info.port });
    await new Promise((resolve, reject) => socket.once('connect', resolve).once('error', reject));
    socket.destroy();

    expect(await probe.dispatch('server.stop', { serverId: 'nope' })).toEqual({
      ok: false,
      error: { code: 'unknown_server', params: { serverId: 'nope' } },
    });
  });

  it('explains an address that is not ours', async () => {
    probe = new EngineProbe();
    // TEST-NET-1 (RFC 5737): never assigned to a machine, so binding to it fails.
    const result = await probe.dispatch('server.start', { host: '192.0.2.1', port: 0, exposeToNetwork: true });
    expect(result).toEqual({ ok: false, error: { code: 'address_not_available', params: { host: '192.0.2.1' } } });
  });

  it('emits events that match the contract', async () => {
    probe = new EngineProbe();
    const { port } = await probe.call('server.start', { host: '127.0.0.1', port: 0 });
    const { connId } = await probe.call('client.connect', { host: '127.0.0.1', port });
    await probe.call('client.send', { connId, bytes: ascii('GET / HTTP/1.0\r\n\r\n') });
    await probe.waitForKind(connId, 'peer_fin');
    await probe.waitFor('a delta', () => probe.deltas.length > 0);
    for (const delta of probe.deltas) expect(eventSchemas['journal.delta'].parse(delta)).toEqual(delta);
    for (const change of probe.serverChanges) expect(eventSchemas['server.changed'].parse(change)).toEqual(change);
  });

  it('stops everything on close, and refuses new work afterwards', async () => {
    probe = new EngineProbe();
    const { port } = await probe.call('server.start', { host: '127.0.0.1', port: 0 });
    const { connId } = await probe.call('client.connect', { host: '127.0.0.1', port });
    await probe.serverConn();
    await probe.engine.close();
    const snapshot = await probe.call('journal.snapshot', {});
    expect(snapshot.servers).toEqual([]);
    expect(snapshot.conns.every((c) => c.closed)).toBe(true);
    expect(snapshot.conns.map((c) => c.connId)).toContain(connId);
    // The last delta went out before close resolved.
    expect(probe.deltas.at(-1)?.conns.every((c) => c.closed)).toBe(true);
    const refused = connect({ host: '127.0.0.1', port });
    await expect(new Promise((resolve, reject) => refused.once('connect', resolve).once('error', reject))).rejects.toMatchObject({
      code: 'ECONNREFUSED',
    });
    expect(await probe.dispatch('server.start', { port: 0 })).toMatchObject({
      ok: false,
      error: { code: 'shutting_down', params: { command: 'server.start' } },
    });
  });
});
