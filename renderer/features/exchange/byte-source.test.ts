import { describe, expect, it } from 'vitest';
import { byteSource, PAGE_BYTES, PageCache } from './byte-source';
import type { Exchange } from './exchange-model';
import { ascii, exchangeOf, SPLIT_EXCHANGE } from './test-exchange';

const text = (r: unknown): unknown => (r instanceof Uint8Array ? new TextDecoder().decode(r) : r);

/** The exchange with the bytes of these chunks gone from the renderer's copy. */
function without(ex: Exchange, indices: number[]): Exchange {
  const chunks = ex.chunks.map((c) => (indices.includes(c.index) ? { ...c, bytes: null } : c));
  const dir = (d: 'in' | 'out') => ({ ...ex[d], chunks: chunks.filter((c) => c.dir === d) });
  return { ...ex, chunks, in: dir('in'), out: dir('out') };
}

describe('byteSource', () => {
  it('reads a direction as one stream, across chunks, from the events', () => {
    const source = byteSource(exchangeOf(SPLIT_EXCHANGE), new PageCache());
    expect(text(source.read('in', 4, 12))).toBe('/ HTTP/1');
    expect(text(source.read('out', 36, 43))).toBe('\r\nhello');
    expect(source.missingPages('in', 0, 27)).toEqual([]);
  });

  it('asks for pages of the chunks it has no bytes for, and reads them once they are here', () => {
    const ex = without(exchangeOf(SPLIT_EXCHANGE), [1]); // the second read of the request
    const cache = new PageCache();
    const source = byteSource(ex, cache);
    expect(source.read('in', 0, 8)).toEqual(ascii('GET / HT')); // chunk 0 still has its bytes
    expect(source.read('in', 4, 12)).toBe('loading');
    expect(source.missingPages('in', 4, 12)).toEqual([0]);
    cache.loading('in', 0);
    expect(source.missingPages('in', 4, 12)).toEqual([]); // on its way: not asked twice
    cache.put('in', 0, ascii('GET / HTTP/1.1\r\nHost: x\r\n\r\n'));
    expect(text(source.read('in', 4, 12))).toBe('/ HTTP/1');
    // The engine no longer stores them: gone, and not asked for again.
    cache.put('in', 0, null);
    expect(source.read('in', 10, 12)).toBe('evicted');
    expect(source.missingPages('in', 10, 12)).toEqual([]);
  });

  it('reads inside one page as a view of it, not a copy', () => {
    const ex = without(exchangeOf(SPLIT_EXCHANGE), [0, 1]);
    const cache = new PageCache();
    const page = ascii('GET / HTTP/1.1\r\nHost: x\r\n\r\n');
    cache.put('in', 0, page);
    const source = byteSource(ex, cache);
    const read = source.read('in', 10, 14);
    expect(text(read)).toBe('/1.1');
    expect(read instanceof Uint8Array && read.buffer).toBe(page.buffer);
    expect(text(source.read('in', 4, 12))).toBe('/ HTTP/1'); // across chunks: a copy, the same bytes
  });

  it('asks again for a page fetched before the stream grew past it', () => {
    const ex = without(exchangeOf([['in', 'abc'], ['in', 'def']]), [0, 1]);
    const cache = new PageCache();
    cache.put('in', 0, ascii('abc'));
    const source = byteSource(ex, cache);
    expect(text(source.read('in', 0, 3))).toBe('abc');
    expect(source.read('in', 0, 6)).toBe('loading');
    expect(source.missingPages('in', 2, 6)).toEqual([0]);
  });
});

describe('PageCache', () => {
  it('keeps pages up to its byte bound, dropping the least recently used first', () => {
    const cache = new PageCache(2 * PAGE_BYTES);
    const page = new Uint8Array(PAGE_BYTES);
    cache.put('in', 0, page);
    cache.put('in', 1, page);
    cache.get('in', 0); // used: 1 is now the oldest
    cache.put('out', 0, page);
    expect(cache.get('in', 1)).toBeUndefined();
    expect(cache.get('in', 0)).toBe(page);
    expect(cache.get('out', 0)).toBe(page);
    // Evicted marks cost nothing and stay.
    cache.put('in', 7, null);
    cache.put('in', 8, page);
    expect(cache.get('in', 7)).toBe('evicted');
    cache.forget('in', 7);
    expect(cache.get('in', 7)).toBeUndefined();
  });
});
