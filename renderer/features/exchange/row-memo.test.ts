import { describe, expect, it } from 'vitest';
import { selectionBetween } from '../../store/selection-slice';
import { hexLayout, type ByteRow } from './hex-layout';
import { sameBytes, sameRow, selectionInRow } from './row-memo';
import { ascii, exchangeOf, SPLIT_EXCHANGE } from './test-exchange';

type BytesRow = Extract<ByteRow, { kind: 'bytes' }>;

describe('row-memo', () => {
  const layout = hexLayout(exchangeOf(SPLIT_EXCHANGE));
  const rowAt = (i: number): BytesRow => {
    const row = layout.rowAt(i);
    if (row.kind !== 'bytes') throw new Error(`row ${i} is a heading`);
    return row;
  };

  it('compares bytes by what they are, views or copies', () => {
    const page = ascii('GET / HTTP/1.1');
    expect(sameBytes(page.subarray(0, 3), page.subarray(0, 3))).toBe(true);
    expect(sameBytes(page.subarray(0, 3), ascii('GET'))).toBe(true);
    expect(sameBytes(page.subarray(0, 3), ascii('GEX'))).toBe(false);
    expect(sameBytes(page.subarray(0, 3), page.subarray(0, 4))).toBe(false);
    expect(sameBytes('loading', 'loading')).toBe(true);
    expect(sameBytes('loading', page.subarray(0, 3))).toBe(false);
  });

  it('compares rows by their place and chunk starts, not their objects', () => {
    expect(rowAt(1)).not.toBe(layout.rowAt(1));
    expect(sameRow(rowAt(1), rowAt(1))).toBe(true);
    expect(sameRow(rowAt(1), rowAt(2))).toBe(false);
    // A chunk starting at the same offset in another exchange is another chunk.
    const other = hexLayout(exchangeOf([['in', 'GET / HTTP/1.1\r\n'], ['in', 'Host: x\r\n\r\n']])).rowAt(1) as BytesRow;
    expect(sameRow(rowAt(1), other)).toBe(false);
  });

  it("sees only the selection's part inside the row", () => {
    const row = rowAt(1); // bytes 0-15 of the request
    expect(selectionInRow(null, row)).toBe('');
    expect(selectionInRow(selectionBetween('c1', 'out', 0, 3), row)).toBe('');
    expect(selectionInRow(selectionBetween('c1', 'in', 20, 24), row)).toBe('');
    // Moving the selection's end outside the row changes nothing drawn in it...
    expect(selectionInRow(selectionBetween('c1', 'in', 4, 30), row)).toBe(selectionInRow(selectionBetween('c1', 'in', 4, 40), row));
    // ...moving it inside, or the caret into it, does.
    expect(selectionInRow(selectionBetween('c1', 'in', 4, 8), row)).not.toBe(selectionInRow(selectionBetween('c1', 'in', 4, 9), row));
    expect(selectionInRow(selectionBetween('c1', 'in', 30, 4), row)).not.toBe(selectionInRow(selectionBetween('c1', 'in', 4, 30), row));
  });
});
