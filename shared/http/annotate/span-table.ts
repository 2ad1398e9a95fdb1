// An annotation's spans as a read-only table of columns (typed arrays), not an object per span.
// A long stream has hundreds of thousands of spans: making one object each was most of result()'s
// time (one allocation per span, and the garbage collector after them), and most of what an
// annotation held (about 90 bytes a span; a row of this table is 17). bench/annotate.ts measures both.
// The spans are contiguous (every byte in exactly one span, in order), so one column of bounds
// gives both: span i is [bounds[i], bounds[i + 1]). That also makes finding the span of a byte a
// binary search on a column the table already has.
// Cold paths (the CLI's JSON, tests) may still read spans as `Span` objects: at(), the iterator
// and toArray() make them, one per call.
import { SPAN_KINDS, type Span, type SpanKind } from './span-kinds';

/** The `fields` column's value for a span outside any field line. */
export const NO_FIELD = -1;

export class SpanTable implements Iterable<Span> {
  /**
   * @param bounds where each span starts, and one more: where the last ends (count + 1 values).
   * @param kinds each span's kind, as its index in SPAN_KINDS.
   * @param messages each span's message index, or -1.
   * @param fields each span's field line index, or NO_FIELD.
   */
  constructor(
    readonly bounds: Float64Array,
    readonly kinds: Uint8Array,
    readonly messages: Int32Array,
    readonly fields: Int32Array,
  ) {}

  /** A table of `count` spans in one buffer (one allocation, not four); the caller fills the columns. */
  static allocate(count: number): SpanTable {
    // Float64 first, then the Int32 columns, then the bytes: each column aligned for its type.
    const buffer = new ArrayBuffer((count + 1) * 8 + count * 9);
    return new SpanTable(
      new Float64Array(buffer, 0, count + 1),
      new Uint8Array(buffer, (count + 1) * 8 + count * 8, count),
      new Int32Array(buffer, (count + 1) * 8, count),
      new Int32Array(buffer, (count + 1) * 8 + count * 4, count),
    );
  }

  /** A table of these spans, which must be contiguous (fixtures, tests). */
  static of(spans: readonly Span[], start = 0): SpanTable {
    const table = SpanTable.allocate(spans.length);
    table.bounds[0] = spans[0]?.offset ?? start;
    spans.forEach((s, i) => {
      if (s.offset !== table.bounds[i]) throw new Error(`span ${i} starts at ${s.offset}, not where the one before ends (${table.bounds[i]})`);
      table.bounds[i + 1] = s.offset + s.length;
      table.kinds[i] = SPAN_KINDS.indexOf(s.kind);
      table.messages[i] = s.message;
      table.fields[i] = s.field ?? NO_FIELD;
    });
    return table;
  }

  /** How many spans. */
  get length(): number {
    return this.kinds.length;
  }

  /** Where the first span starts (0 for a whole annotation; a part handed over starts later). */
  get start(): number {
    return this.bounds[0] as number;
  }

  /** Where the last span ends. */
  get end(): number {
    return this.bounds[this.kinds.length] as number;
  }

  offsetOf(i: number): number {
    return this.bounds[i] as number;
  }

  lengthOf(i: number): number {
    return (this.bounds[i + 1] as number) - (this.bounds[i] as number);
  }

  endOf(i: number): number {
    return this.bounds[i + 1] as number;
  }

  kindOf(i: number): SpanKind {
    return SPAN_KINDS[this.kinds[i] as number] as SpanKind;
  }

  messageOf(i: number): number {
    return this.messages[i] as number;
  }

  /** The span's field line index, or undefined outside a field line. */
  fieldOf(i: number): number | undefined {
    const field = this.fields[i] as number;
    return field === NO_FIELD ? undefined : field;
  }

  /** Span i as an object (a new one each call); negative i counts from the end, like Array.at. */
  at(i: number): Span | undefined {
    const n = i < 0 ? this.length + i : i;
    if (n < 0 || n >= this.length) return undefined;
    const offset = this.bounds[n] as number;
    const span: Span = { offset, length: (this.bounds[n + 1] as number) - offset, kind: this.kindOf(n), message: this.messages[n] as number };
    const field = this.fields[n] as number;
    if (field !== NO_FIELD) span.field = field;
    return span;
  }

  /** How many spans start at or before `offset` (binary search on the bounds). */
  countUpTo(offset: number): number {
    const bounds = this.bounds;
    let lo = 0;
    let hi = this.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((bounds[mid] as number) <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The index of the span holding byte `offset`, or -1 (before the first, at or past the end). */
  indexAt(offset: number): number {
    const i = this.countUpTo(offset) - 1;
    return i >= 0 && offset < (this.bounds[i + 1] as number) ? i : -1;
  }

  /** The first span of `kind` in message `message` from index `from` on, or -1. */
  find(kind: SpanKind, message: number, from = 0): number {
    const k = SPAN_KINDS.indexOf(kind);
    for (let i = from; i < this.length; i++) if (this.kinds[i] === k && this.messages[i] === message) return i;
    return -1;
  }

  /** The last span of `kind` in message `message`, or -1. */
  findLast(kind: SpanKind, message: number): number {
    const k = SPAN_KINDS.indexOf(kind);
    for (let i = this.length - 1; i >= 0; i--) if (this.kinds[i] === k && this.messages[i] === message) return i;
    return -1;
  }

  *[Symbol.iterator](): Iterator<Span> {
    for (let i = 0; i < this.length; i++) yield this.at(i) as Span;
  }

  /** Every span as an object: for cold paths and tests, not for a long stream. */
  toArray(): Span[] {
    const spans = new Array<Span>(this.length);
    for (let i = 0; i < spans.length; i++) spans[i] = this.at(i) as Span;
    return spans;
  }

  /** JSON.stringify writes the spans as the array of objects the model describes (`wirebench annotate --json`, tests). */
  toJSON(): Span[] {
    return this.toArray();
  }
}
