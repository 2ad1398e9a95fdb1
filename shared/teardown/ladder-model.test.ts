// The teardown diagram's model on journals written out by hand, one per situation the state
// machine must get right. (The same model on real loopback runs of every scenario, with the
// kernel's own states, is pinned in main/engine/scenarios/scenarios.test.ts.)
import { describe, expect, it } from 'vitest';
import type { JournalEvent } from '../contract';
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
    expect([fin?.sentT, fin?.arrivedT]).toEqual([3.5, 3.5]);
    if (!model) return;
    expect(model.steps.map((s) => `${s.side} ${s.code}`)).toEqual([
      'client connected',
      'client data_sent',
      'server data_sent',
      'server fin_sent',
      'client fin_received',
      'client fin_sent',
      'server fin_received',
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
  });

  it('lets the kernel win: its TIME_WAIT comes with the time left, and a CLOSED where a FIN was inferred is a correction', () => {
    const model = buildLadder(
      journal('c1', 'server', 0, [
        { kind: 'fin_sent', t: 1 },
        { kind: 'tcp_state', state: 'FIN_WAIT_2', timerMs: null, t: 1.2 },
        { kind: 'peer_fin', t: 2 },
        { kind: 'tcp_state', state: 'TIME_WAIT', timerMs: 59_800, t: 2.1 },
        { kind: 'closed', hadError: false, t: 2.2 },
      ]),
    );
    if (!model) throw new Error('no model');
    const timeWait = model.steps.find((s) => s.code === 'time_wait');
    expect(timeWait?.params).toEqual({ seconds: 60 });
    expect(timeWait?.states.server).toMatchObject({ state: 'TIME_WAIT', source: 'kernel', timerMs: 59_800, canSend: false, canReceive: false });
    expect(model.steps.find((s) => s.code === 'kernel_state')?.params).toEqual({ state: 'FIN_WAIT_2' });

    const reset = buildLadder(journal('c1', 'client', 0, [{ kind: 'peer_fin', t: 1 }, { kind: 'tcp_state', state: 'CLOSED', timerMs: null, t: 1.05 }]));
    const correction = reset?.steps.find((s) => s.code === 'kernel_corrects');
    expect(correction?.params).toEqual({ state: 'CLOSED', inferred: 'CLOSE_WAIT' });
    expect(correction?.states.client).toMatchObject({ state: 'CLOSED', source: 'kernel', canSend: false, canReceive: false });
  });

  it('an RST tears both sides down, and a FIN sent to a side already gone reaches no one', () => {
    const client = journal('c1', 'client', 0, [data(0.5, 'out', 35), data(2, 'in', 100), { kind: 'peer_fin', t: 2.1 }, { kind: 'fin_sent', t: 4 }, { kind: 'closed', hadError: false, t: 4.1 }]);
    const server = journal('c2', 'server', 0, [data(0.7, 'in', 35), data(1, 'out', 100), { kind: 'rst_sent', t: 1.5 }, { kind: 'closed', hadError: true, t: 1.6 }]);
    const model = buildLadder(server, client);
    if (!model) throw new Error('no model');
    expect(model.steps.map((s) => `${s.side} ${s.code}`)).toEqual([
      'client connected',
      'client data_sent',
      'server data_sent',
      'server rst_sent',
      'server closed',
      'client rst_received',
      'client fin_sent',
      'client closed',
    ]);
    expect(model.arrows.find((a) => a.kind === 'rst')?.arrivedT).toBe(2.1);
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
