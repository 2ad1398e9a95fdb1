// The teardown diagram's model on journals written out by hand, one per situation the state
// machine must get right. (The same model on journals of real runs of every scenario and of the
// lessons' Python servers, with the kernel's own states: ladder-golden.test.ts.)
import { describe, expect, it } from 'vitest';
import type { JournalEvent } from '../contract/contract';
import { buildLadder, findPeerConnection } from './ladder-model';

type NewEvent = JournalEvent extends infer E ? (E extends JournalEvent ? Omit<E, 'connId' | 'seq' | 'at'> : never) : never;

const CLIENT = { address: '127.0.0.1', port: 50000, family: 'IPv4' as const };
const SERVER = { address: '127.0.0.1', port: 9000, family: 'IPv4' as const };

function journal(connId: string, role: 'client' | 'server', mono: number, rest: NewEvent[]): JournalEvent[] {
  const local = role === 'client' ? CLIENT : SERVER;
  const remote = role === 'client' ? SERVER : CLIENT;
  const all: NewEvent[] = [{ kind: 'opened', role, local, remote, mono, t: 0 }, ...rest];
  return all.map((e, seq) => ({ ...e, connId, seq, at: 0 }));
}
const data = (t: number, dir: 'in' | 'out', length: number): NewEvent => ({ kind: 'data', dir, length, bytes: null, t });

const states = (model: NonNullable<ReturnType<typeof buildLadder>>, side: 'client' | 'server'): string[] =>
  model.steps.map((s) => s.states[side].state).filter((s, i, all) => i === 0 || all[i - 1] !== s);

describe('buildLadder', () => {
  it('our client against a lesson L1 server: its data and FIN arrive, we close; the server closed first', () => {
    const model = buildLadder(
      journal('c1', 'client', 100, [data(1, 'out', 18), data(3, 'in', 100), { kind: 'peer_fin', t: 3.5 }, { kind: 'fin_sent', t: 5 }, { kind: 'closed', hadError: false, t: 6 }]),
    );
    expect(model?.lanes.server.connId).toBeNull();
    expect(model?.arrows.map((a) => `${a.from} ${a.kind}`)).toEqual(['client connect', 'client data', 'server data', 'server fin', 'client fin']);
    // The server's FIN is drawn where we saw it: sent and arrived at once, as far as we can know.
    const fin = model?.arrows[3];
    expect([fin?.sentT, fin?.arrivedT, fin?.landedOnly]).toEqual([3.5, 3.5, true]);
    if (!model) return;
    expect(model.steps.map((s) => `${s.side} ${s.code}`)).toEqual([
      'client connected',
      'client data_sent',
      'server data_sent',
      'server fin_sent',
      'client fin_received',
      'server fin_acked',
      'client fin_sent_last',
      // The server had sent its FIN first: this one closes both directions, and it waits in TIME_WAIT.
      'server fin_received_last',
      'server time_wait',
      'client last_ack_done',
      'client closed',
    ]);
    expect(states(model, 'client')).toEqual(['ESTABLISHED', 'CLOSE_WAIT', 'LAST_ACK', 'CLOSED']);
    expect(states(model, 'server')).toEqual(['ESTABLISHED', 'FIN_WAIT_1', 'FIN_WAIT_2', 'TIME_WAIT']);
    // After the server's FIN: the client can still send, not receive; the server the other way round.
    const afterFin = model.steps.find((s) => s.code === 'fin_received');
    expect(afterFin?.states.client).toMatchObject({ canSend: true, canReceive: false });
    expect(afterFin?.states.server).toMatchObject({ canSend: false, canReceive: true });
    expect(model.steps.every((s) => s.states.server.source === 'inferred')).toBe(true);
  });

  it('both ends ours: arrows land where the other side saw them, and crossing FINs make a simultaneous close', () => {
    const client = journal('c1', 'client', 1000, [{ kind: 'fin_sent', t: 1 }, { kind: 'peer_fin', t: 1.4 }, { kind: 'closed', hadError: false, t: 2 }]);
    const server = journal('c2', 'server', 1000.2, [{ kind: 'fin_sent', t: 0.9 }, { kind: 'peer_fin', t: 1.1 }, { kind: 'closed', hadError: false, t: 1.6 }]);
    const model = buildLadder(client, server);
    if (!model) throw new Error('no model');
    expect(model.lanes.server.connId).toBe('c2');
    const fins = model.arrows.filter((a) => a.kind === 'fin');
    const ms = (n: number): number => Math.round(n * 10) / 10;
    expect(fins.map((a) => [a.from, ms(a.sentT), ms(a.arrivedT)])).toEqual([
      ['client', 1, 1.3],
      ['server', 1.1, 1.4],
    ]);
    expect(fins[0]?.arrivalRef).toEqual({ connId: 'c2', seq: 2 });
    expect(states(model, 'client')).toEqual(['ESTABLISHED', 'FIN_WAIT_1', 'FIN_WAIT_2', 'TIME_WAIT']);
    expect(states(model, 'server')).toEqual(['ESTABLISHED', 'FIN_WAIT_1', 'CLOSING', 'TIME_WAIT']);
    expect(model.steps.find((s) => s.code === 'fins_crossed')?.side).toBe('server');
  });

  it('one track a side: a reading still in FIN_WAIT_1 after our FIN landed (a delayed ACK) replaces the inferred FIN_WAIT_2 until the kernel shows it', () => {
    const server = journal('c2', 'server', 0, [
      { kind: 'fin_sent', t: 1 },
      { kind: 'tcp_state', state: 'FIN_WAIT_1', timerMs: null, t: 1.5 },
      { kind: 'tcp_state', state: 'FIN_WAIT_2', timerMs: null, t: 3 },
      { kind: 'peer_fin', t: 5 },
      { kind: 'closed', hadError: false, t: 5.1 },
      { kind: 'tcp_state', state: 'TIME_WAIT', timerMs: 59_800, t: 5.3 },
    ]);
    const client = journal('c1', 'client', 0, [{ kind: 'peer_fin', t: 1.1 }, { kind: 'fin_sent', t: 4.9 }, { kind: 'closed', hadError: false, t: 5 }]);
    const model = buildLadder(client, server);
    if (!model) throw new Error('no model');
    // Forward only, no FIN_WAIT_2 -> FIN_WAIT_1 -> FIN_WAIT_2, and each state read is the kernel's for its whole span.
    const track = model.steps.map((s) => `${s.states.server.state} ${s.states.server.source}`).filter((s, i, all) => i === 0 || all[i - 1] !== s);
    expect(track).toEqual(['ESTABLISHED inferred', 'FIN_WAIT_1 kernel', 'FIN_WAIT_2 kernel', 'TIME_WAIT kernel']);
    const acked = model.steps.find((s) => s.code === 'fin_acked');
    expect(acked).toMatchObject({ t: 3, side: 'server', ref: { connId: 'c2', seq: 3 } });
    const timeWait = model.steps.find((s) => s.code === 'time_wait');
    // Its full length: 59.8 s left, read 0.3 ms after it began.
    expect(timeWait?.params).toEqual({ seconds: 60 });
    expect(timeWait?.states.server).toMatchObject({ state: 'TIME_WAIT', source: 'kernel', timerMs: 59_800, timerRef: { connId: 'c2', seq: 6 }, canSend: false, canReceive: false });
  });

  it('a CLOSED the kernel shows with no FIN exchange of ours is told as the RST it must have been', () => {
    const model = buildLadder(journal('c1', 'client', 0, [{ kind: 'peer_fin', t: 1 }, { kind: 'tcp_state', state: 'CLOSED', timerMs: null, t: 1.05 }]));
    const last = model?.steps.at(-1);
    expect(last).toMatchObject({ code: 'reset_seen_by_kernel', side: 'client', t: 1.05 });
    expect(last?.states.client).toMatchObject({ state: 'CLOSED', source: 'kernel', canSend: false, canReceive: false });
  });

  it('an orphaned FIN_WAIT_2 that the kernel drops after tcp_fin_timeout is told as that, not as an RST', () => {
    // L2's server closes after answering; the client never closes. 60 s later Linux forgets the
    // server's socket: CLOSED straight from FIN_WAIT_2, with nothing on the wire.
    const model = buildLadder(
      journal('c2', 'server', 0, [
        data(1, 'in', 21),
        data(1.1, 'out', 30),
        { kind: 'fin_sent', t: 1.2 },
        { kind: 'closed', hadError: false, t: 1.3 },
        { kind: 'tcp_state', state: 'FIN_WAIT_2', timerMs: null, t: 1.4 },
        { kind: 'tcp_state', state: 'CLOSED', timerMs: null, t: 61_400 },
      ]),
    );
    const last = model?.steps.at(-1);
    expect(last).toMatchObject({ code: 'fin_wait_2_timed_out', side: 'server' });
    expect(model?.steps.some((s) => s.code === 'reset_seen_by_kernel' || s.code.startsWith('rst_'))).toBe(false);
    expect(model?.arrows.some((a) => a.kind === 'rst')).toBe(false);
  });

  it('an RST from a closed peer (lesson L2, a line typed after the answer): red from the server where it landed, and nothing on the wire after it', () => {
    const model = buildLadder(
      journal('c1', 'client', 0, [
        data(1, 'out', 21),
        data(2, 'in', 30),
        { kind: 'peer_fin', t: 2.1 },
        data(3, 'out', 17),
        { kind: 'rst_received', how: 'kernel', t: 4 },
        { kind: 'tcp_state', state: 'CLOSED', timerMs: null, t: 4 },
        { kind: 'fin_sent', t: 5 },
        { kind: 'closed', hadError: false, t: 5.1 },
      ]),
    );
    if (!model) throw new Error('no model');
    expect(model.arrows.map((a) => `${a.from} ${a.kind}`)).toEqual(['client connect', 'client data', 'server data', 'server fin', 'client data', 'server rst']);
    expect(model.arrows.at(-1)).toMatchObject({ sentT: 4, arrivedT: 4, ref: { connId: 'c1', seq: 5 }, landedOnly: true });
    expect(model.steps.slice(-2).map((s) => `${s.side} ${s.code}`)).toEqual(['client rst_after_close', 'client closed_after_reset']);
    expect(model.steps.at(-1)?.states.server.state).toBe('CLOSED');
  });

  it('an RST in the middle of the exchange from a peer not ours: why it came, as shared/teardown/rst-reason.ts reads our journal', () => {
    const model = buildLadder(
      journal('c1', 'client', 0, [data(1, 'out', 21), data(2, 'in', 30), { kind: 'rst_received', how: 'read', t: 3 }, { kind: 'error', code: 'ECONNRESET', t: 3 }, { kind: 'closed', hadError: true, t: 3.1 }]),
    );
    if (!model) throw new Error('no model');
    expect(model.arrows.map((a) => `${a.from} ${a.kind}`)).toEqual(['client connect', 'client data', 'server data', 'server rst']);
    expect(model.arrows.at(-1)?.rstCause).toBe('mid_exchange');
    expect(model.steps.slice(-2).map((s) => [s.code, s.params])).toEqual([
      ['rst_arrived', { cause: 'mid_exchange' }],
      ['closed_after_reset', {}],
    ]);
  });

  it('our server resets: the RST lands at the client`s end of stream, and the client`s close after it is no arrow', () => {
    const client = journal('c1', 'client', 0, [data(0.5, 'out', 35), data(2, 'in', 100), { kind: 'peer_fin', t: 2.1 }, { kind: 'fin_sent', t: 4 }, { kind: 'closed', hadError: false, t: 4.1 }]);
    const server = journal('c2', 'server', 0, [data(0.7, 'in', 35), data(1, 'out', 100), { kind: 'rst_sent', t: 1.5 }, { kind: 'closed', hadError: true, t: 1.6 }]);
    const model = buildLadder(server, client);
    if (!model) throw new Error('no model');
    expect(model.arrows.map((a) => `${a.from} ${a.kind}`)).toEqual(['client connect', 'client data', 'server data', 'server rst']);
    expect(model.arrows.at(-1)).toMatchObject({ arrivedT: 2.1, arrivalRef: { connId: 'c1', seq: 3 } });
    expect(model.steps.map((s) => `${s.side} ${s.code}`)).toEqual([
      'client connected',
      'client data_sent',
      'server data_sent',
      'server rst_sent',
      'server closed_after_reset',
      'client rst_received',
      'client closed_after_reset',
    ]);
  });
});

describe('findPeerConnection', () => {
  it('pairs the two ends of one connection by their addresses, IPv4-mapped or not', () => {
    const mine = { connId: 'c1', local: CLIENT, remote: SERVER };
    const mapped = { connId: 'c2', local: { ...SERVER, address: '::ffff:127.0.0.1', family: 'IPv6' as const }, remote: CLIENT };
    const stranger = { connId: 'c3', local: SERVER, remote: { ...CLIENT, port: 50001 } };
    expect(findPeerConnection(mine, [mine, stranger, mapped])).toBe('c2');
    expect(findPeerConnection(mine, [mine, stranger])).toBeNull();
  });
});
