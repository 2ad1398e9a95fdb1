// Codes inside sentences are worded, in every language, for every code that can occur; counts pick
// real plural forms. (catalog-parity.test.ts checks zh-CN and ru have every key English has.)
import { describe, expect, it } from 'vitest';
import { NOT_WRITABLE_STATES } from '../contract/errors';
import { KEEP_ALIVE_DECLINED_REASONS, REQUEST_INVALID_REASONS } from '../contract/notes';
import { RECORD_KINDS } from '../http/annotate/annotation';
import { RESPONDER_KINDS } from '../server/choices';
import { createI18n } from './catalog';
import { noteSentence, problemSentence } from './coded-sentences';
import { errorSentenceKey } from './error-key';
import { LANGUAGES } from './languages';

describe.each(LANGUAGES)('codes worded in %s', (language) => {
  const i18n = createI18n(language);
  const { t } = i18n;
  const has = (key: string) => i18n.exists(key, { lng: language, fallbackLng: false });

  it('every reason a request is invalid', () => {
    for (const reason of REQUEST_INVALID_REASONS) {
      expect(has(`notes.invalidReasons.${reason}`), reason).toBe(true);
      expect(noteSentence(t, 'request_invalid', { reason })).not.toContain(reason);
    }
  });

  it('every reason keep-alive is declined', () => {
    for (const reason of KEEP_ALIVE_DECLINED_REASONS) {
      expect(has(`notes.declinedReasons.${reason}`), reason).toBe(true);
      expect(noteSentence(t, 'keep_alive_declined', { reason })).not.toContain(reason);
    }
  });

  it('every responder that answers', () => {
    for (const responder of RESPONDER_KINDS) {
      expect(has(`notes.responders.${responder}`), responder).toBe(true);
      expect(noteSentence(t, 'answered', { responder, status: ' 200', version: 3 })).toContain(t(`notes.responders.${responder}`));
    }
  });

  it('every kind of record not kept', () => {
    for (const kind of RECORD_KINDS) {
      expect(has(`problems.records.${kind}_other`), kind).toBe(true);
      expect(problemSentence(t, 'records_not_kept', { kind, kept: 10, total: 12 })).toContain(t(`problems.records.${kind}`, { count: 12 }));
    }
  });

  it('every reason a connection cannot send, and which button to press', () => {
    const said = new Set<string>();
    for (const state of NOT_WRITABLE_STATES) {
      const key = errorSentenceKey({ code: 'not_writable', params: { connId: 'c1', state } });
      expect(has(key), key).toBe(true);
      said.add(t(key, { connId: 'c1' }));
    }
    // Each state in its own words, none of them the code itself.
    expect(said.size).toBe(NOT_WRITABLE_STATES.length);
    for (const sentence of said) expect(sentence).not.toMatch(/fin_sent|\{\{/);
    for (const what of ['folder', 'file'] as const) {
      const key = errorSentenceKey({ code: 'path_not_allowed', params: { path: '/x', what } });
      expect(has(key), key).toBe(true);
      const button = t(what === 'folder' ? 'ui.server.files.chooseFolder' : 'ui.server.files.chooseFile');
      expect(t(key, { path: '/x' })).toContain(button);
    }
  });
});

describe('counts in sentences take their plural form', () => {
  it('in Russian, 1, 21, 22 and 25 bytes each read right', () => {
    // Russian groups thousands with a no-break space; compared here with a plain one.
    const ru = createI18n('ru');
    const t = (key: never, params?: Record<string, unknown>) => ru.t(key, params).replace(/\u00a0/g, ' ');
    expect(noteSentence(t, 'request_complete', { length: 21 })).toContain('полностью: 21 байт ');
    expect(noteSentence(t, 'request_complete', { length: 22 })).toContain('полностью: 22 байта ');
    expect(noteSentence(t, 'drip_started', { bytes: 25, everyMs: 100 })).toContain('по 25 байт ');
    expect(noteSentence(t, 'file_too_large', { file: 'a.bin', size: 70_000_001, limit: 67_108_864 })).toContain('занимает 70 000 001 байт,');
    expect(problemSentence(t, 'content_length_short', { received: 3, declared: 21 })).toContain('после 3 из 21 байта, объявленного');
    expect(problemSentence(t, 'records_not_kept', { kind: 'chunks', kept: 10_000, total: 1_400_001 })).toContain('В этом сообщении 1 400 001 фрагмент:');
    expect(problemSentence(t, 'records_not_kept', { kind: 'fields', kept: 10_000, total: 10_002 })).toContain('В этом сообщении 10 002 поля заголовка:');
  });

  it('in English, one byte is a byte', () => {
    const { t } = createI18n('en');
    expect(noteSentence(t, 'request_complete', { length: 1 })).toContain('complete: 1 byte (');
    expect(noteSentence(t, 'request_complete', { length: 1234 })).toContain('complete: 1,234 bytes (');
    expect(problemSentence(t, 'reason_trailing_space', { count: 1 })).toContain('(1 byte)');
    expect(noteSentence(t, 'answered', { responder: 'canned', status: ' 200', version: 2 })).toBe(
      'The server answered (canned response 200, response version 2).',
    );
  });
});
