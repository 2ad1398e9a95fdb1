import { describe, expect, it } from 'vitest';
import { annotate } from './annotate/annotator';
import { contentCodings, mediaType, messageContent } from './body';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
const text = (b: Uint8Array): string => new TextDecoder().decode(b);
/** Reads from the bytes at hand; null past their end. */
const reader = (stream: Uint8Array) => (offset: number, length: number) => (offset + length <= stream.length ? stream.subarray(offset, offset + length) : null);

describe('messageContent', () => {
  it('takes the chunked framing off: only chunk data is content', () => {
    const stream = bytes('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nHello\r\n7;x=1\r\n, World\r\n0\r\n\r\n');
    const a = annotate(stream, 'response');
    const msg = a.messages[0];
    if (!msg) throw new Error('no message');
    expect(messageContent(a, msg, reader(stream))).toEqual({ bytes: bytes('Hello, World'), complete: true });
  });

  it('gives each kept-alive message its own body, and says when bytes are missing', () => {
    const stream = bytes('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nokHTTP/1.1 404 Not Found\r\nContent-Length: 9\r\n\r\nnot found');
    const a = annotate(stream, 'response');
    const [first, second] = a.messages;
    if (!first || !second) throw new Error('two messages expected');
    expect(text(messageContent(a, first, reader(stream)).bytes)).toBe('ok');
    expect(text(messageContent(a, second, reader(stream)).bytes)).toBe('not found');
    // Bytes not at hand (not fetched, evicted): left out, and the content marked incomplete.
    expect(messageContent(a, second, reader(stream.subarray(0, stream.length - 4)))).toEqual({ bytes: bytes(''), complete: false });
  });
});

describe('mediaType / contentCodings', () => {
  it('reads the media type without parameters, and the codings in order', () => {
    expect(mediaType('Text/HTML; charset=utf-8')).toBe('text/html');
    expect(mediaType(undefined)).toBe('');
    expect(contentCodings('gzip, identity,BR')).toEqual(['gzip', 'br']);
    expect(contentCodings(undefined)).toEqual([]);
  });
});
