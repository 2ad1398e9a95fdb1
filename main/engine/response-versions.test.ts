// Which response each connection got: the server numbers its responder versions, each `answered`
// note names the one that answered, and server.versions gives their bytes back for a diff. Real
// curl against the real server, over loopback.
import { afterEach, describe, expect, it } from 'vitest';
import { RESPONSE_VERSIONS_KEPT } from '../../shared/contract/contract';
import { EngineProbe, ascii, notes } from '../host/testing/engine-probe';
import { run } from './testing/peers';

let probe: EngineProbe;
afterEach(() => probe.engine.close());

const canned = (body: string) => ({
  kind: 'canned' as const,
  bytes: ascii(`HTTP/1.1 200 OK\r\nContent-Length: ${body.length}\r\n\r\n${body}`),
});

async function fetchBody(port: number): Promise<string> {
  const seen = await run('curl', ['-sS', `http://127.0.0.1:${port}/`]);
  if (seen.code !== 0) throw new Error(`curl exited ${seen.code}: ${seen.stderr}`);
  return seen.stdout.toString();
}

describe('response versions', () => {
  it('numbers each responder change, names it in every answered note, and keeps the bytes of each', async () => {
    probe = new EngineProbe();
    const server = await probe.startServer({ responder: canned('first try') });
    expect(server.responseVersion).toBe(1);
    expect(await fetchBody(server.port)).toBe('first try');

    const updated = await probe.call('server.update', { serverId: server.serverId, settings: { responder: canned('second!') } });
    expect(updated.responseVersion).toBe(2);
    // A change that leaves the responder alone is not a new version.
    const same = await probe.call('server.update', { serverId: server.serverId, settings: { idleTimeoutMs: 5000 } });
    expect(same.responseVersion).toBe(2);
    expect(await fetchBody(server.port)).toBe('second!');

    const first = await probe.serverConn(0);
    const second = await probe.serverConn(1);
    await probe.waitForKind(second.connId, 'closed');
    expect(notes(await probe.events(first.connId))).toContain('answered responder=canned status= 200 version=1');
    expect(notes(await probe.events(second.connId))).toContain('answered responder=canned status= 200 version=2');

    const { versions } = await probe.call('server.versions', { serverId: server.serverId });
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
    const bodies = versions.map((v) => (v.responder.kind === 'canned' ? Buffer.from(v.responder.bytes).toString('latin1') : ''));
    expect(bodies[0]).toMatch(/first try$/);
    expect(bodies[1]).toMatch(/second!$/);
  });

  it(`forgets all but the latest ${RESPONSE_VERSIONS_KEPT} versions, and keeps counting`, async () => {
    probe = new EngineProbe();
    const server = await probe.startServer({ responder: canned('v1') });
    for (let n = 2; n <= RESPONSE_VERSIONS_KEPT + 5; n++) {
      await probe.call('server.update', { serverId: server.serverId, settings: { responder: canned(`v${n}`) } });
    }
    const { versions } = await probe.call('server.versions', { serverId: server.serverId });
    expect(versions).toHaveLength(RESPONSE_VERSIONS_KEPT);
    expect(versions[0]?.version).toBe(6);
    expect(versions.at(-1)?.version).toBe(RESPONSE_VERSIONS_KEPT + 5);
    expect((await probe.serverInfo(server.serverId)).responseVersion).toBe(RESPONSE_VERSIONS_KEPT + 5);
  });

  it('answers unknown_server for a server it does not have', async () => {
    probe = new EngineProbe();
    expect(await probe.dispatch('server.versions', { serverId: 's99' })).toEqual({
      ok: false,
      error: { code: 'unknown_server', params: { serverId: 's99' } },
    });
  });
});
