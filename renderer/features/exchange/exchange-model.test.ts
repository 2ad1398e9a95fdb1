import { describe, expect, it } from 'vitest';
import { summary } from '../../store/test-data';
import { buildExchange, chunkAt, chunksStartingIn, segmentAt } from './exchange-model';
import { chunkEvents, exchangeOf, SPLIT_EXCHANGE } from './test-exchange';

describe('buildExchange', () => {
  it('keeps every chunk in time order, with its direction, its offset in that stream, length and time', () => {
    const ex = exchangeOf(SPLIT_EXCHANGE);
    expect(ex.chunks.map((c) => [c.dir, c.ordinal, c.offset, c.length, c.t])).toEqual([
      ['in', 1, 0, 8, 1],
      ['in', 2, 8, 19, 2],
      ['out', 1, 0, 38, 3],
      ['out', 2, 38, 5, 4],
    ]);
    expect(ex.in.end).toBe(27);
    expect(ex.out.end).toBe(43);
  });

  it('groups consecutive chunks of one direction into segments, which alternate', () => {
    const ex = exchangeOf([...SPLIT_EXCHANGE, ['in', 'GET /2 HTTP/1.1\r\n\r\n']]);
    expect(ex.segments.map((s) => [s.dir, s.offset, s.length, s.chunkCount])).toEqual([
      ['in', 0, 27, 2],
      ['out', 0, 43, 2],
      ['in', 27, 19, 1],
    ]);
    expect(ex.in.segments.map((s) => s.index)).toEqual([0, 2]);
  });

  it('ignores events that are not data and chunks of no bytes', () => {
    const ex = exchangeOf([['in', ''], ['in', 'x']]);
    expect(ex.chunks).toHaveLength(1);
    expect(ex.chunks[0]?.offset).toBe(0);
  });

  it('keeps true stream offsets when the journal dropped the oldest chunks (a gap after opened)', () => {
    const events = chunkEvents(SPLIT_EXCHANGE).filter((e) => e.seq !== 1 && e.seq !== 3);
    const ex = buildExchange(events, summary('c1', { bytesIn: 27, bytesOut: 43, chunksIn: 2, chunksOut: 2 }));
    expect(ex.in.base).toBe(8);
    expect(ex.chunks.map((c) => c.ordinal)).toEqual([2, 2]);
    expect(ex.chunks.map((c) => [c.dir, c.offset])).toEqual([
      ['in', 8],
      ['out', 38],
    ]);
    // Without a gap the counters are not needed, and not trusted over the events.
    expect(buildExchange(chunkEvents(SPLIT_EXCHANGE), summary('c1', { bytesIn: 99 })).in.base).toBe(0);
  });
});

describe('lookups', () => {
  const ex = exchangeOf(SPLIT_EXCHANGE);
  it('finds the chunk and segment holding a byte', () => {
    expect(chunkAt(ex.in, 7)?.offset).toBe(0);
    expect(chunkAt(ex.in, 8)?.offset).toBe(8);
    expect(chunkAt(ex.in, 27)).toBeUndefined();
    expect(segmentAt(ex.out, 42)?.index).toBe(1);
    expect(segmentAt(ex.out, 43)).toBeUndefined();
  });
  it('lists the chunks starting in a range', () => {
    expect(chunksStartingIn(ex.in, 0, 16).map((c) => c.offset)).toEqual([0, 8]);
    expect(chunksStartingIn(ex.in, 1, 8)).toEqual([]);
    expect(chunksStartingIn(ex.out, 32, 48).map((c) => c.offset)).toEqual([38]);
  });
});
