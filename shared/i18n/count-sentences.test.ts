// Sentences that count bytes (or routes) say the count in the form its number takes: English's byte
// and bytes, Russian's байт / байта / байт (1, 2–4, 5+, with 21 like 1 and 11–14 like 5). Before,
// the Russian catalog worked around a single form with «байт: N».
import { describe, expect, it } from 'vitest';
import { createI18n } from './catalog';

/** Every family of issue 18's list, with a word its Russian forms must show for 1, 3, 5 and 21. */
const FAMILIES: readonly (readonly [key: string, params: Record<string, unknown>])[] = [
  ['ui.lessons.caption.recv', {}],
  ['ui.lessons.caption.recvEvicted', {}],
  ['ui.lessons.caption.send', {}],
  ['ui.lessons.caption.sendHead', {}],
  ['ui.lessons.caption.sendBody', {}],
  ['ui.lessons.caption.sendEchoHead', {}],
  ['ui.lessons.caption.sendEchoBody', {}],
  ['ui.lessons.caption.sendOther', {}],
  ['cli.serve.responder.canned', {}],
  ['ui.body.decoded', { codings: 'gzip' }],
  ['ui.body.binary', {}],
  ['ui.journal.truncated', {}],
  ['ui.client.fileSent', { name: 'a.bin' }],
];

const plain = (text: string) => text.replace(/\u00a0/g, ' ');

describe('counted sentences', () => {
  const en = createI18n('en').t;
  const ru = createI18n('ru').t;

  it.each(FAMILIES)('%s: one byte, 2–4 байта, 5 байт, 21 байт', (key, params) => {
    expect(en(key, { ...params, count: 1 })).toMatch(/\bbyte\b/);
    expect(en(key, { ...params, count: 1 })).not.toMatch(/\bbytes\b/);
    expect(en(key, { ...params, count: 5 })).toMatch(/\b5 (more )?bytes\b/);
    expect(ru(key, { ...params, count: 1 })).toMatch(/1 байт(?![а-я])/);
    expect(ru(key, { ...params, count: 3 })).toContain('3 байта');
    expect(ru(key, { ...params, count: 5 })).toMatch(/5 байт(?![а-я])/);
    expect(ru(key, { ...params, count: 21 })).toMatch(/21 байт(?![а-я])/);
    expect(ru(key, { ...params, count: 12 })).not.toMatch(/байт: \d/);
  });

  it('a total after «из» takes the genitive: из 21 байта, из 5 байт', () => {
    expect(plain(ru('ui.client.truncated', { shown: 4, count: 21 }))).toContain('из 21 байта');
    expect(plain(ru('ui.client.truncated', { shown: 4, count: 1_000 }))).toContain('из 1 000 байт');
    expect(plain(ru('ui.body.truncated', { shown: 4, count: 22 }))).toContain('из 22 байт');
  });

  it('routes are counted as routes', () => {
    expect(en('cli.serve.responder.routes', { count: 1 })).toContain('(1 route;');
    expect(ru('cli.serve.responder.routes', { count: 1 })).toContain('задан 1 маршрут;');
    expect(ru('cli.serve.responder.routes', { count: 3 })).toContain('задано 3 маршрута;');
    expect(ru('cli.serve.responder.routes', { count: 11 })).toContain('задано 11 маршрутов;');
  });

  it('one byte is named alone, and Chinese colons are full-width', () => {
    const zh = createI18n('zh-CN').t;
    expect(zh('ui.editor.endings.label', { endings: 'CRLF' })).toBe('行结束符：CRLF');
    expect(en('ui.editor.endings.label', { endings: 'CRLF' })).toBe('Line endings: CRLF');
    expect(zh('ui.editor.mine.manageCount', { count: 2 })).toBe('我的预设（2）');
  });
});
