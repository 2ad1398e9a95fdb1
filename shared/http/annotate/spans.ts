// The annotator's spans while it builds them: columns of numbers, not an object per span. A request
// stream has about fifty spans a message and keeps them all, so span objects made as the bytes
// came were a quarter of the annotator's time spent in the garbage collector (bench/annotate.ts).
// The columns hold where each span ends (its start is where the one before ends: the spans are
// contiguous from 0), so the annotation's table (span-table.ts) is these columns copied, block by
// block, with no loop over the spans.
// A stream read to its end (`wirebench annotate` on 100 MB) takes the spans out as it goes
// (take): the blocks it has taken are let go, so the store holds only what was not taken yet.
import { SPAN_KINDS, type SpanKind } from './annotation';
import { NO_FIELD, SpanTable } from './span-table';

export { NO_FIELD } from './span-table';

/** Each span kind's number in the columns: its index in SPAN_KINDS. */
export const KIND = Object.fromEntries(SPAN_KINDS.map((kind, i) => [kind, i])) as Readonly<Record<SpanKind, number>>;

/** Spans of these kinds grow as bytes arrive: adjacent pieces are one span, however they came. */
const MERGED = new Uint8Array(SPAN_KINDS.length);
for (const kind of ['body', 'chunk_data', 'unparsed', 'tunnel'] as const) MERGED[KIND[kind]] = 1;

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
  readonly ends: Float64Array;
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
    this.ends = new Float64Array(buffer, 0, capacity);
    this.messages = new Int32Array(buffer, capacity * 8, capacity);
    this.fields = new Int32Array(buffer, capacity * 12, capacity);
    this.kinds = new Uint8Array(buffer, capacity * 16, capacity);
    if (!from) return;
    this.ends.set(from.ends);
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
  /** Where the last span ends: the bytes laid out so far. */
  private end = 0;

  /** A span of `length` bytes right after the last one; merged into it when both are the same growing part. */
  add(kind: number, length: number, message: number, field: number): void {
    let block = this.block;
    const last = block.count - 1;
    const end = (this.end += length);
    // A span taken (handed over) is never lengthened: the next piece starts a span of its own.
    if (last >= 0 && MERGED[kind] === 1 && block.kinds[last] === kind && block.messages[last] === message && (last >= this.skip || this.full.length > 0)) {
      block.ends[last] = end;
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
    block.ends[i] = end;
    block.kinds[i] = kind;
    block.messages[i] = message;
    block.fields[i] = field;
  }

  /**
   * The spans not taken yet, as a table of their own (a copy: later bytes change nothing in it),
   * and after them, when `pending` is more than 0, a `pending` span of that many bytes in `message`.
   */
  toTable(pending = 0, message = -1): SpanTable {
    return this.tableUpTo(false, pending, message);
  }

  /**
   * Hands over the spans not taken yet and forgets them; `all` false keeps the last one, which the
   * next bytes may still lengthen (a body, chunk data, unparsed bytes: see MERGED).
   */
  take(all: boolean): SpanTable {
    const table = this.tableUpTo(!all, 0, -1);
    // Every full block is taken now: the last span (kept or not) is always in `block`.
    this.full = [];
    this.skip = all ? this.block.count : Math.max(0, this.block.count - 1);
    this.skipOffset = table.end;
    return table;
  }

  private tableUpTo(keepLast: boolean, pending: number, message: number): SpanTable {
    const blocks = this.full.length === 0 ? [this.block] : [...this.full, this.block];
    let count = -this.skip - (keepLast && this.block.count > 0 ? 1 : 0);
    for (const block of blocks) count += block.count;
    count = Math.max(0, count);
    const extra = pending > 0 ? 1 : 0;
    const table = SpanTable.allocate(count + extra);
    const { bounds, kinds, messages, fields } = table;
    bounds[0] = this.skipOffset;
    // Column by column, block by block: copies of memory, not a loop over the spans.
    let n = 0;
    for (let b = 0; b < blocks.length && n < count; b++) {
      const block = blocks[b] as Block;
      const from = b === 0 ? this.skip : 0;
      const to = Math.min(block.count, from + count - n);
      bounds.set(block.ends.subarray(from, to), n + 1);
      kinds.set(block.kinds.subarray(from, to), n);
      messages.set(block.messages.subarray(from, to), n);
      fields.set(block.fields.subarray(from, to), n);
      n += to - from;
    }
    if (extra === 1) {
      const offset = bounds[count] as number;
      bounds[count + 1] = offset + pending;
      kinds[count] = KIND.pending;
      messages[count] = message;
      fields[count] = NO_FIELD;
    }
    return table;
  }
}
