// The annotator's spans while it builds them: columns of numbers, not an object per span. A request
// stream has about fifty spans a message and keeps them all, so span objects made as the bytes
// came were a quarter of the annotator's time spent in the garbage collector (bench/annotate.ts);
// result() builds the `Span` objects the model promises from these columns, once.
// Offsets are not stored: the spans are contiguous from 0 (every byte in exactly one span, in
// order), so a span's offset is the sum of the lengths before it.
import { SPAN_KINDS, type Span, type SpanKind } from './annotation';

/** Each span kind's number in the columns: its index in SPAN_KINDS. */
export const KIND = Object.fromEntries(SPAN_KINDS.map((kind, i) => [kind, i])) as Readonly<Record<SpanKind, number>>;

/** Spans of these kinds grow as bytes arrive: adjacent pieces are one span, however they came. */
const MERGED = new Uint8Array(SPAN_KINDS.length);
for (const kind of ['body', 'chunk_data', 'unparsed'] as const) MERGED[KIND[kind]] = 1;

/** Below V8's smallest small-integer bound (31 bits, with pointer compression). */
const SMALL = 0x3fffffff;

/** No field: the `field` column's value for a span outside any field line. */
export const NO_FIELD = -1;

export class SpanStore {
  /** Float64: a body that runs until the close may pass 2^31 bytes. */
  private lengths = new Float64Array(1024);
  private kinds = new Uint8Array(1024);
  private messages = new Int32Array(1024);
  private fields = new Int32Array(1024);
  private count = 0;

  /** A span of `length` bytes right after the last one; merged into it when both are the same growing part. */
  add(kind: number, length: number, message: number, field: number): void {
    const last = this.count - 1;
    if (last >= 0 && MERGED[kind] === 1 && this.kinds[last] === kind && this.messages[last] === message) {
      (this.lengths[last] as number) += length;
      return;
    }
    if (this.count === this.lengths.length) this.grow();
    const i = this.count++;
    this.lengths[i] = length;
    this.kinds[i] = kind;
    this.messages[i] = message;
    this.fields[i] = field;
  }

  /** The spans as the model has them (new objects: the caller may keep or change them). */
  toSpans(): Span[] {
    const spans: Span[] = [];
    let offset = 0;
    for (let i = 0; i < this.count; i++) {
      // As a small integer where it is one: a Float64Array read is a boxed double, and a field
      // first stored a box keeps a box in every span (a third more memory, and slower).
      const raw = this.lengths[i] as number;
      const length = raw <= SMALL ? raw | 0 : raw;
      const kind = SPAN_KINDS[this.kinds[i] as number] as SpanKind;
      const message = this.messages[i] as number;
      const field = this.fields[i] as number;
      // One object literal per shape rather than `field` added afterwards (which costs the span a
      // second allocation for its property).
      spans.push(field === NO_FIELD ? { offset, length, kind, message } : { offset, length, kind, message, field });
      offset += length;
    }
    return spans;
  }

  private grow(): void {
    const size = this.count * 2;
    this.lengths = copyInto(new Float64Array(size), this.lengths);
    this.kinds = copyInto(new Uint8Array(size), this.kinds);
    this.messages = copyInto(new Int32Array(size), this.messages);
    this.fields = copyInto(new Int32Array(size), this.fields);
  }
}

function copyInto<T extends Float64Array | Uint8Array | Int32Array>(to: T, from: T): T {
  to.set(from);
  return to;
}
