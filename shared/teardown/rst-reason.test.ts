// Why an RST came, from the journal alone: each cause from the events before the RST.
import { describe, expect, it } from 'vitest';
import type { JournalEvent } from '../contract/contract';
import { createI18n } from '../i18n/catalog';
import { RST_CAUSES, rstReasonKey, rstReceivedIn } from './rst-reason';

let seq = 0;
const base = () => ({ connId: 'c1', seq: seq++, at: 0, t: 0 });
const finIn = (): JournalEvent => ({ ...base(), kind: 'peer_fin' });
const dataIn = (): JournalEvent => ({ ...base(), kind: 'data', dir: 'in', length: 1, bytes: null });
const dataOut = (): JournalEvent => ({ ...base(), kind: 'data', dir: 'out', length: 1, bytes: null });
const rst = (how: 'read' | 'write' | 'kernel' = 'read'): JournalEvent => ({ ...base(), kind: 'rst_received', how });

describe('rstReceivedIn', () => {
  it('none: no rst_received, whatever else happened', () => {
    expect(rstReceivedIn([dataOut(), dataIn(), finIn(), { ...base(), kind: 'rst_sent' }])).toBeNull();
  });

  it('tells each cause by what came before the RST, never after', () => {
    expect(rstReceivedIn([dataOut(), dataIn(), finIn(), dataOut(), rst('kernel')])).toMatchObject({ how: 'kernel', cause: 'sent_after_fin' });
    // Bytes sent before the FIN do not count: the FIN was not in when they went.
    expect(rstReceivedIn([dataOut(), dataIn(), finIn(), rst()])).toMatchObject({ cause: 'after_fin' });
    expect(rstReceivedIn([dataOut(), dataIn(), rst('write'), dataOut()])).toMatchObject({ how: 'write', cause: 'mid_exchange' });
    expect(rstReceivedIn([dataOut(), rst(), dataIn()])).toMatchObject({ cause: 'before_data' });
  });

  it('has a sentence for every cause, for both sides', () => {
    const t = createI18n().t;
    for (const role of ['client', 'server'] as const) {
      for (const cause of RST_CAUSES) {
        const key = rstReasonKey(role, cause);
        expect(t(key)).not.toBe(key);
        expect(t(key)).toContain(role === 'client' ? 'the server' : 'the client');
      }
    }
  });
});
