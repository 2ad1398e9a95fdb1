import { describe, expect, it } from 'vitest';
import type { JournalEvent } from '../../../shared/contract/contract';
import { buildExchange } from './exchange-model';
import { hexLayout, type ByteRow } from './hex-layout';
import { exchangeOf, SPLIT_EXCHANGE } from './test-exchange';

const brief = (row: ByteRow): string =>
  row.kind === 'head'
    ? `head ${row.segment.dir}`
    : `${row.dir} ${row.rowOffset} [${row.start},${row.end}) chunks@${row.chunkStarts.map((c) => c.offset).join(',')}`;

describe('hexLayout', () => {
  it('draws each turn as a heading and rows of 16, aligned in its stream, chunk starts marked', () => {
    const layout = hexLayout(exchangeOf(SPLIT_EXCHANGE));
    const rows = Array.from({ length: layout.count }, (_, i) => brief(layout.rowAt(i)));
    expect(rows).toEqual([
      'head in',
      'in 0 [0,16) chunks@0,8', // the second read starts mid-row: "GET / HT|TP/1.1.."
      'in 16 [16,27) chunks@',
      'head out',
      'out 0 [0,16) chunks@0',
      'out 16 [16,32) chunks@',
      'out 32 [32,43) chunks@38',
    ]);
  });

  it('never mixes directions: a turn that starts mid-row leaves the cells before it empty', () => {
    const layout = hexLayout(exchangeOf([['in', 'abc'], ['out', 'x'], ['in', 'defghijklmnopqrstu']]));
    const rows = Array.from({ length: layout.count }, (_, i) => brief(layout.rowAt(i)));
    expect(rows).toEqual(['head in', 'in 0 [0,3) chunks@0', 'head out', 'out 0 [0,1) chunks@0', 'head in', 'in 0 [3,16) chunks@3', 'in 16 [16,21) chunks@']);
  });

  it('finds the row of any byte', () => {
    const layout = hexLayout(exchangeOf(SPLIT_EXCHANGE));
    expect(layout.rowOfByte('in', 0)).toBe(1);
    expect(layout.rowOfByte('in', 20)).toBe(2);
    expect(layout.rowOfByte('out', 42)).toBe(6);
    expect(layout.rowOfByte('out', 43)).toBe(-1);
    for (let i = 0; i < layout.count; i++) {
      const row = layout.rowAt(i);
      if (row.kind === 'bytes') expect(layout.rowOfByte(row.dir, row.start)).toBe(i);
    }
  });

  it('lays out 100 MB without a row object per row: rows are computed by index', () => {
    // 1600 chunks of 64 KiB each way in turn (one shared buffer: only the layout is under test).
    const chunk = new Uint8Array(65_536);
    const events: JournalEvent[] = Array.from({ length: 1600 }, (_, i) => ({
      connId: 'c1', seq: i, at: 0, t: i, kind: 'data', dir: i % 2 === 0 ? 'in' : 'out', length: chunk.length, bytes: chunk,
    }));
    const layout = hexLayout(buildExchange(events));
    expect(layout.count).toBe(1600 * (1 + 4096));
    const mid = layout.rowAt(800 * 4097 + 2049);
    expect(mid).toMatchObject({ kind: 'bytes', dir: 'in', rowOffset: 400 * 65_536 + 2048 * 16, start: 400 * 65_536 + 2048 * 16 });
    expect(layout.rowOfByte('in', 400 * 65_536 + 2048 * 16 + 5)).toBe(800 * 4097 + 2049);
  });
});
