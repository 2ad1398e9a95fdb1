import { describe, expect, it } from 'vitest';
import type { JournalEvent } from '../../shared/contract/contract';
import { createI18n } from '../../shared/i18n/catalog';
import { eventLine, preview, tokenPreview } from './journal-lines';

const i18n = createI18n();
const t = (key: string, params?: Record<string, unknown>): string => i18n.t(key, params ?? {});
const ascii = (text: string): Uint8Array => new TextEncoder().encode(text);
const base = { connId: 'c3', seq: 1, at: new Date(2026, 10, 23, 12, 0, 1, 123).getTime(), t: 0.42 };

describe('eventLine', () => {
  it('shows time, connection, offset, direction, length and the bytes with CR and LF visible', () => {
    const event: JournalEvent = { ...base, kind: 'data', dir: 'in', length: 16, bytes: ascii('GET / HTTP/1.1\r\n') };
    expect(eventLine(t, event)).toBe('12:00:01.123 c3 +0.4ms  ← 16 B "GET / HTTP/1.1␍␊"');
    const out: JournalEvent = { ...base, t: 1234.5, kind: 'data', dir: 'out', length: 2, bytes: ascii('ok') };
    expect(eventLine(t, out)).toBe('12:00:01.123 c3 +1.234s  → 2 B "ok"');
  });

  it('says when a payload is no longer stored, keeping its exact length', () => {
    const event: JournalEvent = { ...base, kind: 'data', dir: 'out', length: 5000, bytes: null };
    expect(eventLine(t, event)).toMatch(/→ 5,000 B \(payload no longer stored\)$/);
  });

  it('puts every other kind in words, notes included', () => {
    const words = (event: JournalEvent): string => eventLine(t, event).replace(/^\S+ c3 \S+ {2}/, '');
    const local = { address: '127.0.0.1', port: 9000, family: 'IPv4' as const };
    const remote = { address: '::1', port: 50123, family: 'IPv6' as const };
    expect(words({ ...base, kind: 'opened', role: 'server', local, remote, mono: 0 })).toBe('connected: [::1]:50123 → 127.0.0.1:9000');
    expect(words({ ...base, kind: 'peer_fin' })).toBe('the client sent FIN: it will send nothing more');
    expect(words({ ...base, kind: 'tcp_state', state: 'TIME_WAIT', timerMs: 59_500 })).toBe(
      'the kernel says this socket is now TIME_WAIT (59.5 s left on its timer)',
    );
    expect(words({ ...base, kind: 'fin_sent' })).toBe('the server sent FIN: it will send nothing more');
    expect(words({ ...base, kind: 'rst_sent' })).toBe('the server reset the connection (RST)');
    expect(words({ ...base, kind: 'error', code: 'ECONNRESET' })).toBe('the system reported ECONNRESET');
    expect(words({ ...base, kind: 'closed', hadError: false })).toBe('closed');
    expect(words({ ...base, kind: 'queued', position: 2 })).toBe('connected, waiting for accept(): number 2 in the queue');
    expect(words({ ...base, kind: 'timeout', which: 'fin_wait', ms: 500 })).toMatch(/FIN did not come within 500 ms/);
    expect(words({ ...base, kind: 'note', code: 'static_not_found', params: { path: '/favicon.ico' } })).toBe(
      'There is no file for /favicon.ico in the document root: 404 Not Found.',
    );
    // No kind may fall through to a raw catalog key.
    for (const line of [words({ ...base, kind: 'dequeued' }), words({ ...base, kind: 'closed', hadError: true })]) {
      expect(line).not.toMatch(/cli\.serve/);
    }
  });
});

describe('preview', () => {
  it('cuts long payloads at the limit and counts the bytes left out', () => {
    const bytes = ascii(`${'a'.repeat(10)}\r\n${'b'.repeat(10)}`);
    expect(preview(t, bytes, 100)).toBe(`"${'a'.repeat(10)}␍␊${'b'.repeat(10)}"`);
    expect(preview(t, bytes, 11)).toBe(`"${'a'.repeat(10)}␍…" (+11 B)`);
    expect(preview(t, bytes, 15)).toBe(`"${'a'.repeat(10)}␍␊bbb…" (+7 B)`);
  });

  it('counts multi-byte characters and escaped bytes exactly', () => {
    // é is two bytes; \xFF is one byte shown as four characters, whole or not at all.
    const bytes = Uint8Array.of(0xc3, 0xa9, 0xc3, 0xa9, 0xff, 0x41);
    expect(preview(t, bytes, 1)).toBe('"é…" (+4 B)');
    expect(preview(t, bytes, 4)).toBe('"éé…" (+2 B)');
    expect(preview(t, bytes, 6)).toBe('"éé\\xFF…" (+1 B)');
    expect(preview(t, bytes, 7)).toBe('"éé\\xFFA"');
  });
});

describe('amounts in each language', () => {
  const ru = createI18n('ru');
  const tRu = (key: string, params?: Record<string, unknown>): string => ru.t(key, params ?? {});
  const words = (say: typeof t, event: JournalEvent): string => eventLine(say, event).replace(/^\S+ c3 \S+ {2}/, '');

  it('keeps a timer to a tenth of a second, trailing zero and all, with the language\'s decimal sign', () => {
    const timer: JournalEvent = { ...base, kind: 'tcp_state', state: 'TIME_WAIT', timerMs: 60_000 };
    expect(words(t, timer)).toBe('the kernel says this socket is now TIME_WAIT (60.0 s left on its timer)');
    expect(words(tRu, timer)).toBe(tRu('cli.serve.event.tcpStateTimer', { state: 'TIME_WAIT', seconds: '60,0' }));
    expect(words(tRu, { ...timer, timerMs: 1_460 })).toContain('1,5');
  });

  it('groups the bytes a preview leaves out', () => {
    const bytes = ascii('a'.repeat(3_010));
    expect(preview(t, bytes, 10)).toBe(`"${'a'.repeat(10)}…" (+3,000 B)`);
    expect(preview(tRu, bytes, 10)).toBe(`"${'a'.repeat(10)}…" ${tRu('cli.serve.event.more', { rest: '3\u00a0000' })}`);
  });
});

describe('preview of ASCII bytes', () => {
  it('cuts where the token walk cuts, whatever the controls and the limit', () => {
    const t = (key: string, params?: Record<string, unknown>): string => `${key} ${JSON.stringify(params)}`;
    // A fixed pseudo-random walk over ASCII (controls, CR, LF, TAB and DEL included) and a few bytes past it.
    let seed = 19;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let round = 0; round < 2000; round++) {
      const bytes = Uint8Array.from({ length: next() % 120 }, () => (next() % 50 === 0 ? 0x80 + (next() % 0x80) : next() % 0x80));
      const limit = next() % 90;
      const [shown, shownBytes] = tokenPreview(bytes, limit);
      const rest = bytes.length - shownBytes;
      expect(preview(t, bytes, limit)).toBe(rest > 0 ? `"${shown}…" ${t('cli.serve.event.more', { rest })}` : `"${shown}"`);
    }
  });
});
