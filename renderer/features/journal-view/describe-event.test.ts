import { describe, expect, it } from 'vitest';
import type { JournalEvent } from '../../../shared/contract';
import { createI18n } from '../../../shared/i18n/catalog';
import { dataEvent, openedEvent } from '../../store/test-data';
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
});
