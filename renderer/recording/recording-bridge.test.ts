// A recording behind the views' bridge: it answers the journal's commands from the replay, refuses
// what would act on the network, passes the app's own settings on to the live bridge, and plays its
// steps into a store through the same ingest the live engine's events take.
import { describe, expect, it } from 'vitest';
import type { CommandName, JournalEvent } from '../../shared/contract/contract';
import { buildSession } from '../../shared/session/session-file';
import { summaryOfEvents } from '../../shared/session/summary-of-events';
import type { LinkedBridge } from '../bridge/bridge-types';
import { startIngest } from '../bridge/ingest';
import { createWirebenchStore } from '../store/store';
import { createRecordingBridge, type Timer } from './recording-bridge';

const local = { address: '127.0.0.1', port: 9000, family: 'IPv4' } as const;
const remote = { address: '127.0.0.1', port: 50000, family: 'IPv4' } as const;
const text = (s: string): Uint8Array => new TextEncoder().encode(s);
const base = { connId: 'c1', at: 1_700_000_000_000 };
const events: JournalEvent[] = [
  { ...base, seq: 0, t: 0, kind: 'opened', role: 'server', local, remote, mono: 100 },
  { ...base, seq: 1, t: 200, kind: 'data', dir: 'in', length: 18, bytes: text('GET / HTTP/1.0\r\n\r\n') },
  { ...base, seq: 2, t: 205, kind: 'data', dir: 'out', length: 17, bytes: text('HTTP/1.0 200 OK\r\n') },
  { ...base, seq: 3, t: 1200, kind: 'fin_sent' },
  { ...base, seq: 4, t: 1201, kind: 'closed', hadError: false },
];
const summary = summaryOfEvents({ connId: 'c1', role: 'server', serverId: null, local, remote, openedAt: base.at }, events);
const session = buildSession({ writer: { host: 'web', version: 't' }, servers: [], totals: { connections: 1, bytesIn: 18, bytesOut: 17, storedPayloadBytes: 35, droppedConnections: 0 }, connections: [{ summary, events }] });

/** The live bridge, recording what it is asked. */
function liveBridge(): LinkedBridge & { asked: CommandName[] } {
  const asked: CommandName[] = [];
  return {
    host: 'web',
    asked,
    invoke: (name) => {
      asked.push(name);
      return Promise.resolve({ ok: true, value: {} as never });
    },
    on: () => () => undefined,
    onLink: (handler) => {
      handler('up');
      return () => undefined;
    },
  };
}

/** A clock the test moves: each wait is kept, and fire() runs the next one due. */
function fakeTimer(): { timer: Timer; waits: number[]; fire: () => void } {
  const pending: (() => void)[] = [];
  const waits: number[] = [];
  return {
    waits,
    timer: (ms, fire) => {
      waits.push(ms);
      pending.push(fire);
      return () => pending.splice(pending.indexOf(fire), 1);
    },
    fire: () => pending.shift()?.(),
  };
}

describe('a recording behind the bridge', () => {
  it('opens as it was saved: the journal commands answer from it, acts on the network are refused, settings go live', async () => {
    const live = liveBridge();
    const bridge = createRecordingBridge(live, session);
    expect(bridge.state).toBe('ended');
    const snap = await bridge.invoke('journal.snapshot', {});
    expect(snap.ok && snap.value.conns).toEqual([summary]);
    const watched = await bridge.invoke('journal.watch', { watch: [{ connId: 'c1', fromSeq: 3 }, { connId: 'c9', fromSeq: 0 }] });
    expect(watched.ok && watched.value).toEqual({ journals: [{ connId: 'c1', events: events.slice(3) }], unknown: ['c9'] });
    const bytes = await bridge.invoke('journal.payload', { connId: 'c1', dir: 'out', offset: 9, length: 3 });
    expect(bytes.ok && new TextDecoder().decode(bytes.value.bytes ?? new Uint8Array())).toBe('200');
    expect(await bridge.invoke('client.send', { connId: 'c1', bytes: text('x') })).toEqual({ ok: false, error: { code: 'recording_read_only', params: { command: 'client.send' } } });
    expect(await bridge.invoke('server.stop', { serverId: 's1' })).toMatchObject({ ok: false, error: { code: 'recording_read_only' } });
    await bridge.invoke('settings.load', {});
    expect(live.asked).toEqual(['settings.load']);
  });

  it('replays at its own pace into a store, through the ingest live events take', async () => {
    const clock = fakeTimer();
    const bridge = createRecordingBridge(liveBridge(), session, 'start', clock.timer);
    const store = createWirebenchStore();
    startIngest(bridge, store, (flush) => {
      queueMicrotask(flush);
      return () => undefined;
    });
    await new Promise((r) => setTimeout(r, 0));
    expect(store.getState().conns).toEqual({});
    bridge.play();
    expect(bridge.state).toBe('playing');
    clock.fire(); // opened
    await new Promise((r) => setTimeout(r, 0));
    expect(store.getState().conns.c1?.bytesIn).toBe(0);
    clock.fire(); // 200 ms later: the request, and the answer 5 ms after it, in one step
    await new Promise((r) => setTimeout(r, 0));
    expect(store.getState().conns.c1).toMatchObject({ bytesIn: 18, bytesOut: 17, finSent: false });
    expect(clock.waits.slice(0, 3)).toEqual([16, 200, 995]);
    bridge.pause();
    expect(bridge.state).toBe('stopped');
    bridge.step();
    await new Promise((r) => setTimeout(r, 0));
    expect(store.getState().conns.c1?.finSent).toBe(true);
    bridge.toEnd();
    await new Promise((r) => setTimeout(r, 0));
    expect(bridge.state).toBe('ended');
    expect(store.getState().conns.c1).toEqual(summary);
  });

  it('plays faster when asked: the waits shrink by the speed', () => {
    const clock = fakeTimer();
    const bridge = createRecordingBridge(liveBridge(), session, 'start', clock.timer);
    bridge.play(10);
    clock.fire();
    clock.fire();
    expect(clock.waits.slice(0, 3)).toEqual([16, 20, 99.5]);
  });
});
