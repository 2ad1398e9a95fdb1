// @vitest-environment happy-dom
// The waiting hint drawn alone, from journals set in the store as the engine would send them (the
// hints themselves are tested on real exchanges in main/engine/waiting-hints.test.ts): what the
// client's status line and the server's card say, and the countdown ticking down with the clock.
import { act, cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Address, JournalEvent } from '../../shared/contract/contract';
import { delta, server, summary } from '../store/test-data';
import { createWirebenchStore } from '../store/store';
import { renderPanel } from '../testing/render-panel';
import { WaitingHint } from './waiting-hint';

const CLIENT_END: Address = { address: '127.0.0.1', port: 50000, family: 'IPv4' };
const SERVER_END: Address = { address: '127.0.0.1', port: 9000, family: 'IPv4' };
const T0 = 1_700_000_000_000;

/** A journal written out: each entry given its connection, seq and times in order. */
function journal(connId: string, role: 'client' | 'server', entries: Partial<JournalEvent>[]): JournalEvent[] {
  const [local, remote] = role === 'client' ? [CLIENT_END, SERVER_END] : [SERVER_END, CLIENT_END];
  const all = [{ kind: 'opened', role, local, remote, mono: 0 }, ...entries];
  return all.map((e, seq) => ({ at: T0 + seq, t: seq, ...e, connId, seq }) as JournalEvent);
}
const data = (dir: 'in' | 'out', text: string): Partial<JournalEvent> => {
  const bytes = new TextEncoder().encode(text);
  return { kind: 'data', dir, length: bytes.length, bytes };
};

const REQUEST = 'GET / HTTP/1.1\r\nHost: x\r\n\r\n';
const ANSWER = 'HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhi';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('the waiting hint', () => {
  it('in the client status line: our server sent FIN and waits for ours, counting down its wait', async () => {
    vi.useFakeTimers({ now: T0 + 10 });
    const store = createWirebenchStore();
    const s1 = server('s1', 9000, true, { settings: { ...server('s1', 9000).settings, halfCloseWaitMs: 7000 } });
    store.getState().setServers([s1]);
    const client = journal('c1', 'client', [data('out', REQUEST), data('in', ANSWER), { kind: 'peer_fin' }]);
    const ours = journal('c2', 'server', [data('in', REQUEST), data('out', ANSWER), { kind: 'note', code: 'answered', params: {} }, { kind: 'note', code: 'waiting_for_fin', params: { ms: 7000 } }, { kind: 'fin_sent' }]);
    const noteAt = (ours[4] as JournalEvent).at;
    store.getState().applyDelta(
      delta(
        [summary('c1', { local: CLIENT_END, remote: SERVER_END }), summary('c2', { role: 'server', serverId: 's1', local: SERVER_END, remote: CLIENT_END, openedAt: 1001 })],
        [...client, ...ours],
      ),
    );
    renderPanel(<WaitingHint clientConnId="c1" />, store);
    await act(async () => void (await vi.advanceTimersByTimeAsync(0)));
    const hint = screen.getByTestId('waiting-hint');
    expect(hint.dataset.code).toBe('awaiting_peer_fin');
    expect(hint.dataset.source).toBe('server');
    expect(hint.textContent).toContain('The server sent FIN and waits for yours');
    const countdown = () => screen.getByTestId('waiting-countdown');
    // 7 s from the note, read 10 ms after the journal began: 7 s left (rounded up).
    expect(Number(countdown().dataset.seconds)).toBe(Math.ceil((noteAt + 7000 - (T0 + 10)) / 1000));
    expect(countdown().textContent).toBe('Closing anyway in 7 s.');
    await act(async () => void (await vi.advanceTimersByTimeAsync(3000)));
    expect(countdown().textContent).toBe('Closing anyway in 4 s.');
    await act(async () => void (await vi.advanceTimersByTimeAsync(5000)));
    expect(countdown().textContent).toBe('The server’s wait is over: it closes now.');
  });

  it('a new wait counts from the clock as it is drawn, not from the last tick of the wait before', async () => {
    vi.useFakeTimers({ now: T0 });
    const store = createWirebenchStore();
    store.getState().setServers([server('s1', 9000, true, { settings: { ...server('s1', 9000).settings, answerWhen: 'request_end', halfCloseWaitMs: 7000 } })]);
    const conns = [summary('c1', { local: CLIENT_END, remote: SERVER_END }), summary('c2', { role: 'server', serverId: 's1', local: SERVER_END, remote: CLIENT_END, openedAt: 1001 })];
    const client = journal('c1', 'client', [data('out', 'GET / HTTP/1.1\r\n')]);
    const ours = journal('c2', 'server', [data('in', 'GET / HTTP/1.1\r\n')]);
    store.getState().applyDelta(delta(conns, [...client, ...ours]));
    renderPanel(<WaitingHint clientConnId="c1" />, store);
    await act(async () => void (await vi.advanceTimersByTimeAsync(1500)));
    expect(screen.getByTestId('waiting-hint').dataset.code).toBe('awaiting_blank_line');
    // Half a second after the last tick, the server answers and starts its 7 s wait for our FIN.
    const now = Date.now();
    const more = (connId: string, seq: number, e: Partial<JournalEvent>) => ({ t: seq, ...e, connId, seq, at: now }) as JournalEvent;
    await act(async () => {
      store.getState().applyDelta(
        delta(conns, [
          more('c2', 2, data('in', '\r\n')),
          more('c2', 3, { kind: 'note', code: 'waiting_for_fin', params: { ms: 7000 } }),
          more('c2', 4, { kind: 'fin_sent' }),
          more('c1', 2, data('out', '\r\n')),
          more('c1', 3, { kind: 'peer_fin' }),
        ]),
      );
      await vi.advanceTimersByTimeAsync(0);
    });
    expect(screen.getByTestId('waiting-hint').dataset.code).toBe('awaiting_peer_fin');
    expect(screen.getByTestId('waiting-countdown').textContent).toBe('Closing anyway in 7 s.');
  });

  it('in the client status line, with a peer that is not ours: only what our bytes show', () => {
    const store = createWirebenchStore();
    store.getState().applyDelta(delta([summary('c1', { local: CLIENT_END, remote: SERVER_END })], journal('c1', 'client', [data('out', 'GET / HTTP/1.1\r\n')])));
    renderPanel(<WaitingHint clientConnId="c1" />, store);
    const hint = screen.getByTestId('waiting-hint');
    expect(hint.dataset.source).toBe('bytes');
    expect(hint.textContent).toBe('Your request has no blank line yet: an HTTP server waits for it before it answers.');
    expect(screen.queryByTestId('waiting-countdown')).toBeNull();
  });

  it('in the server card: each open connection, named by its client, and none once closed', () => {
    vi.useFakeTimers({ now: T0 + 10 });
    const store = createWirebenchStore();
    const s1 = server('s1', 9000, true, { settings: { ...server('s1', 9000).settings, acceptMode: 'sequential', answerWhen: 'request_end' }, stats: { accepted: 2, open: 1, queued: ['c3'], served: 0 } });
    store.getState().setServers([s1]);
    const other: Address = { address: '127.0.0.1', port: 50001, family: 'IPv4' };
    const served = journal('c2', 'server', [data('in', 'POST /f HTTP/1.1\r\nContent-Length: 10\r\n\r\nname=')]);
    const queued = journal('c3', 'server', [{ kind: 'queued', position: 1 }]);
    const done = journal('c4', 'server', [data('in', REQUEST), { kind: 'closed', hadError: false }]);
    store.getState().applyDelta(
      delta(
        [
          summary('c2', { role: 'server', serverId: 's1', local: SERVER_END, remote: CLIENT_END }),
          summary('c3', { role: 'server', serverId: 's1', local: SERVER_END, remote: other, openedAt: 1001 }),
          summary('c4', { role: 'server', serverId: 's1', local: SERVER_END, remote: other, openedAt: 1002, closed: true }),
        ],
        [...served, ...queued, ...done],
      ),
    );
    renderPanel(<WaitingHint server={s1} />, store);
    const hints = screen.getAllByTestId('waiting-hint');
    expect(hints.map((h) => h.dataset.code)).toEqual(['body_bytes_due', 'queued_in_backlog']);
    expect(hints[0]?.textContent).toContain('127.0.0.1:50000');
    expect(hints[0]?.textContent).toContain('Waits for 5 more body bytes: Content-Length says so.');
    expect(hints[1]?.textContent).toContain('127.0.0.1:50001');
    expect(hints[1]?.textContent).toContain('number 1 in the queue');
    // The timers: the defaults (header 60 s) count down from the request's start.
    expect(screen.getAllByTestId('waiting-countdown')[0]?.textContent).toBe('The server closes in 60 s unless a whole request has come by then.');
  });
});
