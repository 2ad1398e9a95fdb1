import { describe, expect, it } from 'vitest';
import type { JournalEvent } from '../../../shared/contract/contract';
import { byteSource, PageCache } from './byte-source';
import { buildExchange, type Exchange } from './exchange-model';
import type { ByteRow } from './hex-layout';
import { ascii, exchangeOf, SPLIT_EXCHANGE } from './test-exchange';
import { rowStarts, TEXT_BLOCK, TextLayoutCache, textLayout } from './text-layout';

const layoutOf = (ex: Exchange, width = 64, cache = new TextLayoutCache(), budget?: number) =>
  textLayout(ex, byteSource(ex, new PageCache()), cache, { width, budget });
const brief = (row: ByteRow): string =>
  row.kind === 'head' ? `head ${row.segment.dir}` : `${row.dir} [${row.start},${row.end})${row.chunkStarts.length ? ` chunks@${row.chunkStarts.map((c) => c.offset).join(',')}` : ''}`;
const rowsOf = (ex: Exchange, width = 64) => {
  const layout = layoutOf(ex, width);
  return Array.from({ length: layout.count }, (_, i) => brief(layout.rowAt(i)));
};

describe('rowStarts', () => {
  it('breaks after each LF, the LF (and its CR) staying on the line it ends', () => {
    expect([...rowStarts(ascii('GET / HTTP/1.1\r\nHost: x\r\n\r\n'), 64)]).toEqual([0, 16, 25]);
    expect([...rowStarts(ascii('a\nb'), 64)]).toEqual([0, 2]);
    expect([...rowStarts(ascii(''), 64)]).toEqual([0]);
  });
  it('wraps a long line at the width, but never inside a UTF-8 character or between CR and LF', () => {
    expect([...rowStarts(ascii('abcdefghij'), 4)]).toEqual([0, 4, 8]);
    // "abc" then é (C3 A9): the cut at 4 would split it, so it moves back to 3.
    expect([...rowStarts(ascii('abcé12'), 4)]).toEqual([0, 3]);
    expect([...rowStarts(ascii('abc\r\nd'), 4)]).toEqual([0, 5]);
    expect([...rowStarts(ascii('abcd\r\ne'), 4)]).toEqual([0, 6]); // CR LF stay with "abcd"
    expect([...rowStarts(ascii('abcd\ne'), 4)]).toEqual([0, 5]);
    expect([...rowStarts(ascii('abcde\r\n'), 4)]).toEqual([0, 4]); // "e" CR LF go on together
    // Bytes that only look like continuations (binary) are cut where the width says.
    expect([...rowStarts(new Uint8Array([0x80, 0x80, 0x80, 0x80, 0x80, 0x80]), 4)]).toEqual([0, 4]);
  });
});

describe('textLayout', () => {
  it('shows each turn as a heading and its lines, continuing across chunk boundaries', () => {
    expect(rowsOf(exchangeOf(SPLIT_EXCHANGE))).toEqual([
      'head in',
      'in [0,16) chunks@0,8', // GET / HT|TP/1.1 CR LF: one line, two reads
      'in [16,25)',
      'in [25,27)',
      'head out',
      'out [0,17) chunks@0',
      'out [17,36)',
      'out [36,38)',
      'out [38,43) chunks@38',
    ]);
  });

  it('wraps at the width it is given', () => {
    expect(rowsOf(exchangeOf([['in', 'x'.repeat(10)]]), 4)).toEqual(['head in', 'in [0,4) chunks@0', 'in [4,8)', 'in [8,10)']);
  });

  it('finds the row of a byte, and agrees with rowAt', () => {
    const layout = layoutOf(exchangeOf(SPLIT_EXCHANGE));
    expect(layout.rowOfByte('in', 10)).toBe(1);
    expect(layout.rowOfByte('out', 40)).toBe(8);
    for (let i = 0; i < layout.count; i++) {
      const row = layout.rowAt(i);
      if (row.kind === 'bytes') for (let o = row.start; o < row.end; o++) expect(layout.rowOfByte(row.dir, o)).toBe(i);
    }
  });

  it('lays out bytes it does not have as rows of the width, spread evenly and marked pending', () => {
    const events = exchangeOf([['in', 'a\nb\nc\n']]);
    const withoutBytes = { ...events, chunks: events.chunks.map((c) => ({ ...c, bytes: null })) };
    const ex = { ...withoutBytes, in: { ...events.in, chunks: withoutBytes.chunks } };
    const layout = layoutOf(ex, 4);
    expect(layout.count).toBe(3);
    expect(layout.rowAt(1)).toMatchObject({ start: 0, end: 3, pending: true });
    expect(layout.rowAt(2)).toMatchObject({ start: 3, end: 6, pending: true });
    expect(layout.rowOfByte('in', 2)).toBe(1);
    expect(layout.rowOfByte('in', 3)).toBe(2);
  });

  it('counts a 100 MB stream a slice at a time, the blocks on screen first, each block once', () => {
    const text = ascii('line of text\r\n'.repeat(4681)); // 65 534 bytes
    const events: JournalEvent[] = Array.from({ length: 1600 }, (_, i) => ({
      connId: 'c1', seq: i, at: 0, t: i, kind: 'data', dir: 'in', length: text.length, bytes: text,
    }));
    const ex = buildExchange(events);
    const source = byteSource(ex, new PageCache());
    const cache = new TextLayoutCache();
    const middle = 50_000_000;
    // The first layout counts one block, the one on screen; the rest are estimated from it.
    let layout = textLayout(ex, source, cache, { width: 64, budget: 1, near: { dir: 'in', offset: middle } });
    expect(layout.uncounted).toBeGreaterThan(1500);
    const row = layout.rowAt(layout.rowOfByte('in', middle));
    expect(row).toMatchObject({ kind: 'bytes', pending: false });
    expect(row.kind === 'bytes' && row.start <= middle && middle < row.end).toBe(true);
    // Then a slice per frame until every block is counted.
    let frames = 1;
    while (layout.uncounted > 0) {
      layout = textLayout(ex, source, cache, { width: 64, budget: 8 * TEXT_BLOCK });
      frames++;
    }
    expect(frames).toBeLessThan(1 + 1600 / 7);
    // Every line whole (14 bytes, 4681 per chunk), plus a cut line at some 64 KiB block edges.
    const blocks = Math.ceil((1600 * text.length) / TEXT_BLOCK);
    expect(layout.count).toBeGreaterThanOrEqual(1 + 1600 * 4681);
    expect(layout.count).toBeLessThanOrEqual(1 + 1600 * 4681 + blocks);
    for (const offset of [0, 13, 14, middle, 1600 * text.length - 1]) {
      const found = layout.rowAt(layout.rowOfByte('in', offset));
      expect(found.kind === 'bytes' && found.start <= offset && offset < found.end && !found.pending).toBe(true);
    }
    // A layout of the same bytes (a delta arrived) counts nothing again.
    expect(textLayout(ex, source, cache, { width: 64, budget: 0 })).toMatchObject({ count: layout.count, uncounted: 0 });
  });
});
