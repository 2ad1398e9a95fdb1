import { describe, expect, it } from 'vitest';
import { annotate } from '../../../shared/http/annotate/annotator';
import { createI18n } from '../../../shared/i18n/catalog';
import { byteTitle, partOf, rangeText } from './describe-byte';
import { ascii, exchangeOf, SPLIT_EXCHANGE } from './test-exchange';

const { t } = createI18n('en');

describe('byte words', () => {
  const ex = exchangeOf(SPLIT_EXCHANGE);
  const annotation = annotate(ascii('GET / HTTP/1.1\r\nHost: x\r\n\r\n'), 'request');

  it('names the part, says what it means and which bytes it spans', () => {
    expect(partOf(annotation, 1, t)).toEqual({ text: 'Method: what the client asks the server to do (GET, POST, ...).', offset: 0, length: 3 });
    expect(partOf(annotation, 99, t)).toBeUndefined();
    expect(rangeText(7, 1, t)).toBe('byte 7');
    expect(rangeText(4, 4, t)).toBe('bytes 4–7 (4 bytes)');
  });

  it('keeps the range where a language’s "one" form also counts 21 bytes, and says one byte as one', () => {
    const ru = createI18n('ru').t;
    expect(rangeText(20, 21, ru)).toBe('байты 20–40 (21 байт)');
    expect(rangeText(20, 22, ru)).toBe('байты 20–41 (22 байта)');
    expect(rangeText(7, 1, ru)).toBe('байт 7');
    expect(rangeText(7, 1, createI18n('zh-CN').t)).toBe('字节 7');
  });

  it('tells where a read starts, and when, in a title', () => {
    const title = byteTitle(ex, annotation, 'in', 8, t);
    expect(title.split('\n')[0]).toBe(
      'Chunk 2: one read of 19 bytes at +2.00 ms, from offset 8. TCP delivers a stream: where a read starts says nothing about the messages in it.',
    );
    expect(title.split('\n').slice(1)).toEqual(['HTTP version: which version of HTTP the message speaks.', 'bytes 6–13 (8 bytes)']);
    expect(byteTitle(ex, undefined, 'out', 40, t)).toBe('byte 40');
  });
});
