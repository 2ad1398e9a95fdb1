import { describe, expect, it } from 'vitest';
import type { JournalEvent } from '../../shared/contract/contract';
import { createI18n } from '../../shared/i18n/catalog';
import { EventLines } from './event-lines';
import { eventLine } from './journal-lines';

const i18n = createI18n('ru');
const t = (key: string, params?: Record<string, unknown>): string => i18n.t(key, params ?? {});
const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('EventLines', () => {
  it('says each event as eventLine does, through repeats and every kind of change', () => {
    const request = 'GET / HTTP/1.1\r\nHost: 127.0.0.1:9000\r\n\r\n';
    const long = `HTTP/1.1 200 OK\r\nContent-Length: 400\r\n\r\n${'x'.repeat(400)}`;
    const payloads = [
      request,
      request,
      request.replace('/ ', '/a'), // same length, one byte apart
      `${request}extra`, // same start, longer
      request.slice(0, 20), // shorter
      long,
      long,
      long.slice(0, 100) + 'y' + long.slice(101), // differs past the preview: the same line
      long.slice(0, 300) + 'z' + long.slice(301), // differs past the tokenized bytes too
      `GET /é ${'ü'.repeat(100)}`,
      `GET /é ${'ü'.repeat(100)}`,
      `GET /é ${'ü'.repeat(99)}ö`,
      `GET /é ${'ü'.repeat(99)}\xff`,
      '\xff'.repeat(80),
      '',
    ];
    const events: JournalEvent[] = [];
    let seq = 0;
    const base = (): { connId: string; seq: number; at: number; t: number } => ({ connId: `c${1 + (seq % 3)}`, seq: seq++, at: 1_700_000_000_123 + seq * 7, t: seq * 0.37 });
    for (const payload of payloads) {
      for (const dir of ['in', 'out'] as const) events.push({ ...base(), kind: 'data', dir, length: bytes(payload).length, bytes: bytes(payload) });
      events.push({ ...base(), kind: 'data', dir: 'in', length: bytes(payload).length + 5, bytes: bytes(payload) }); // only a start kept
      events.push({ ...base(), kind: 'data', dir: 'out', length: bytes(payload).length, bytes: null });
    }
    const notes: [string, Record<string, string | number>][] = [
      ['request_complete', { length: 41 }],
      ['request_complete', { length: 41 }],
      ['request_complete', { length: 1 }],
      ['answered', { responder: 'canned', status: ' 200', version: 1 }],
      ['answered', { responder: 'canned', status: ' 200', version: 1 }],
      ['answered', { responder: 'canned', status: ' 404', version: 1 }],
      ['answered', { responder: 'echo', status: ' 404', version: 1 }],
      ['answered', { responder: 'echo', status: ' 404', version: 2 }],
      ['answered', { responder: 'echo', status: ' 404' }], // a param fewer
      ['answered', { responder: 'echo', status: ' 404', version: 2, extra: 'x' }], // a param more
      ['keep_alive_waiting', {}],
      ['keep_alive_waiting', {}],
      ['static_not_found', { path: '/a' }],
      ['static_not_found', { path: '/b' }],
      ['keep_alive_declined', { reason: 'connection_close' }],
      ['keep_alive_declined', { reason: 'http_1_0' }],
    ];
    for (const [code, params] of notes) events.push({ ...base(), kind: 'note', code, params } as JournalEvent);
    events.push({ ...base(), kind: 'peer_fin' }, { ...base(), kind: 'fin_sent' }, { ...base(), kind: 'closed', hadError: false });

    const lines = new EventLines(t, 72);
    const decoded = (event: JournalEvent): string => {
      const { head, utf8 } = lines.encoded(event);
      return new TextDecoder().decode(head) + new TextDecoder().decode(utf8);
    };
    for (const event of events) {
      expect(lines.line(event)).toBe(eventLine(t, event, 72));
      expect(decoded(event)).toBe(eventLine(t, event, 72));
    }
    // Once more in another order: what was said last must not leak into a different event.
    const again = new EventLines(t, 72);
    for (const event of [...events].reverse()) expect(again.line(event)).toBe(eventLine(t, event, 72));
  });
});
