// The annotator's spans while it builds them: columns of numbers, not an object per span. A request
// stream has about fifty spans a message and keeps them all, so span objects made as the bytes
// came were a quarter of the annotator's time spent in the garbage collector (bench/annotate.ts);
// result() builds the `Span` objects the model promises from these columns, once.
// Offsets are not stored: the spans are contiguous from 0 (every byte in exactly one span, in
// order), so a span's offset is the sum of the lengths before it.
// A stream read to its end (`wirebench annotate` on 100 MB) takes the spans out as it goes
// (take): the blocks it has taken are let go, so the store holds only what was not taken yet.
import { SPAN_KINDS, type Span, type SpanKind } from './annotation';

/** Each span kind's number in the columns: its index in SPAN_KINDS. */
export const KIND = Object.fromEntries(SPAN_KINDS.map((kind, i) => [kind, i])) as Readonly<Record<SpanKind, number>>;

/** Spans of these kinds grow as bytes arrive: adjacent pieces are one span, however they came. */
const MERGED = new Uint8Array(SPAN_KINDS.length);
for (const kind of ['body', 'chunk_data', 'unparsed', 'tunnel'] as const) MERGED[KIND[kind]] = 1;

/** Below V8's smallest small-integer bound (31 bits, with pointer compression). */
const SMALL = 0x3fffffff;

/** No field: the `field` column's value for a span outside any field line. */
export const NO_FIELD = -1;

/**
 * Spans a full block holds: past it, blocks are added, never copied to grow. The first block
 * starts small and doubles up to this: an annotation of a few lines (most in the renderer and
 * in the tests) must not pay for the columns of a long stream.
 */
const BLOCK = 8192;
const FIRST_BLOCK = 8;

/** One block of columns, in one buffer: four typed arrays of their own cost four buffers outside the heap. */
class Block {
  /** Float64: a body that runs until the close may pass 2^31 bytes. */
  readonly lengths: Float64Array;
  readonly messages: Int32Array;
  readonly fields: Int32Array;
  readonly kinds: Uint8Array;
  count = 0;

  constructor(
    readonly capacity: number,
    from?: Block,
  ) {
    // 8 + 4 + 4 + 1 bytes a span, each column aligned for its type (the capacity is a power of two, at least 8).
    const buffer = new ArrayBuffer(capacity * 17);
    this.lengths = new Float64Array(buffer, 0, capacity);
    this.messages = new Int32Array(buffer, capacity * 8, capacity);
    this.fields = new Int32Array(buffer, capacity * 12, capacity);
    this.kinds = new Uint8Array(buffer, capacity * 16, capacity);
    if (!from) return;
    this.lengths.set(from.lengths);
    this.kinds.set(from.kinds);
    this.messages.set(from.messages);
    this.fields.set(from.fields);
    this.count = from.count;
  }
}

export class SpanStore {
  private full: Block[] = [];
  /** The block the next span goes in; its last span is the store's last (a block is made for a span). */
  private block = new Block(FIRST_BLOCK);
  /** Spans of the first block (full[0], else `block`) already taken, and the offset of the first not taken. */
  private skip = 0;
  private skipOffset = 0;

  /** A span of `length` bytes right after the last one; merged into it when both are the same growing part. */
  add(kind: number, length: number, message: number, field: number): void {
    let block = this.block;
    const last = block.count - 1;
    // A span taken (handed over) is never lengthened: the next piece starts a span of its own.
    if (last >= 0 && MERGED[kind] === 1 && block.kinds[last] === kind && block.messages[last] === message && (last >= this.skip || this.full.length > 0)) {
      (block.lengths[last] as number) += length;
      return;
    }
    if (block.count === block.capacity) {
      if (block.capacity < BLOCK) block = this.block = new Block(block.capacity * 2, block);
      else {
        this.full.push(block);
        block = this.block = new Block(BLOCK);
      }
    }
    const i = block.count++;
    block.lengths[i] = length;
    block.kinds[i] = kind;
    block.messages[i] = message;
    block.fields[i] = field;
  }

  /** The spans not taken yet, as the model has them (new objects: the caller may keep or change them). */
  toSpans(): Span[] {
    return this.spansUpTo(false);
  }

  /**
   * Hands over the spans not taken yet and forgets them; `all` false keeps the last one, which the
   * next bytes may still lengthen (a body, chunk data, unparsed bytes: see MERGED).
   */
  take(all: boolean): Span[] {
    const spans = this.spansUpTo(!all);
    let offset = this.skipOffset;
    for (const s of spans) offset += s.length;
    // Every full block is taken now: the last span (kept or not) is always in `block`.
    this.full = [];
    this.skip = all ? this.block.count : Math.max(0, this.block.count - 1);
    this.skipOffset = offset;
    return spans;
  }

  private spansUpTo(keepLast: boolean): Span[] {
    const blocks = this.full.length === 0 ? [this.block] : [...this.full, this.block];
    let count = -this.skip - (keepLast && this.block.count > 0 ? 1 : 0);
    for (const block of blocks) count += block.count;
    // Sized once, filled in place: an array grown by push is copied each time it outgrows itself,
    // and for a long stream that was a third of result()'s time (bench/annotate.ts).
    const spans = new Array<Span>(Math.max(0, count));
    let n = 0;
    let offset = this.skipOffset;
    for (let b = 0; b < blocks.length; b++) {
      const block = blocks[b] as Block;
      const end = keepLast && b === blocks.length - 1 ? block.count - 1 : block.count;
      const { lengths, kinds, messages, fields } = block;
      for (let i = b === 0 ? this.skip : 0; i < end; i++) {
        // As a small integer where it is one: a Float64Array read is a boxed double, and a field
        // first stored a box keeps a box in every span (a third more memory, and slower).
        const raw = lengths[i] as number;
        const length = raw <= SMALL ? raw | 0 : raw;
        const kind = SPAN_KINDS[kinds[i] as number] as SpanKind;
        const message = messages[i] as number;
        const field = fields[i] as number;
        // One object literal per shape rather than `field` added afterwards (which costs the span a
        // second allocation for its property).
        spans[n++] = field === NO_FIELD ? { offset, length, kind, message } : { offset, length, kind, message, field };
        offset += length;
      }
    }
    return spans;
  }
}
