// The span store alone (shared/http/annotate/spans.ts): spans added as numbers come out as the
// model's contiguous Span objects; the growing parts (body, chunk data, unparsed, tunnel) merge
// with the piece before of the same kind and message, nothing else does; take() hands spans over
// and forgets them, never lengthening one already handed over; many spans (past a block) and long
// ones (past 2^31) come out exact.
import { describe, expect, it } from 'vitest';
import type { Span } from './annotation';
import { KIND, NO_FIELD, SpanStore } from './spans';

const short = (spans: Iterable<Span>): string[] => Array.from(spans, (s) => `${s.offset}/${s.length}/${s.kind}/${s.message}${s.field === undefined ? '' : `/f${s.field}`}`);

describe('SpanStore', () => {
  it('lays spans out from 0, each after the one before, with a field only where one was given', () => {
    const store = new SpanStore();
    store.add(KIND.method, 3, 0, NO_FIELD);
    store.add(KIND.sp, 1, 0, NO_FIELD);
    store.add(KIND.field_name, 4, 0, 0);
    store.add(KIND.line_end, 2, 0, 0);
    const spans = store.toTable().toArray();
    expect(short(spans)).toEqual(['0/3/method/0', '3/1/sp/0', '4/4/field_name/0/f0', '8/2/line_end/0/f0']);
    expect('field' in (spans[0] as Span)).toBe(false);
  });

  it('merges a growing part with the piece before of the same kind and message, and nothing else', () => {
    const store = new SpanStore();
    store.add(KIND.body, 5, 0, NO_FIELD);
    store.add(KIND.body, 7, 0, NO_FIELD); // merged
    store.add(KIND.body, 2, 1, NO_FIELD); // another message's body
    store.add(KIND.chunk_data, 3, 1, NO_FIELD); // another kind
    store.add(KIND.chunk_data, 3, 1, NO_FIELD); // merged
    store.add(KIND.line_end, 2, 1, NO_FIELD);
    store.add(KIND.line_end, 2, 1, NO_FIELD); // not a growing part: two line ends are two spans
    store.add(KIND.unparsed, 1, -1, NO_FIELD);
    store.add(KIND.unparsed, 1, -1, NO_FIELD); // merged
    store.add(KIND.tunnel, 4, -1, NO_FIELD);
    store.add(KIND.tunnel, 4, -1, NO_FIELD); // merged
    expect(short(store.toTable().toArray())).toEqual([
      '0/12/body/0',
      '12/2/body/1',
      '14/6/chunk_data/1',
      '20/2/line_end/1',
      '22/2/line_end/1',
      '24/2/unparsed/-1',
      '26/8/tunnel/-1',
    ]);
  });

  it('hands over all but the last span, which may still grow; then the rest, never lengthening what it handed over', () => {
    const store = new SpanStore();
    store.add(KIND.blank_line, 2, 0, NO_FIELD);
    store.add(KIND.body, 10, 0, NO_FIELD);
    expect(short(store.take(false))).toEqual(['0/2/blank_line/0']);
    store.add(KIND.body, 5, 0, NO_FIELD);
    expect(short(store.toTable().toArray())).toEqual(['2/15/body/0']);
    expect(short(store.take(true))).toEqual(['2/15/body/0']);
    expect(store.toTable().toArray()).toEqual([]);
    // The body taken whole is not lengthened: its next piece is a span of its own.
    store.add(KIND.body, 3, 0, NO_FIELD);
    expect(short(store.take(true))).toEqual(['17/3/body/0']);
  });

  it('gives back exactly what was added across many blocks, taken at any point or not at all', () => {
    const kinds = [KIND.field_name, KIND.colon, KIND.ows, KIND.field_value, KIND.line_end];
    const whole = new SpanStore();
    const taken = new SpanStore();
    const parts: Span[] = [];
    for (let i = 0; i < 20_000; i++) {
      const kind = kinds[i % kinds.length] as number;
      whole.add(kind, 1 + (i % 7), i >> 6, i % 50);
      taken.add(kind, 1 + (i % 7), i >> 6, i % 50);
      // Takes at irregular points, some right at the blocks' edges (8, 16, ..., 8192).
      if (i % 997 === 0 || i === 7 || i === 8191 || i === 8192) parts.push(...taken.take(i % 2 === 0));
    }
    parts.push(...taken.take(true));
    const expected: Span[] = [];
    let offset = 0;
    for (let i = 0; i < 20_000; i++) {
      const length = 1 + (i % 7);
      expected.push({ offset, length, kind: (['field_name', 'colon', 'ows', 'field_value', 'line_end'] as const)[i % 5] as Span['kind'], message: i >> 6, field: i % 50 });
      offset += length;
    }
    expect(whole.toTable().toArray()).toEqual(expected);
    expect(parts).toEqual(expected);
  });

  it('keeps a body past 2^31 bytes exact', () => {
    const store = new SpanStore();
    store.add(KIND.blank_line, 2, 0, NO_FIELD);
    for (let i = 0; i < 5; i++) store.add(KIND.body, 2 ** 30, 0, NO_FIELD);
    store.add(KIND.method, 3, 1, NO_FIELD);
    expect(short(store.toTable().toArray())).toEqual(['0/2/blank_line/0', `2/${5 * 2 ** 30}/body/0`, `${2 + 5 * 2 ** 30}/3/method/1`]);
  });
});
