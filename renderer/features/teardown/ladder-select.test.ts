import { describe, expect, it } from 'vitest';
import type { JournalEvent } from '../../../shared/contract/contract';
import type { Arrow, LadderModel } from '../../../shared/teardown/ladder-types';
import { arrowBytes, arrowRef, arrowsOfSelection, eventOf, previewOf, stepOfArrow, timerLeftMs, timerReadAt, timeWaitSecondsLeft } from './ladder-select';
import { selectionOf } from '../../store/selection-slice';

const arrow = (over: Partial<Arrow>): Arrow => ({
  kind: 'data',
  from: 'client',
  sentT: 0,
  arrivedT: 0,
  length: 10,
  offset: 0,
  ref: { connId: 'c1', seq: 1 },
  arrivalRef: { connId: 'c2', seq: 3 },
  ...over,
});

const open = { state: 'ESTABLISHED', source: 'inferred', timerMs: null, timerRef: null, canSend: true, canReceive: true } as const;
const model = (arrows: Arrow[], steps: LadderModel['steps'] = []): LadderModel => ({
  lanes: { client: { connId: 'c1', endpoint: '' }, server: { connId: 'c2', endpoint: '' } },
  arrows,
  steps,
  duration: 0,
});

describe('arrows and the other views', () => {
  it('selects the entry in the connection looked at: the sender’s, or the receiver’s', () => {
    const a = arrow({});
    expect(arrowRef(a, 'c1')).toEqual({ connId: 'c1', seq: 1 });
    expect(arrowRef(a, 'c2')).toEqual({ connId: 'c2', seq: 3 });
    // Neither end is the one looked at (cannot happen from the UI): the sender's entry.
    expect(arrowRef(a, 'c9')).toEqual({ connId: 'c1', seq: 1 });
  });

  it('selects a chunk’s bytes out of its sender and into its receiver, at the same offset', () => {
    const a = arrow({ offset: 35, length: 100, from: 'server' });
    expect(arrowBytes(a, 'c1', 'client')).toMatchObject({ connId: 'c1', dir: 'in', offset: 35, length: 100 });
    expect(arrowBytes(a, 'c2', 'server')).toMatchObject({ connId: 'c2', dir: 'out', offset: 35, length: 100 });
    expect(arrowBytes(arrow({ kind: 'fin', length: 0 }), 'c1', 'client')).toBeNull();
  });

  it('lights the chunks a byte selection overlaps, in its direction only', () => {
    const m = model([arrow({ offset: 0, length: 10 }), arrow({ offset: 10, length: 10 }), arrow({ from: 'server', offset: 0, length: 50 }), arrow({ kind: 'fin', offset: 20, length: 0 })]);
    expect([...arrowsOfSelection(m, 'client', selectionOf('c1', 'out', 9, 2))]).toEqual([0, 1]);
    expect([...arrowsOfSelection(m, 'client', selectionOf('c1', 'in', 5, 1))]).toEqual([2]);
    expect([...arrowsOfSelection(m, 'server', selectionOf('c2', 'in', 19, 5))]).toEqual([1]);
    expect(arrowsOfSelection(m, 'client', null).size).toBe(0);
  });
});

const ev = (seq: number, rest: Partial<JournalEvent> & { kind: JournalEvent['kind'] }): JournalEvent => ({ connId: 'c1', seq, at: 1000 + seq, t: seq, ...rest }) as JournalEvent;

describe('bytes and timers from the journals', () => {
  const events = [ev(0, { kind: 'peer_fin' }), ev(1, { kind: 'data', dir: 'out', length: 5, bytes: new TextEncoder().encode('GET\r\n') })];

  it('finds an event by its ref in whichever journal holds it', () => {
    expect(eventOf([undefined, events], { connId: 'c1', seq: 1 })?.kind).toBe('data');
    expect(eventOf([events], { connId: 'c2', seq: 1 })).toBeNull();
  });

  it('previews a chunk’s first bytes with CR and LF drawn', () => {
    expect(previewOf(events[1] ?? null)).toEqual({ text: 'GET\u240d\u240a', more: 0 });
    expect(previewOf(events[1] ?? null, 2)).toEqual({ text: 'GE', more: 3 });
    expect(previewOf(events[0] ?? null)).toBeNull();
  });

  it('counts a kernel timer down from when it was read', () => {
    // The TIME_WAIT step and what follows carry the reading its timer came from.
    const read = { ...open, state: 'TIME_WAIT', source: 'kernel', timerMs: 59_800, timerRef: { connId: 'c1', seq: 1 } } as const;
    const steps: LadderModel['steps'] = [
      { t: 0, code: 'connected', side: 'client', params: {}, arrow: 0, ref: { connId: 'c1', seq: 0 }, states: { client: open, server: open } },
      { t: 1, code: 'time_wait', side: 'client', params: { seconds: 60 }, arrow: null, ref: null, states: { client: read, server: open } },
      { t: 2, code: 'closed', side: 'server', params: {}, arrow: null, ref: null, states: { client: read, server: open } },
    ];
    const m = model([arrow({ kind: 'connect' })], steps);
    expect(timerReadAt(m, 2, 'client', [events])).toBe(1001);
    expect(timerReadAt(m, 0, 'client', [events])).toBeNull();
    expect(stepOfArrow(m, 0)).toBe(0);
    expect(timerLeftMs(60_000, 1000, 31_000)).toBe(30_000);
    expect(timerLeftMs(60_000, 1000, 99_000)).toBe(0);
    expect(timerLeftMs(60_000, 1000, 500)).toBe(60_000);
  });

  it('says how many seconds of a kernel-timed TIME_WAIT are left, and nothing for any other state', () => {
    const timeWait = { ...open, state: 'TIME_WAIT', source: 'kernel', timerMs: 59_800, timerRef: { connId: 'c1', seq: 1 }, canSend: false, canReceive: false } as const;
    const steps: LadderModel['steps'] = [
      { t: 1, code: 'time_wait', side: 'server', params: { seconds: 60 }, arrow: null, ref: { connId: 'c1', seq: 1 }, states: { client: open, server: timeWait } },
    ];
    const m = model([], steps);
    expect(timeWaitSecondsLeft(m, 0, 'server', [events], 1001 + 10_000)).toBe(50);
    expect(timeWaitSecondsLeft(m, 0, 'client', [events], 1001)).toBeNull();
    expect(timeWaitSecondsLeft(m, 0, 'server', [events], 1001 + 70_000)).toBe(0);
  });
});
