// The text view's rows: lines that break after each LF (the line ends stay visible, as badges),
// wrapped at `width` bytes. Where lines fall depends on the bytes, so a 100 MB exchange cannot be
// laid out by arithmetic as the hex view is; instead each segment is cut into blocks of TEXT_BLOCK
// bytes (aligned in its stream) and a row never crosses a block's edge (a line longer than that is
// wrapped there too). A block's rows are counted once from its bytes and remembered (the bytes of a
// chunk never change); a block whose bytes are not at hand yet counts as rows of `width` until its
// page arrives. Row i is found by binary search over the blocks' first rows: memory is O(blocks),
// and only the blocks on screen keep their row starts (a bounded cache).
import type { Dir } from '../../../shared/contract/contract';
import type { ByteSource } from './byte-source';
import { chunksStartingIn, floorIndex, segmentAt, type Exchange, type Segment } from './exchange-model';
import type { ByteLayout, ByteRow } from './hex-layout';

export const TEXT_BLOCK = 64 * 1024;
const LF = 0x0a;
const CR = 0x0d;

/**
 * Where each row starts in `bytes`: after every LF, and after `width` bytes of a longer line. A
 * wrap never splits a UTF-8 character (RFC 3629: continuation bytes are 10xxxxxx), nor a CR from
 * the LF after it, nor leaves a line's ending alone on a row: the badges stay with their line.
 */
export function rowStarts(bytes: Uint8Array, width: number): Uint32Array {
  const starts: number[] = [0];
  let pos = 0;
  while (pos < bytes.length) {
    const lf = bytes.indexOf(LF, pos);
    const lineEnd = lf === -1 ? bytes.length : lf + 1;
    while (lineEnd - pos > width) {
      let cut = pos + width;
      let back = 0;
      while (back < 3 && cut - 1 > pos && ((bytes[cut] as number) & 0xc0) === 0x80) {
        cut--;
        back++;
      }
      if (((bytes[cut] as number) & 0xc0) === 0x80) cut = pos + width; // not text after all
      if (bytes[cut - 1] === CR && bytes[cut] === LF) cut++;
      const rest = lineEnd - cut;
      const onlyEnding = bytes[lineEnd - 1] === LF && (rest === 1 || (rest === 2 && bytes[cut] === CR));
      if (cut >= lineEnd || onlyEnding) break;
      starts.push(cut);
      pos = cut;
    }
    pos = lineEnd;
    if (pos < bytes.length) starts.push(pos);
  }
  return Uint32Array.from(starts);
}

/** Row counts and row starts already computed, per block and width; kept across layouts. */
export class TextLayoutCache {
  private readonly counts = new Map<string, number>();
  private readonly starts = new Map<string, Uint32Array>();

  constructor(private readonly maxStarts = 64) {}

  count(key: string): number | undefined {
    return this.counts.get(key);
  }

  rows(key: string): Uint32Array | undefined {
    const found = this.starts.get(key);
    if (found) {
      this.starts.delete(key);
      this.starts.set(key, found);
    }
    return found;
  }

  remember(key: string, starts: Uint32Array): void {
    this.counts.set(key, starts.length);
    this.starts.set(key, starts);
    for (const old of this.starts.keys()) {
      if (this.starts.size <= this.maxStarts) break;
      this.starts.delete(old);
    }
  }
}

interface Block {
  segment: Segment;
  /** A heading entry (one row), or a block of bytes [start, end). */
  head: boolean;
  start: number;
  end: number;
  key: string;
}

export interface TextLayoutOptions {
  /** Bytes per row at most (what fits the pane). */
  width: number;
  /**
   * How many bytes of blocks not counted yet it may count now (default: all of them). Counting is
   * a pass over the bytes, some 3 ms per MB: a big exchange is counted a slice per frame, blocks
   * near `near` first, and the others are estimated meanwhile.
   */
  budget?: number;
  near?: { dir: Dir; offset: number };
}

export interface TextLayout extends ByteLayout {
  /** Blocks whose bytes are at hand but not counted yet: lay out again (a frame later) to count them. */
  uncounted: number;
}

export function textLayout(exchange: Exchange, source: ByteSource, cache: TextLayoutCache, options: TextLayoutOptions): TextLayout {
  const { width } = options;
  const blocks: Block[] = [];
  /** Per segment, the index of its heading entry in `blocks`. */
  const headOf = new Float64Array(exchange.segments.length);
  for (const seg of exchange.segments) {
    headOf[seg.index] = blocks.length;
    blocks.push({ segment: seg, head: true, start: seg.offset, end: seg.offset, key: '' });
    const segEnd = seg.offset + seg.length;
    for (let start = seg.offset; start < segEnd; ) {
      const end = Math.min(segEnd, (Math.floor(start / TEXT_BLOCK) + 1) * TEXT_BLOCK);
      blocks.push({ segment: seg, head: false, start, end, key: `${seg.dir}:${start}:${end}:${width}` });
      start = end;
    }
  }
  const blockOf = (seg: Segment, offset: number): number =>
    (headOf[seg.index] as number) + 1 + Math.floor(offset / TEXT_BLOCK) - Math.floor(seg.offset / TEXT_BLOCK);

  /** The block's row starts, from the cache or its bytes; undefined while its bytes are not here. */
  const startsOf = (block: Block): Uint32Array | undefined => {
    const known = cache.rows(block.key);
    if (known) return known;
    const bytes = source.read(block.segment.dir, block.start, block.end);
    if (!(bytes instanceof Uint8Array)) return undefined;
    const starts = rowStarts(bytes, width);
    cache.remember(block.key, starts);
    return starts;
  };

  // Count what the budget allows: the blocks around `near` first, then from the top. Blocks whose
  // bytes are not here wait for their page (its arrival makes a new layout).
  let budget = options.budget ?? Infinity;
  let uncounted = 0;
  const tryCount = (i: number): void => {
    const block = blocks[i] as Block;
    if (block.head || cache.count(block.key) !== undefined) return;
    if (budget <= 0) uncounted++;
    else if (startsOf(block)) budget -= block.end - block.start;
  };
  const nearSeg = options.near && segmentAt(exchange[options.near.dir], options.near.offset);
  if (options.near && nearSeg) {
    const b = blockOf(nearSeg, options.near.offset);
    // The block on screen, the ones below it (scrolling on), then the two above.
    for (const i of [b, b + 1, b + 2, b + 3, b + 4, b - 1, b - 2]) if (i >= 0 && i < blocks.length) tryCount(i);
    uncounted = 0;
  }
  for (let i = 0; i < blocks.length; i++) tryCount(i);

  // Blocks not counted are estimated from the rows per byte of those that are (or the width):
  // they stay so in this layout even if counted meanwhile, so that row indices and the count agree.
  const estimated = new Set<number>();
  let countedBytes = 0;
  let countedRows = 0;
  for (const block of blocks) {
    const n = block.head ? undefined : cache.count(block.key);
    if (n === undefined) continue;
    countedBytes += block.end - block.start;
    countedRows += n;
  }
  const bytesPerRow = countedRows > 0 ? Math.max(1, countedBytes / countedRows) : width;
  const counts = new Float64Array(blocks.length);
  const firstRow = new Float64Array(blocks.length);
  let count = 0;
  blocks.forEach((block, i) => {
    let n = block.head ? 1 : cache.count(block.key);
    if (n === undefined) {
      n = Math.max(1, Math.ceil((block.end - block.start) / bytesPerRow));
      estimated.add(i);
    }
    counts[i] = n;
    firstRow[i] = count;
    count += n;
  });

  const rowAt = (index: number): ByteRow => {
    const b = floorIndex(firstRow, index);
    const block = blocks[b] as Block;
    const seg = block.segment;
    if (block.head) return { kind: 'head', index, segment: seg };
    const k = index - (firstRow[b] as number);
    const starts = estimated.has(b) ? undefined : startsOf(block);
    let start: number;
    let end: number;
    if (starts) {
      start = block.start + (starts[k] ?? block.end - block.start);
      end = k + 1 < starts.length ? block.start + (starts[k + 1] as number) : block.end;
    } else {
      // Evenly spread over the estimated rows until the block is counted (rowOfByte inverts this).
      const n = counts[b] as number;
      start = block.start + Math.ceil(((block.end - block.start) * k) / n);
      end = block.start + Math.ceil(((block.end - block.start) * (k + 1)) / n);
    }
    const chunkStarts = chunksStartingIn(exchange[seg.dir], start, end);
    return { kind: 'bytes', index, segment: seg, dir: seg.dir, rowOffset: start, start, end, chunkStarts, pending: !starts };
  };

  const rowOfByte = (dir: Dir, offset: number): number => {
    const seg = segmentAt(exchange[dir], offset);
    if (!seg) return -1;
    const b = blockOf(seg, offset);
    const block = blocks[b] as Block;
    const n = counts[b] as number;
    const starts = estimated.has(b) ? undefined : startsOf(block);
    const k = starts ? floorIndex(starts, offset - block.start) : Math.floor(((offset - block.start) * n) / (block.end - block.start));
    return (firstRow[b] as number) + Math.max(0, Math.min(k, n - 1));
  };

  return { count, rowAt, rowOfByte, uncounted };
}
