// Every teardown scenario played for real (scenario.run: our server and our client over loopback),
// then checked three ways: each end's journal in order, the states the kernel showed for each
// socket (Linux: read from /proc/net/tcp while it closed), and the ladder diagram's model built
// from both journals. A read of the table takes 2 to 15 ms here, far more on a busy machine, and a
// state shorter than that (LAST_ACK on loopback lasts microseconds; FIN_WAIT_2 and CLOSE_WAIT here
// 100 ms) is seen only sometimes: so the tests require only what the kernel is sure to show, the
// last state, and states that only move forward in RFC 9293's order (section 3.3.2), never one
// exact list. The diagram's words, step by step, are pinned on recorded runs instead
// (shared/teardown/ladder-golden.test.ts).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { JournalEvent } from '../../../shared/contract/contract';
import { buildLadder } from '../../../shared/teardown/ladder-model';
import type { Side } from '../../../shared/teardown/ladder-types';
import { canReach, type TcpState, type TeardownScenario } from '../../../shared/teardown/tcp-states';
import { TABLE_WAIT_MS, tableTooBig } from '../kernel-tcp/table-size';

// The kernel-reading suite may first wait for an earlier burst's TIME_WAITs to go.
vi.setConfig({ hookTimeout: TABLE_WAIT_MS + 10_000 });
import { EngineProbe } from '../../host/testing/engine-probe';
import { hasInOrder, kernelStates, play, runs, socketEvents, type Played } from '../../host/testing/scenario-journals';

const linux = process.platform === 'linux';
let probe: EngineProbe | null = null;
afterEach(async () => {
  await probe?.engine.close();
  probe = null;
});

/** What each end's states may be, in the kernel's reading: the first closer's and the other's. */
const FIRST_CLOSER: readonly TcpState[] = ['FIN_WAIT_1', 'FIN_WAIT_2', 'TIME_WAIT'];
const SECOND_CLOSER: readonly TcpState[] = ['CLOSE_WAIT', 'LAST_ACK', 'CLOSED'];

function timeWaitLeft(events: readonly JournalEvent[]): number | null {
  const read = events.find((e) => e.kind === 'tcp_state' && e.state === 'TIME_WAIT');
  return read?.kind === 'tcp_state' ? read.timerMs : null;
}

/** Each state one that can follow the one before (RFC 9293 section 3.3.2): never back. */
function forwardOnly(states: readonly string[], what: string): void {
  states.forEach((s, i) => {
    const before = states[i - 1];
    if (before !== undefined) expect(canReach(before as TcpState, s as TcpState), `${what}: ${states.join(' ')}`).toBe(true);
  });
}

/** The side that closed first: its states within FIN_WAIT_1/2, ending in TIME_WAIT with ~60 s left. */
function closedFirst(events: readonly JournalEvent[]): void {
  const states = kernelStates(events);
  forwardOnly(states, 'kernel');
  expect(states.every((s) => FIRST_CLOSER.includes(s as TcpState)), states.join(' ')).toBe(true);
  expect(states.at(-1)).toBe('TIME_WAIT');
  // Linux keeps TIME_WAIT for 60 s (TCP_TIMEWAIT_LEN); read within moments of its start.
  expect(timeWaitLeft(events)).toBeGreaterThan(55_000);
  expect(timeWaitLeft(events)).toBeLessThanOrEqual(60_000);
}

/** The side that closed second: CLOSE_WAIT / LAST_ACK, gone (CLOSED) once its FIN is acknowledged. */
function closedSecond(events: readonly JournalEvent[]): void {
  const states = kernelStates(events);
  forwardOnly(states, 'kernel');
  expect(states.every((s) => SECOND_CLOSER.includes(s as TcpState)), states.join(' ')).toBe(true);
  expect(states.at(-1)).toBe('CLOSED');
}

/** The diagram's model of both ends; each side's states in order (repeats made one). */
function ladder({ client, server }: Played) {
  const model = buildLadder(client, server);
  if (!model) throw new Error('no model');
  const states = (side: Side): string[] => runs(model.steps.map((s) => s.states[side].state));
  const last = (side: Side) => model.steps.at(-1)?.states[side];
  return { model, arrows: model.arrows.map((a) => `${a.from} ${a.kind}`), states, last };
}

/**
 * The model's last state of each side is the kernel's last reading, and says it came from there;
 * each side's track begins ESTABLISHED and only moves forward, one state at a time.
 */
function modelEndsAsKernel(played: Played): void {
  const { last, states } = ladder(played);
  for (const side of ['client', 'server'] as const) {
    expect(last(side)).toMatchObject({ state: kernelStates(played[side]).at(-1), source: 'kernel', canSend: false, canReceive: false });
    expect(states(side)[0]).toBe('ESTABLISHED');
    forwardOnly(states(side), `the diagram's ${side}`);
  }
}

async function scenario(name: TeardownScenario): Promise<Played> {
  const p = new EngineProbe({ kernelStates: true });
  probe = p;
  return play(p, name, linux);
}

describe.skipIf(!linux)('teardown scenarios, with the kernel states read on Linux', () => {
  beforeEach(async (ctx) => {
    const why = await tableTooBig();
    if (why) ctx.skip(why);
  });

  it('server_closes_first (L1): the server FINs first and holds TIME_WAIT; the client sits in CLOSE_WAIT until it closes', async () => {
    const played = await scenario('server_closes_first');
    expect(runs(socketEvents(played.client))).toEqual(['opened', 'data out', 'data in', 'peer_fin', 'fin_sent', 'closed']);
    expect(socketEvents(played.server)).toEqual(['opened', 'data in', 'data out', 'fin_sent', 'peer_fin', 'closed']);
    // The client takes CLIENT_REACTS_MS to close, so FIN_WAIT_2 and CLOSE_WAIT are usually read
    // between; on a busy machine a read can take longer than that, so they are not required.
    closedFirst(played.server);
    closedSecond(played.client);

    const { arrows, model } = ladder(played);
    expect(arrows).toEqual(['client connect', 'client data', 'server data', 'server fin', 'client fin']);
    // The client's FIN is the last: the server, which sent its own first, waits in TIME_WAIT.
    expect(model.steps.filter((s) => s.code === 'fin_received_last' || s.code === 'time_wait').map((s) => `${s.side} ${s.code}`)).toEqual(['server fin_received_last', 'server time_wait']);
    modelEndsAsKernel(played);
  });

  it('client_half_closes_first: the client FINs with its request, still receives the answer, and holds TIME_WAIT', async () => {
    const played = await scenario('client_half_closes_first');
    expect(runs(socketEvents(played.client))).toEqual(['opened', 'data out', 'fin_sent', 'data in', 'peer_fin', 'closed']);
    expect(socketEvents(played.server)).toEqual(['opened', 'data in', 'peer_fin', 'data out', 'fin_sent', 'closed']);
    closedFirst(played.client);
    closedSecond(played.server);

    const { arrows, model } = ladder(played);
    expect(arrows).toEqual(['client connect', 'client data', 'client fin', 'server data', 'server fin']);
    // The server still sends after the client's FIN: the client could still receive.
    const answer = model.steps.find((s) => s.code === 'data_sent' && s.side === 'server');
    expect(answer?.states.client).toMatchObject({ canSend: false, canReceive: true });
    modelEndsAsKernel(played);
  });

  it('keep_alive_client_closes: two answers on one connection, then the client closes first', async () => {
    const played = await scenario('keep_alive_client_closes');
    expect(runs(socketEvents(played.client))).toEqual(['opened', 'data out', 'data in', 'data out', 'data in', 'fin_sent', 'peer_fin', 'closed']);
    expect(socketEvents(played.server)).toEqual(['opened', 'data in', 'data out', 'data in', 'data out', 'peer_fin', 'fin_sent', 'closed']);
    closedFirst(played.client);
    closedSecond(played.server);

    const { arrows } = ladder(played);
    expect(arrows).toEqual(['client connect', 'client data', 'server data', 'client data', 'server data', 'client fin', 'server fin']);
    modelEndsAsKernel(played);
  });

  it('server_resets: Node tells our client `end` as for a FIN, but the kernel shows no CLOSE_WAIT: CLOSED at once; no arrow after the RST', async () => {
    const played = await scenario('server_resets');
    // What Node reports for an RST that follows data on an allowHalfOpen socket: an `end`, no
    // error; the engine may also journal rst_received, if its read of the kernel comes in time.
    const client = runs(socketEvents(played.client));
    expect(hasInOrder(client, ['opened', 'data out', 'data in', 'closed'])).toBe(true);
    expect(client.some((k) => k === 'peer_fin' || k === 'rst_received'), client.join(' ')).toBe(true);
    expect(client.filter((k) => !['opened', 'data out', 'data in', 'peer_fin', 'rst_received', 'fin_sent', 'closed'].includes(k)), client.join(' ')).toEqual([]);
    expect(socketEvents(played.server)).toEqual(['opened', 'data in', 'data out', 'rst_sent', 'closed']);
    // A FIN would have left the client in CLOSE_WAIT; the RST tore its socket down.
    expect(kernelStates(played.client)).toEqual(['CLOSED']);
    expect(kernelStates(played.server)).toEqual(['CLOSED']);
    expect(timeWaitLeft(played.client)).toBeNull();

    // The client's close after the RST is its own business: no FIN arrow, a local close.
    const { arrows, model } = ladder(played);
    expect(arrows).toEqual(['client connect', 'client data', 'server data', 'server rst']);
    const said = model.steps.map((s) => `${s.side} ${s.code}`);
    expect(said.slice(said.indexOf('server rst_sent'))).toEqual(['server rst_sent', 'server closed_after_reset', 'client rst_received', 'client closed_after_reset']);
    modelEndsAsKernel(played);
  });

  it('client_resets_mid_response: the server reads ECONNRESET; neither side keeps any state', async () => {
    const played = await scenario('client_resets_mid_response');
    expect(runs(socketEvents(played.client))).toEqual(['opened', 'data out', 'data in', 'rst_sent', 'closed']);
    // The RST reaches the server's read: journaled as such, with the OS's ECONNRESET beside it.
    const server = runs(socketEvents(played.server));
    expect(hasInOrder(server, ['opened', 'data in', 'data out', 'error ECONNRESET', 'closed'])).toBe(true);
    expect(server.filter((k) => !['opened', 'data in', 'data out', 'rst_received', 'error ECONNRESET', 'closed'].includes(k)), server.join(' ')).toEqual([]);
    expect(kernelStates(played.client)).toEqual(['CLOSED']);
    expect(kernelStates(played.server)).toEqual(['CLOSED']);

    const { arrows, model } = ladder(played);
    expect(arrows.at(-1)).toBe('client rst');
    expect(arrows.filter((a) => a === 'server fin' || a === 'client fin')).toEqual([]);
    expect(model.steps.find((s) => s.side === 'server' && s.code.startsWith('rst_'))?.code).toBe('rst_received');
    modelEndsAsKernel(played);
  });

  it('server_hangs_client_times_out: the client gives up and closes first; the server follows', async () => {
    const played = await scenario('server_hangs_client_times_out');
    expect(socketEvents(played.client)).toEqual(['opened', 'data out', 'fin_sent', 'closed']);
    expect(played.client.find((e) => e.kind === 'note' && e.code === 'client_gave_up')).toMatchObject({ params: { ms: 1500 } });
    expect(socketEvents(played.server)).toEqual(['opened', 'data in', 'peer_fin', 'fin_sent', 'closed']);
    closedFirst(played.client);
    closedSecond(played.server);

    const { arrows } = ladder(played);
    expect(arrows).toEqual(['client connect', 'client data', 'client fin', 'server fin']);
    modelEndsAsKernel(played);
  });

  it('both_close_at_once: both FINs leave in one tick, yet on loopback the kernel delivers the first before the second is sent', async () => {
    const played = await scenario('both_close_at_once');
    expect(socketEvents(played.client)).toEqual(['opened', 'fin_sent', 'peer_fin', 'closed']);
    expect(socketEvents(played.server)).toEqual(['opened', 'fin_sent', 'peer_fin', 'closed']);
    // The loopback device hands a FIN to the peer within the sending call, so the second FIN is
    // sent from CLOSE_WAIT (LAST_ACK): one side ends in TIME_WAIT, the other simply CLOSED. A real
    // simultaneous close (both in CLOSING, then both in TIME_WAIT) would need the two FINs to
    // cross on the wire, which loopback does not do; should it ever happen, both hold TIME_WAIT.
    const endings = [kernelStates(played.client).at(-1), kernelStates(played.server).at(-1)].sort();
    if (endings[0] === 'TIME_WAIT') expect(endings).toEqual(['TIME_WAIT', 'TIME_WAIT']);
    else expect(endings).toEqual(['CLOSED', 'TIME_WAIT']);

    const { arrows } = ladder(played);
    expect(arrows[0]).toBe('client connect');
    expect(arrows.slice(1).sort()).toEqual(['client fin', 'server fin']);
    modelEndsAsKernel(played);
  });
});

describe.skipIf(linux)('teardown scenarios where the kernel cannot be read (off Linux only; on Linux the suite above reads it)', () => {
  it('plays server_closes_first with no kernel states: the renderer infers them', async () => {
    const played = await scenario('server_closes_first');
    expect(kernelStates(played.client)).toEqual([]);
    expect(kernelStates(played.server)).toEqual([]);
  });
});
