import { describe, expect, it } from 'vitest';
import { annotate } from '../../../shared/http/annotate/annotator';
import { selectionBetween } from '../../store/selection-slice';
import { hexLayout } from './hex-layout';
import { marksClass, rowMarks } from './row-marks';
import { ascii, exchangeOf, SPLIT_EXCHANGE } from './test-exchange';

describe('rowMarks', () => {
  const ex = exchangeOf(SPLIT_EXCHANGE);
  const row = hexLayout(ex).rowAt(1);
  if (row.kind !== 'bytes') throw new Error('expected a bytes row');
  const annotation = annotate(ascii('GET / HTTP/1.1\r\nHost: x\r\n\r\n'), 'request');

  it('marks selected bytes of the same direction only, and the caret', () => {
    const marks = rowMarks(row, selectionBetween('c1', 'in', 2, 0), undefined);
    expect([0, 1, 2, 3].map((o) => marks(o).selected)).toEqual([true, true, true, false]);
    expect(marks(0).caret).toBe(true);
    const other = rowMarks(row, selectionBetween('c1', 'out', 0, 5), undefined);
    expect(other(0).selected).toBe(false);
  });

  it('gives each byte its span kind, and marks where a chunk starts', () => {
    const marks = rowMarks(row, null, annotation);
    expect([0, 3, 4, 6, 14].map((o) => marks(o).kind)).toEqual(['method', 'sp', 'target', 'version', 'line_end']);
    expect([0, 7, 8].map((o) => marks(o).chunkStart)).toEqual([true, false, true]);
    expect(marksClass(marks(8))).toBe(' ann-version chunk-start');
  });

  it('marks the bytes a problem points at', () => {
    const bad = annotate(ascii('GET / HTTP/1.1\nHost: x\r\n\r\n'), 'request');
    const marks = rowMarks(row, null, bad);
    expect(bad.problems.map((p) => p.code)).toContain('bare_lf');
    expect(marks(14).problem).toBe('warning');
    expect(marks(2).problem).toBeUndefined();
    expect(marksClass(marks(14))).toContain('problem problem-warning');
  });
});
