// The reason an RST came, as the console's status, the card and the journal read it from the store.
import { describe, expect, it } from 'vitest';
import type { JournalEvent } from '../../shared/contract/contract';
import { buildTranscript, transcriptItems } from '../features/client-console/transcript';
import { selectRstReasonKey } from './rst-select';
import { createWirebenchStore } from './store';
import { dataEvent, delta, openedEvent, summary } from './test-data';

const at = (connId: string, seq: number) => ({ connId, seq, at: 1000 + seq, t: seq });

/** Lesson L2 in the console: the request, the answer, the server's FIN, a line more, its RST. */
function l2(connId: string, role: 'client' | 'server' = 'client'): JournalEvent[] {
  return [
    { ...openedEvent(connId), role } as JournalEvent,
    dataEvent(connId, 1, 'out', 'GET /hello HTTP/1.1\r\n'),
    dataEvent(connId, 2, 'in', 'HTTP/1.1 200 OK\n\nHello, World!'),
    { ...at(connId, 3), kind: 'peer_fin' },
    dataEvent(connId, 4, 'out', 'one more line\r\n'),
    { ...at(connId, 5), kind: 'rst_received', how: 'kernel' },
    { ...at(connId, 6), kind: 'tcp_state', state: 'CLOSED', timerMs: null },
  ];
}

describe('selectRstReasonKey', () => {
  it('names the reason the summary gives, for the side that received the RST, with no events held', () => {
    const store = createWirebenchStore();
    store.getState().applyDelta(delta([summary('c1', { finReceived: true }), summary('c2', { role: 'server' })], []));
    expect(selectRstReasonKey('c1')(store.getState())).toBeNull();
    store.getState().applyDelta(
      delta([summary('c1', { finReceived: true, reset: true, rstCause: 'sent_after_fin' }), summary('c2', { role: 'server', reset: true, rstCause: 'sent_after_fin' })], []),
    );
    expect(selectRstReasonKey('c1')(store.getState())).toBe('rst.client.sent_after_fin');
    expect(selectRstReasonKey('c2')(store.getState())).toBe('rst.server.sent_after_fin');
  });

  it('our own RST (rst_sent) has no reason to give', () => {
    const store = createWirebenchStore();
    store.getState().applyDelta(delta([summary('c1', { reset: true })], [openedEvent('c1'), { ...at('c1', 1), kind: 'rst_sent' }]));
    expect(selectRstReasonKey('c1')(store.getState())).toBeNull();
    expect(selectRstReasonKey(null)(store.getState())).toBeNull();
  });
});

describe('the transcript', () => {
  it('carries the cause with the server’s RST', () => {
    const notes = transcriptItems(buildTranscript(l2('c1'))).flatMap((i) => (i.type === 'note' ? [i] : []));
    expect(notes.map((n) => [n.event.kind, n.rstCause])).toEqual([
      ['opened', undefined],
      ['peer_fin', undefined],
      ['rst_received', 'sent_after_fin'],
      ['tcp_state', undefined],
    ]);
  });
});
