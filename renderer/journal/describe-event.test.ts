import { describe, expect, it } from 'vitest';
import type { JournalEvent } from '../../shared/contract/contract';
import { createI18n } from '../../shared/i18n/catalog';
import { dataEvent, openedEvent } from '../store/test-data';
import { describeEvent } from './describe-event';

const { t } = createI18n('en');
/** An event's own fields, per kind (Omit over the union itself would merge the kinds). */
type Body<E = JournalEvent> = E extends JournalEvent ? Omit<E, 'connId' | 'seq' | 'at' | 't'> : never;
const ev = (e: Body): JournalEvent => ({ connId: 'c1', seq: 0, at: 0, t: 0, ...e });

describe('describeEvent', () => {
  it('says who connected to whom', () => {
    expect(describeEvent(openedEvent('c1'), t)).toBe('Connected 127.0.0.1:50000 → 127.0.0.1:9000');
    const accepted = { ...openedEvent('c1'), role: 'server' } as JournalEvent;
    expect(describeEvent(accepted, t)).toBe('Accepted 127.0.0.1:9000 on 127.0.0.1:50000');
  });

  it('counts bytes with the direction, singular and plural', () => {
    expect(describeEvent(dataEvent('c1', 1, 'in', 'x'.repeat(37)), t)).toBe('← received 37 bytes');
    expect(describeEvent(dataEvent('c1', 1, 'out', 'x'), t)).toBe('→ sent 1 byte');
  });

  it('names FIN and RST, and explains error codes it knows', () => {
    expect(describeEvent(ev({ kind: 'peer_fin' }), t)).toMatch(/^FIN received/);
    expect(describeEvent(ev({ kind: 'fin_sent' }), t)).toMatch(/^FIN sent/);
    expect(describeEvent(ev({ kind: 'rst_sent' }), t)).toMatch(/^RST sent/);
    expect(describeEvent(ev({ kind: 'error', code: 'ECONNRESET' }), t)).toBe(
      'Error ECONNRESET: the peer reset the connection (RST); unread data was discarded.',
    );
    expect(describeEvent(ev({ kind: 'error', code: 'EWEIRD' }), t)).toContain('EWEIRD');
    expect(describeEvent(ev({ kind: 'closed', hadError: true }), t)).toBe('Closed after an error');
  });

  it('says where a connection waits for accept(), and when it is served', () => {
    expect(describeEvent(ev({ kind: 'queued', position: 2 }), t)).toMatch(/^Connected, waiting for accept\(\): number 2 in the queue/);
    expect(describeEvent(ev({ kind: 'dequeued' }), t)).toBe('accept() returned: the server serves this connection now');
  });

  it('says which timeout fired, after how long, and what the server did', () => {
    expect(describeEvent(ev({ kind: 'timeout', which: 'idle', ms: 120_000 }), t)).toBe(
      'Idle timeout: nothing from the client for 120 s, so the server closes the connection',
    );
    expect(describeEvent(ev({ kind: 'timeout', which: 'header', ms: 500 }), t)).toContain('500 ms');
    expect(describeEvent(ev({ kind: 'timeout', which: 'fin_wait', ms: 10_000 }), t)).toMatch(/No FIN .* 10 s .*releases the socket/);
  });

  it('turns a server note into its sentence from the catalog, with its parameters', () => {
    const note = describeEvent(ev({ kind: 'note', code: 'static_not_found', params: { path: '/favicon.ico' } }), t);
    expect(note).toContain('/favicon.ico');
    expect(note).toContain('404');
    expect(note).not.toContain('notes.');
  });
});

describe('describeEvent in Russian', () => {
  const ru = createI18n('ru').t;

  it('writes times the Russian way, with the precision English has', () => {
    const timer = ev({ kind: 'tcp_state', state: 'TIME_WAIT', timerMs: 60_000 });
    expect(describeEvent(timer, t)).toContain('60.0 s');
    expect(describeEvent(timer, ru)).toBe(ru('ui.journal.tcpStateTimer', { state: 'TIME_WAIT', seconds: '60,0' }));
    const timeout = ev({ kind: 'timeout', which: 'fin_wait', ms: 1_500 });
    expect(describeEvent(timeout, ru)).toBe(ru('ui.journal.timeout.fin_wait', { time: ru('ui.time.durationS', { value: '1,5' }) }));
  });
});
