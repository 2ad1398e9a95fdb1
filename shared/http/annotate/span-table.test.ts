// The span table alone (shared/http/annotate/span-table.ts): its accessors read the columns as the
// `Span` objects they stand for; the span of a byte is found by binary search; JSON has the spans
// as objects, the same document the model's span objects gave.
import { describe, expect, it } from 'vitest';
import type { Span } from './annotation';
import { SpanTable } from './span-table';

const SPANS: Span[] = [
  { offset: 10, length: 3, kind: 'method', message: 0 },
  { offset: 13, length: 1, kind: 'sp', message: 0 },
  { offset: 14, length: 4, kind: 'field_name', message: 0, field: 2 },
  { offset: 18, length: 2, kind: 'blank_line', message: 0 },
  { offset: 20, length: 5, kind: 'unparsed', message: -1 },
];

describe('SpanTable', () => {
  const table = SpanTable.of(SPANS);

  it('reads each span from its columns, as an object or by accessor', () => {
    expect(table.length).toBe(5);
    expect(table.start).toBe(10);
    expect(table.end).toBe(25);
    expect(table.toArray()).toEqual(SPANS);
    expect([...table]).toEqual(SPANS);
    expect(table.at(-1)).toEqual(SPANS[4]);
    expect(table.at(5)).toBeUndefined();
    expect('field' in (table.at(0) as Span)).toBe(false);
    expect([table.offsetOf(2), table.lengthOf(2), table.endOf(2), table.kindOf(2), table.messageOf(2), table.fieldOf(2)]).toEqual([14, 4, 18, 'field_name', 0, 2]);
    expect(table.fieldOf(0)).toBeUndefined();
  });

  it('finds the span of a byte, and none before the first or from the end on', () => {
    expect([9, 10, 12, 13, 17, 18, 24, 25].map((b) => table.indexAt(b))).toEqual([-1, 0, 0, 1, 2, 3, 4, -1]);
    expect(table.countUpTo(9)).toBe(0);
    expect(table.countUpTo(30)).toBe(5);
  });

  it('finds spans by kind and message', () => {
    expect(table.find('blank_line', 0)).toBe(3);
    expect(table.find('blank_line', 1)).toBe(-1);
    expect(table.find('method', 0, 1)).toBe(-1);
    expect(table.findLast('sp', 0)).toBe(1);
  });

  it('writes the spans as objects in JSON, and is empty where there are none', () => {
    expect(JSON.stringify({ spans: table })).toBe(JSON.stringify({ spans: SPANS }));
    const empty = SpanTable.of([], 7);
    expect([empty.length, empty.start, empty.end, empty.indexAt(7)]).toEqual([0, 7, 7, -1]);
    expect(JSON.stringify(empty)).toBe('[]');
  });

  it('refuses spans that are not contiguous', () => {
    expect(() => SpanTable.of([SPANS[0] as Span, SPANS[2] as Span])).toThrow(/starts at 14/);
  });
});
