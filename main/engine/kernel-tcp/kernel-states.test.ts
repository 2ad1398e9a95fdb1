// The engine's kernel states end to end: which hosts read them, the journal taking them after
// `closed`, a connection the journal drops while watched, and our client against lesson L1's own
// Python server (shutdown(SHUT_WR), then close), over real loopback sockets.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { JournalEvent } from '../../../shared/contract/contract';
import { Journal } from '../journal';
import { buildLadder } from '../../../shared/teardown/ladder-model';
import { L1_SERVER, startPythonServer } from '../testing/peers';
import { ascii, EngineProbe, wireKinds } from '../../host/testing/engine-probe';
import { parseProcNetTcp, readSocketTables } from './proc-net-tcp';
import { TABLE_WAIT_MS, tableTooBig } from './table-size';

// A test that needs the kernel's table may first wait for an earlier burst's TIME_WAITs to go.
vi.setConfig({ testTimeout: TABLE_WAIT_MS + 20_000, hookTimeout: TABLE_WAIT_MS + 10_000 });

const linux = process.platform === 'linux';
let probe: EngineProbe | null = null;
afterEach(async () => {
  await probe?.engine.close();
  probe = null;
});
/** The tests that need the kernel's table read: skipped, saying why, when the engine would not read it. */
const needsTable = async (ctx: { skip(note?: string): never }): Promise<void> => {
  const why = await tableTooBig();
  if (why) ctx.skip(why);
};

const states = (events: readonly JournalEvent[]): string[] => events.flatMap((e) => (e.kind === 'tcp_state' ? [e.state] : []));

/** Our client against our own server answering L1's way; resolves once both have closed. */
async function oneExchange(p: EngineProbe): Promise<{ client: string; server: string }> {
  const { port } = await p.startServer();
  const { connId } = await p.call('client.connect', { host: '127.0.0.1', port });
  await p.call('client.send', { connId, bytes: ascii('GET / HTTP/1.0\r\n\r\n') });
  await p.waitForKind(connId, 'peer_fin');
  await p.call('client.close', { connId });
  const server = (await p.serverConn()).connId;
  await p.waitForKind(server, 'closed');
  await p.waitForKind(connId, 'closed');
  return { client: connId, server };
}

describe('which engines read the kernel', () => {
  it('the CLI host does not, unless asked: `wirebench serve` and the benches pay nothing', async () => {
    probe = new EngineProbe(); // host 'cli'
    const { client, server } = await oneExchange(probe);
    await new Promise((r) => setTimeout(r, 150));
    expect(states(await probe.events(client))).toEqual([]);
    expect(states(await probe.events(server))).toEqual([]);
  });

  it.skipIf(!linux)('the app hosts (web, electron) do, on Linux', async (ctx) => {
    await needsTable(ctx);
    probe = new EngineProbe({ host: 'web' });
    const { client, server } = await oneExchange(probe);
    await probe.waitFor('the server TIME_WAIT', async () => states(await probe!.events(server)).includes('TIME_WAIT'));
    await probe.waitFor('the client CLOSED', async () => states(await probe!.events(client)).includes('CLOSED'));
  });
});

describe('the journal and late states', () => {
  const end = { address: '127.0.0.1', port: 1, family: 'IPv4' as const };
  it('takes a state after `closed` (the kernel keeps TIME_WAIT after we let go), in sequence', () => {
    const journal = new Journal({ payloadBudgetBytes: 1000, maxClosedConnections: 1, maxEventsPerConnection: 100, maxEvents: 1000 }, () => undefined);
    const connId = journal.open(null, { kind: 'opened', role: 'client', local: end, remote: end, at: 0, t: 0, mono: 5 });
    journal.append(connId, { kind: 'closed', hadError: false, at: 1, t: 1 });
    journal.append(connId, { kind: 'tcp_state', state: 'TIME_WAIT', timerMs: 59_990, at: 2, t: 2 });
    expect(journal.events(connId)?.map((e) => `${e.seq} ${e.kind}`)).toEqual(['0 opened', '1 closed', '2 tcp_state']);
    expect(journal.opened(connId)?.mono).toBe(5);
    // Past the cap on closed connections the first is dropped whole: a late state goes nowhere.
    const next = journal.open(null, { kind: 'opened', role: 'client', local: end, remote: end, at: 0, t: 0, mono: 6 });
    journal.append(next, { kind: 'closed', hadError: false, at: 1, t: 1 });
    expect(journal.has(connId)).toBe(false);
    expect(journal.opened(connId)).toBeUndefined();
    journal.append(connId, { kind: 'tcp_state', state: 'CLOSED', timerMs: null, at: 3, t: 3 });
    expect(journal.events(connId)).toBeUndefined();
  });

  it.skipIf(!linux)('a watched connection the journal drops is let go, and close() leaves nothing running', async (ctx) => {
    await needsTable(ctx);
    probe = new EngineProbe({ kernelStates: true, maxClosedConnections: 2 });
    const first = await oneExchange(probe);
    const second = await oneExchange(probe);
    // The first exchange's two ends were dropped (two closed connections kept), mid-watch.
    expect((await probe.dispatch('journal.events', { connId: first.client })).ok).toBe(false);
    await probe.waitFor('a state of the last', async () => states(await probe!.events(second.client)).length > 0);
    await probe.engine.close();
    const after = (await probe.events(second.client)).length;
    await new Promise((r) => setTimeout(r, 200));
    expect((await probe.events(second.client)).length).toBe(after);
  });
});

describe.skipIf(!linux)("lesson L1's Python server (shutdown(SHUT_WR), then close) and our client", () => {
  beforeEach(needsTable);
  it('our client reads the FIN before it closes: CLOSE_WAIT, then CLOSED; Python holds TIME_WAIT', async () => {
    probe = new EngineProbe({ kernelStates: true });
    const server = await startPythonServer(L1_SERVER);
    const { connId, local, remote } = await probe.call('client.connect', { host: '127.0.0.1', port: server.port });
    await probe.call('client.send', { connId, bytes: ascii('GET http://127.0.0.1/romeo.txt HTTP/1.0\r\n\r\n') });
    await probe.waitForKind(connId, 'peer_fin');
    await probe.waitFor('CLOSE_WAIT read', async () => states(await probe!.events(connId)).includes('CLOSE_WAIT'));
    await probe.call('client.close', { connId });
    await server.done;
    const events = await probe.waitFor('CLOSED read', async () => {
      const e = await probe!.events(connId);
      return states(e).at(-1) === 'CLOSED' && e;
    });

    const order = wireKinds(events);
    expect(order.indexOf('peer_fin')).toBeLessThan(order.indexOf('fin_sent'));
    expect(order.filter((k) => k !== 'data in' && k !== 'tcp_state')).toEqual(['opened', 'data out', 'peer_fin', 'fin_sent', 'closed']);
    const ours = states(events);
    expect(ours[0]).toBe('CLOSE_WAIT');
    expect(ours.every((s) => ['CLOSE_WAIT', 'LAST_ACK', 'CLOSED'].includes(s))).toBe(true);
    expect(ours).not.toContain('TIME_WAIT');

    // The diagram from our client's side alone: the server's FIN comes before our close, the
    // server's lane is inferred (not ours), and it is the one that ends in TIME_WAIT.
    const model = buildLadder(events);
    if (!model) throw new Error('no diagram');
    expect(model.lanes.server.connId).toBeNull();
    const arrows = model.arrows.map((a) => `${a.from} ${a.kind}`);
    expect(arrows.indexOf('server fin')).toBeGreaterThan(-1);
    expect(arrows.indexOf('server fin')).toBeLessThan(arrows.indexOf('client fin'));
    const said = model.steps.map((st) => `${st.side} ${st.code}`);
    expect(said.indexOf('server fin_sent')).toBeLessThan(said.indexOf('client closed'));
    const last = model.steps.at(-1);
    expect(last?.states.server).toMatchObject({ state: 'TIME_WAIT', source: 'inferred' });
    expect(last?.states.client.source).toBe('kernel');

    // The Python end, seen from our machine's table: the 4-tuple the other way round, in TIME_WAIT.
    const table = ((await readSocketTables()) ?? []).flatMap((t) => parseProcNetTcp(t));
    const python = table.find((s) => s.local.port === remote.port && s.remote.port === local.port);
    expect(python).toMatchObject({ state: 'TIME_WAIT', timer: 3 });
  });
});
